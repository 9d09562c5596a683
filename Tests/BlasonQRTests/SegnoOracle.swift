import BlasonQR
import Foundation

/// segno (PyPI, pure Python) as an independent reference encoder: it builds the same symbol from
/// the same content, version, level and mask, and tells which mask and version it chose itself.
enum SegnoOracle {
    struct Case: Encodable {
        let hex: String
        let error: String
        let version: Int?
        let mask: Int?

        init(bytes: [UInt8], errorCorrection: QRCode.ErrorCorrection, version: Int?, mask: Int?) {
            hex = bytes.hex
            error = errorCorrection.segnoName
            self.version = version
            self.mask = mask
        }
    }

    struct Symbol: Decodable {
        let version: Int
        let mask: Int
        let error: String
        /// One string of "0"/"1" per row, "1" for dark.
        let rows: [String]
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
    private static let script = """
        import json
        import sys

        import segno

        with open(sys.argv[1]) as f:
            request = json.load(f)
        results = []
        for case in request["cases"]:
            options = {"error": case["error"], "mode": "byte", "boost_error": False, "micro": False}
            if case.get("version") is not None:
                options["version"] = case["version"]
            if case.get("mask") is not None:
                options["mask"] = case["mask"]
            qr = segno.make(bytes.fromhex(case["hex"]), **options)
            rows = ["".join("1" if module else "0" for module in row) for row in qr.matrix]
            results.append({"version": qr.version, "mask": qr.mask, "error": qr.error, "rows": rows})
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
        guard symbol.rows.count == code.size, symbol.rows.allSatisfy({ $0.count == code.size }) else {
            return "segno's symbol is \(symbol.rows.count) modules square, ours \(code.size)"
        }
        var differing = 0
        var first: (x: Int, y: Int)?
        for (y, row) in symbol.rows.enumerated() {
            for (x, module) in row.enumerated() where (module == "1") != code.isDark(x: x, y: y) {
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
