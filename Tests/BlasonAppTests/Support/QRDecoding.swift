import BlasonTestSupport
import Foundation
import Testing

/// Reads QR codes from PNG images with zxing-cpp (through Pillow), under the Python named by
/// `BLASON_TEST_QR_PYTHON`: an independent decoder, as a phone's camera would be.
enum QRDecoding {
    static var isConfigured: Bool { ExternalPython.isConfigured }
    static let skipReason = ExternalPython.skipReason

    private struct Request: Encodable {
        let png: String
    }

    private static let script = """
        import base64
        import io
        import json
        import sys

        import zxingcpp
        from PIL import Image

        with open(sys.argv[1]) as f:
            png = base64.b64decode(json.load(f)["png"])
        with Image.open(io.BytesIO(png)) as image:
            image.load()
            barcodes = zxingcpp.read_barcodes(image.convert("L"), formats=zxingcpp.BarcodeFormat.QRCode)
        with open(sys.argv[2], "w") as f:
            json.dump([barcode.text for barcode in barcodes], f)
        """

    /// The texts of every QR code found in `png`.
    static func texts(in png: Data) throws -> [String] {
        try ExternalPython.run(script: script, request: Request(png: png.base64EncodedString()), answer: [String].self)
    }
}
