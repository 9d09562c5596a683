@testable import BlasonQR
import Foundation
import BlasonTestSupport
import Testing

/// zxing-cpp (PyPI wheel, a C++ decoder) reading our PNGs through Pillow's PNG reader: the
/// strongest check that what we render is a QR code a scanner understands.
@Suite("Decoding our PNGs with zxing-cpp", .enabled(if: ExternalPython.isConfigured, ExternalPython.skipReason))
struct DecodeTests {
    struct Case: Encodable {
        let path: String
    }

    struct Decoded: Decodable {
        let hex: String
        let ecLevel: String
        let version: String
        let mask: Int
        let symbologyIdentifier: String
    }

    struct Result: Decodable {
        let mode: String
        let width: Int
        let height: Int
        let decoded: [Decoded]
    }

    private struct Request: Encodable {
        let cases: [Case]
    }

    private struct Answer: Decodable {
        let results: [Result]
    }

    private static let script = """
        import json
        import sys

        import zxingcpp
        from PIL import Image

        with open(sys.argv[1]) as f:
            request = json.load(f)
        results = []
        for case in request["cases"]:
            with Image.open(case["path"]) as image:
                image.load()
                mode, (width, height) = image.mode, image.size
                barcodes = zxingcpp.read_barcodes(image.convert("L"), formats=zxingcpp.BarcodeFormat.QRCode)
            results.append({
                "mode": mode,
                "width": width,
                "height": height,
                "decoded": [{
                    "hex": barcode.bytes.hex(),
                    "ecLevel": barcode.extra["ECLevel"],
                    "version": barcode.extra["Version"],
                    "mask": barcode.extra["DataMask"],
                    "symbologyIdentifier": barcode.symbology_identifier,
                } for barcode in barcodes],
            })
        with open(sys.argv[2], "w") as f:
            json.dump({"results": results}, f)
        """

    @Test("every sample, level and a spread of versions, masks and scales decodes to the same bytes")
    func decodesWhatWeRender() throws {
        var random = TestBytes(seed: 0xDEC0DE)
        var symbols: [(code: QRCode, bytes: [UInt8], moduleSize: Int, quietZone: Int)] = []
        for text in SampleContent.all {
            for level in QRCode.ErrorCorrection.allCases {
                let code = try QRCode(text: text, errorCorrection: level)
                symbols.append((code, Array(text.utf8), 8, 4))
            }
        }
        for (index, version) in [1, 2, 7, 10, 25, 40].enumerated() {
            for (levelIndex, level) in QRCode.ErrorCorrection.allCases.enumerated() {
                let bytes = Array(SampleContent.shortASCII.utf8.prefix(7))
                let mask = (index * 4 + levelIndex) % 8
                let code = try QRCode(bytes: bytes, errorCorrection: level, minimumVersion: version, mask: mask)
                symbols.append((code, bytes, 1 + levelIndex, levelIndex + 2))
            }
        }
        // Full symbols leave no padding to hide mistakes in the blocks and their interleaving.
        for level in QRCode.ErrorCorrection.allCases {
            for version in [5, 21, 40] {
                let bytes = random.next(QRCode.byteCapacity(version: version, errorCorrection: level))
                symbols.append((try QRCode(bytes: bytes, errorCorrection: level, minimumVersion: version), bytes, 3, 4))
            }
        }

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("blason-qr-png-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var cases: [Case] = []
        for (index, symbol) in symbols.enumerated() {
            let url = directory.appendingPathComponent("\(index).png")
            try symbol.code.png(moduleSize: symbol.moduleSize, quietZone: symbol.quietZone).write(to: url)
            cases.append(Case(path: url.path))
        }

        let answer = try ExternalPython.run(script: Self.script, request: Request(cases: cases), answer: Answer.self)
        #expect(answer.results.count == symbols.count)
        for (symbol, result) in zip(symbols, answer.results) {
            let label = "v\(symbol.code.version) \(symbol.code.errorCorrection) mask \(symbol.code.mask) at \(symbol.moduleSize) px"
            let side = (symbol.code.size + 2 * symbol.quietZone) * symbol.moduleSize
            #expect(result.mode == "1", "\(label): Pillow reads a 1-bit image")
            #expect(result.width == side && result.height == side, "\(label)")
            guard let decoded = result.decoded.first, result.decoded.count == 1 else {
                Issue.record("\(label): zxing-cpp found \(result.decoded.count) QR codes")
                continue
            }
            #expect(decoded.hex == symbol.bytes.hex, "\(label)")
            #expect(decoded.ecLevel == symbol.code.errorCorrection.segnoName, "\(label)")
            #expect(decoded.version == String(symbol.code.version), "\(label)")
            #expect(decoded.mask == symbol.code.mask, "\(label)")
            // ]Q1: a model 2 symbol without ECI, which is what byte mode without an ECI header is.
            #expect(decoded.symbologyIdentifier == "]Q1", "\(label)")
        }
    }
}
