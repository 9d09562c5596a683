import BlasonQR
import BlasonTestSupport
import Foundation

/// segno (PyPI, pure Python) as an independent reference encoder: it builds the same symbol from
/// the same content, version, level and mask, scores masks with its own penalty code, and tells
/// which mask and version it chooses itself.
enum SegnoOracle {
    struct Case: Encodable {
        let hex: String
        let error: String
        let version: Int?
        let mask: Int?
        /// Run segno as released, without the padding fix below.
        let unpatched: Bool

        init(bytes: [UInt8], errorCorrection: QRCode.ErrorCorrection, version: Int?, mask: Int?, unpatched: Bool = false) {
            hex = bytes.hex
            error = errorCorrection.segnoName
            self.version = version
            self.mask = mask
            self.unpatched = unpatched
        }
    }

    struct Symbol: Decodable {
        let version: Int
        let mask: Int
        let error: String
        /// One string of "0"/"1" per row, "1" for dark.
        let rows: [String]
        /// segno's penalty features (N1 runs, N2 blocks, N3 finder-like, N4 balance) of this
        /// finished symbol, from its own `mask_scores`; N3 misses overlapping patterns (see `script`).
        let scores: [Int]
        /// Feature 3 counted at every occurrence, overlapping ones included (see `script`).
        let finderLike: Int
        /// The data codewords segno put in the symbol, before error correction, as hex.
        let dataCodewords: String
    }

    private struct Request: Encodable {
        let cases: [Case]
    }

    private struct Answer: Decodable {
        let segno: String
        let results: [Symbol]
    }

    // `micro=False` keeps segno from choosing a Micro QR symbol; `boost_error=False` keeps the
    // requested level instead of raising it when there is room to spare; bytes in and byte mode
    // keep segno from choosing Latin-1 or another mode for the content.
    //
    // segno 1.6.6 writes eight zero padding bits when the bit stream already ends on a codeword
    // boundary (heuer/segno issues #123 and #148), so a 0x00 codeword precedes the 0xEC/0x11 pad
    // codewords; ISO/IEC 18004 §7.4.10 adds padding bits only to reach a boundary. In byte mode the
    // stream always ends on a boundary after the terminator, so every symbol that is not full would
    // differ. Unless a case asks for segno as released, the helper replaces that one function with
    // the standard's rule; SegnoPaddingTests pins the released behaviour down.
    //
    // segno's feature 3 search resumes after the end of each counted pattern, so it misses a
    // pattern that begins on the last module of the previous one (1011101011101: the finder's
    // edge, its separator, then data often form one). The standard counts each pattern that
    // exists, so `finder_like` recounts feature 3 at every position, with the symbol padded by
    // four light modules of quiet zone.
    private static let script = """
        import json
        import sys

        import segno
        from segno import encoder

        released_padding = encoder.write_padding_bits

        def standard_padding(buff, version, length):
            buff.extend([0] * (-length % 8))

        captured = []
        released_final_message = encoder.make_final_message

        def capture_final_message(version, error, buff):
            captured.append(bytes(buff.toints()).hex())
            return released_final_message(version, error, buff)

        encoder.make_final_message = capture_final_message

        def finder_like(matrix):
            pattern = [1, 0, 1, 1, 1, 0, 1]
            size = len(matrix)
            rows = [[1 if module else 0 for module in row] for row in matrix]
            columns = [[row[x] for row in rows] for x in range(size)]
            count = 0
            for line in rows + columns:
                padded = [0] * 4 + line + [0] * 4
                for start in range(4, size - 2):
                    if padded[start:start + 7] == pattern and (
                        not any(padded[start - 4:start]) or not any(padded[start + 7:start + 11])
                    ):
                        count += 1
            return 40 * count

        with open(sys.argv[1]) as f:
            request = json.load(f)
        results = []
        for case in request["cases"]:
            encoder.write_padding_bits = released_padding if case.get("unpatched") else standard_padding
            options = {"error": case["error"], "mode": "byte", "boost_error": False, "micro": False}
            if case.get("version") is not None:
                options["version"] = case["version"]
            if case.get("mask") is not None:
                options["mask"] = case["mask"]
            captured.clear()
            qr = segno.make(bytes.fromhex(case["hex"]), **options)
            size = len(qr.matrix)
            results.append({
                "version": qr.version,
                "mask": qr.mask,
                "error": qr.error,
                "rows": ["".join("1" if module else "0" for module in row) for row in qr.matrix],
                "scores": list(encoder.mask_scores(qr.matrix, size, size)),
                "finderLike": finder_like(qr.matrix),
                "dataCodewords": captured[-1],
            })
        with open(sys.argv[2], "w") as f:
            json.dump({"segno": segno.__version__, "results": results}, f)
        """

    /// Encodes every case with segno, in one Python process.
    static func symbols(for cases: [Case]) throws -> [Symbol] {
        let answer = try ExternalPython.run(script: script, request: Request(cases: cases), answer: Answer.self)
        guard answer.results.count == cases.count else {
            throw ExternalPython.Failure(description: "segno answered \(answer.results.count) of \(cases.count) cases")
        }
        return answer.results
    }

    /// Where our symbol and segno's differ first, or nil when every module agrees.
    static func firstDifference(_ code: QRCode, _ symbol: Symbol) -> String? {
        // UTF-8 views, as walking the rows by Character is needlessly slow for 177×177 symbols.
        let rows = symbol.rows.map { Array($0.utf8) }
        guard rows.count == code.size, rows.allSatisfy({ $0.count == code.size }) else {
            return "segno's symbol is \(rows.count) modules square, ours \(code.size)"
        }
        var differing = 0
        var first: (x: Int, y: Int)?
        for (y, row) in rows.enumerated() {
            for (x, module) in row.enumerated() where (module == UInt8(ascii: "1")) != code.isDark(x: x, y: y) {
                differing += 1
                first = first ?? (x, y)
            }
        }
        guard let first else { return nil }
        return "\(differing) modules differ, first at x=\(first.x) y=\(first.y)"
    }
}

extension QRCode.ErrorCorrection {
    var segnoName: String {
        switch self {
        case .low: "L"
        case .medium: "M"
        case .quartile: "Q"
        case .high: "H"
        }
    }
}

extension QRCode {
    /// The modules as a row-major grid, the form the penalty scorer takes.
    var grid: [Bool] {
        (0..<size).flatMap { y in (0..<size).map { x in isDark(x: x, y: y) } }
    }
}
