import BlasonQR
import Foundation
import Testing

/// Contents the comparisons run over; byte counts matter more than the text.
enum SampleContent {
    static let shortASCII = "Hello, Blason!"
    static let url100 = "https://blason.example.org/public/assertions/7f3c2a91-5d4e-4b8a-9c1f-2e6d8b0a4c37?view=verify&lang=fr"
    static let unicode = "Café crème — médaille d’or 🏅 Blason 🎉"
    static let all = [shortASCII, url100, unicode]
}

@Suite("Bit-exact agreement with segno", .enabled(if: ExternalPython.isConfigured, ExternalPython.skipReason))
struct SegnoComparisonTests {
    static let versions = [1, 2, 7, 10, 25, 40]

    @Test("the sample contents have the shapes the comparisons rely on")
    func sampleShapes() {
        #expect(Array(SampleContent.url100.utf8).count == 100)
        #expect(SampleContent.unicode.unicodeScalars.contains { $0.value > 0xFFFF })
        #expect(SampleContent.unicode.contains("é"))
    }

    @Test("forced masks: every level, versions 1, 2, 7, 10, 25, 40, all eight masks", arguments: SampleContent.all)
    func forcedMasks(text: String) throws {
        let bytes = Array(text.utf8)
        var codes: [QRCode] = []
        var cases: [SegnoOracle.Case] = []
        for level in QRCode.ErrorCorrection.allCases {
            for version in Self.versions {
                for mask in 0..<8 {
                    let code = try QRCode(text: text, errorCorrection: level, minimumVersion: version, mask: mask)
                    // A version too small for the content moves up; segno would refuse it, so skip.
                    guard code.version == version else { continue }
                    #expect(code.mask == mask)
                    codes.append(code)
                    cases.append(.init(bytes: bytes, errorCorrection: level, version: version, mask: mask))
                }
            }
        }
        #expect(cases.count >= 4 * 4 * 8, "too few versions fit for the comparison to mean much")
        try compare(codes, cases)
    }

    @Test("automatic mask choice equals segno's at versions 1, 2, 7, 10, 25, 40", arguments: SampleContent.all)
    func automaticMask(text: String) throws {
        let bytes = Array(text.utf8)
        var codes: [QRCode] = []
        var cases: [SegnoOracle.Case] = []
        for level in QRCode.ErrorCorrection.allCases {
            for version in Self.versions {
                let code = try QRCode(text: text, errorCorrection: level, minimumVersion: version)
                guard code.version == version else { continue }
                codes.append(code)
                cases.append(.init(bytes: bytes, errorCorrection: level, version: version, mask: nil))
            }
        }
        #expect(cases.count >= 4 * 4)
        try compare(codes, cases)
    }

    @Test("every version and level, content filling the symbol exactly and half of it")
    func everyVersionAndLevel() throws {
        var random = TestBytes(seed: 0x5EED_B1A5)
        var codes: [QRCode] = []
        var cases: [SegnoOracle.Case] = []
        for version in 1...40 {
            for (levelIndex, level) in QRCode.ErrorCorrection.allCases.enumerated() {
                // The largest content that fits this version: one more byte must move up a version.
                let full = try largestContent(version: version, level: level, random: &random)
                let mask = (version * 4 + levelIndex) % 8
                codes.append(try QRCode(bytes: full, errorCorrection: level, mask: mask))
                cases.append(.init(bytes: full, errorCorrection: level, version: version, mask: mask))

                let half = Array(full.prefix(full.count / 2))
                codes.append(try QRCode(bytes: half, errorCorrection: level, minimumVersion: version))
                cases.append(.init(bytes: half, errorCorrection: level, version: version, mask: nil))
            }
        }
        try compare(codes, cases)
    }

    @Test("the smallest version that fits equals segno's choice", arguments: SampleContent.all)
    func automaticVersion(text: String) throws {
        var codes: [QRCode] = []
        var cases: [SegnoOracle.Case] = []
        for level in QRCode.ErrorCorrection.allCases {
            // Several lengths, so that the chosen versions spread across the range.
            for repeats in [1, 3, 10, 40] {
                let bytes = Array(String(repeating: text, count: repeats).utf8)
                codes.append(try QRCode(bytes: bytes, errorCorrection: level))
                cases.append(.init(bytes: bytes, errorCorrection: level, version: nil, mask: nil))
            }
        }
        try compare(codes, cases)
    }

    /// Finds the content length at capacity by growing until the version changes, which checks
    /// our capacity against segno's agreement rather than assuming it.
    private func largestContent(version: Int, level: QRCode.ErrorCorrection, random: inout TestBytes) throws -> [UInt8] {
        let pool = random.next(3000)
        var low = 0, high = 2953
        while low < high {
            let middle = (low + high + 1) / 2
            let code = try? QRCode(bytes: Array(pool.prefix(middle)), errorCorrection: level, minimumVersion: version)
            if code?.version == version { low = middle } else { high = middle - 1 }
        }
        return Array(pool.prefix(low))
    }

    private func compare(_ codes: [QRCode], _ cases: [SegnoOracle.Case]) throws {
        let symbols = try SegnoOracle.symbols(for: cases)
        for (index, (code, symbol)) in zip(codes, symbols).enumerated() {
            let label = "case \(index): level \(cases[index].error), ours v\(code.version) mask \(code.mask), segno v\(symbol.version) mask \(symbol.mask)"
            #expect(symbol.error == cases[index].error, "\(label): segno used another level")
            #expect(code.version == symbol.version, "\(label): versions differ")
            #expect(code.mask == symbol.mask, "\(label): masks differ")
            let difference = SegnoOracle.firstDifference(code, symbol)
            #expect(difference == nil, "\(label): \(difference ?? "")")
        }
    }
}
