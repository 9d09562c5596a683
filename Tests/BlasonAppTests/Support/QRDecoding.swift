import Foundation
import Testing

/// Reads QR codes from PNG images with zxing-cpp (through Pillow), under the Python named by
/// `BLASON_TEST_QR_PYTHON`: an independent decoder, as a phone's camera would be.
enum QRDecoding {
    static let environmentVariable = "BLASON_TEST_QR_PYTHON"

    static var executable: String? {
        guard let path = ProcessInfo.processInfo.environment[environmentVariable], !path.isEmpty else { return nil }
        return path
    }

    static var isConfigured: Bool { executable != nil }

    static let skipReason: Comment = """
        needs BLASON_TEST_QR_PYTHON, a Python with zxing-cpp and pillow (pip install zxing-cpp==3.1.1 pillow==13.0.0)
        """

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private static let script = """
        import json
        import sys

        import zxingcpp
        from PIL import Image

        with Image.open(sys.argv[1]) as image:
            image.load()
            barcodes = zxingcpp.read_barcodes(image.convert("L"), formats=zxingcpp.BarcodeFormat.QRCode)
        with open(sys.argv[2], "w") as f:
            json.dump([barcode.text for barcode in barcodes], f)
        """

    /// The texts of every QR code found in `png`.
    static func texts(in png: Data) throws -> [String] {
        guard let executable else { throw Failure(description: "\(environmentVariable) is not set") }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("blason-qr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let scriptURL = directory.appendingPathComponent("decode.py")
        let imageURL = directory.appendingPathComponent("code.png")
        let answerURL = directory.appendingPathComponent("answer.json")
        let errorsURL = directory.appendingPathComponent("output.txt")
        try Data(script.utf8).write(to: scriptURL)
        try png.write(to: imageURL)
        _ = FileManager.default.createFile(atPath: errorsURL.path, contents: nil)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [scriptURL.path, imageURL.path, answerURL.path]
        let errors = try FileHandle(forWritingTo: errorsURL)
        process.standardError = errors
        process.standardOutput = errors
        try process.run()
        process.waitUntilExit()
        try errors.close()
        guard process.terminationStatus == 0 else {
            let output = (try? String(contentsOf: errorsURL, encoding: .utf8)) ?? ""
            throw Failure(description: "\(executable) exited with \(process.terminationStatus):\n\(output)")
        }
        return try JSONDecoder().decode([String].self, from: Data(contentsOf: answerURL))
    }
}
