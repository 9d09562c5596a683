@testable import BlasonQR
import BlasonTestSupport
import Testing

/// segno 1.6.6 pads differently from the standard (heuer/segno issues #123 and #148); the
/// comparisons patch that out. These tests show the patch removes exactly that difference: with it
/// segno's data codewords equal ours, without it they differ only by one 0x00 codeword inserted
/// after the terminator, the pad codewords shifted one place.
@Suite("segno's padding, with and without the fix", .enabled(if: ExternalPython.isConfigured, ExternalPython.skipReason))
struct SegnoPaddingTests {
    static let cases: [(text: String, level: QRCode.ErrorCorrection, version: Int)] = [
        ("Hello, Blason!", .low, 1),
        ("hi", .high, 1),
        (SampleContent.url100, .medium, 7),
        (SampleContent.unicode, .quartile, 10),
    ]

    @Test("data codewords equal ours with the fix, and differ by one 0x00 codeword without it")
    func paddingDifference() throws {
        var requests: [SegnoOracle.Case] = []
        for item in Self.cases {
            for unpatched in [false, true] {
                requests.append(.init(bytes: Array(item.text.utf8), errorCorrection: item.level, version: item.version, mask: 0, unpatched: unpatched))
            }
        }
        let symbols = try SegnoOracle.symbols(for: requests)
        for (index, item) in Self.cases.enumerated() {
            let bytes = Array(item.text.utf8)
            let ours = Codewords.dataCodewords(bytes: bytes, version: item.version, errorCorrection: item.level)
            #expect(symbols[2 * index].dataCodewords == ours.hex, "\(item.text) with the fix")

            // Header, content and terminator end on a codeword boundary in byte mode.
            let headerBits = 4 + QRCode.characterCountBits(version: item.version)
            let streamEnd = (headerBits + 8 * bytes.count + 4) / 8
            let released = Array(ours.prefix(streamEnd)) + [0x00] + Array(ours[streamEnd..<(ours.count - 1)])
            #expect(symbols[2 * index + 1].dataCodewords == released.hex, "\(item.text) as released")
            #expect(symbols[2 * index + 1].rows != symbols[2 * index].rows)
        }
    }
}
