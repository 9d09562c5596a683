@testable import BlasonQR
import Foundation
import BlasonTestSupport
import Testing

/// Contents the comparisons run over; byte counts matter more than the text.
enum SampleContent {
    static let shortASCII = "Hello, Blason!"
    static let url100 = "https://blason.example.org/public/assertions/7f3c2a91-5d4e-4b8a-9c1f-2e6d8b0a4c37?view=verify&lang=f"
    static let unicode = "Café crème — médaille d’or 🏅 Blason 🎉"
    static let all = [shortASCII, url100, unicode]
}

@Test("the sample contents have the shapes the comparisons rely on")
func sampleContentShapes() {
    #expect(Array(SampleContent.url100.utf8).count == 100)
    #expect(SampleContent.unicode.unicodeScalars.contains { $0.value > 0xFFFF })
    #expect(SampleContent.unicode.contains("é"))
}

@Suite("Bit-exact agreement with segno", .enabled(if: ExternalPython.isConfigured, ExternalPython.skipReason))
struct SegnoComparisonTests {
    static let versions = [1, 2, 7, 10, 25, 40]

    @Test("forced masks: every level, versions 1, 2, 7, 10, 25, 40, all eight masks", arguments: SampleContent.all)
    func forcedMasks(text: String) throws {
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
                    cases.append(.init(bytes: Array(text.utf8), errorCorrection: level, version: version, mask: mask))
                }
            }
        }
        // Every sample fits at least three of the six versions at every level.
        #expect(cases.count >= 4 * 3 * 8, "too few versions fit for the comparison to mean much")
        try compare(codes, cases)
    }

    /// Our automatic choice must be the lowest penalty (first on a tie) of the eight finished
    /// symbols as scored outside Swift: segno's `mask_scores` for runs, blocks and balance, the
    /// helper's every-occurrence count for finder look-alikes.
    ///
    /// segno's own automatic choice is not the reference: it scores the symbol before format and
    /// version information are written and skips overlapping finder look-alikes (see
    /// `MaskPenalty` and `SegnoOracle`), so it legitimately picks another mask now and then.
    @Test("automatic mask is the lowest penalty of the finished symbol, scored outside Swift", arguments: SampleContent.all)
    func automaticMask(text: String) throws {
        var automatic: [QRCode] = []
        var forced: [QRCode] = []
        for level in QRCode.ErrorCorrection.allCases {
            for version in Self.versions {
                let code = try QRCode(text: text, errorCorrection: level, minimumVersion: version)
                guard code.version == version else { continue }
                automatic.append(code)
                forced += try (0..<8).map { try QRCode(text: text, errorCorrection: level, minimumVersion: version, mask: $0) }
            }
        }
        #expect(automatic.count >= 4 * 3)
        let symbols = try SegnoOracle.symbols(for: forced.map {
            .init(bytes: Array(text.utf8), errorCorrection: $0.errorCorrection, version: $0.version, mask: $0.mask)
        })
        for (index, code) in automatic.enumerated() {
            let totals = symbols[(index * 8)..<(index * 8 + 8)].map { $0.scores[0] + $0.scores[1] + $0.finderLike + $0.scores[3] }
            let lowest = totals.firstIndex(of: totals.min() ?? 0)
            #expect(code.mask == lowest, "level \(code.errorCorrection) v\(code.version): reference scores \(totals)")
            #expect(code == forced[index * 8 + code.mask])
        }
    }

    @Test("every version and level, content filling the symbol exactly")
    func everyVersionAndLevel() throws {
        var random = TestBytes(seed: 0x5EED_B1A5)
        var codes: [QRCode] = []
        var cases: [SegnoOracle.Case] = []
        for version in 1...40 {
            for (levelIndex, level) in QRCode.ErrorCorrection.allCases.enumerated() {
                let full = try largestContent(version: version, level: level, random: &random)
                let mask = (version * 4 + levelIndex) % 8
                codes.append(try QRCode(bytes: full, errorCorrection: level, mask: mask))
                cases.append(.init(bytes: full, errorCorrection: level, version: version, mask: mask))
            }
        }
        try compare(codes, cases)
    }

    @Test("the smallest version that fits equals segno's choice", arguments: SampleContent.all)
    func automaticVersion(text: String) throws {
        let long = Array(String(repeating: text, count: 100).utf8)
        var codes: [QRCode] = []
        var cases: [SegnoOracle.Case] = []
        for level in QRCode.ErrorCorrection.allCases {
            // Lengths on both sides of several capacity steps, up to the most version 40-H holds.
            for length in [1, 7, 8, 14, 15, 100, 213, 214, 1000, 1273] {
                let bytes = Array(long.prefix(length))
                let code = try QRCode(bytes: bytes, errorCorrection: level)
                codes.append(code)
                // segno picks the version; our mask is forced so that the symbols can be compared.
                cases.append(.init(bytes: bytes, errorCorrection: level, version: nil, mask: code.mask))
            }
        }
        try compare(codes, cases)
    }

    /// The largest content this version holds: it must stay at this version and one byte more must
    /// move up (or, at version 40, be refused). segno agreeing on the symbol confirms the capacity.
    private func largestContent(version: Int, level: QRCode.ErrorCorrection, random: inout TestBytes) throws -> [UInt8] {
        let capacity = QRCode.byteCapacity(version: version, errorCorrection: level)
        let content = random.next(capacity + 1)
        let full = Array(content.prefix(capacity))
        #expect(try QRCode(bytes: full, errorCorrection: level, minimumVersion: version, mask: 0).version == version)
        if version < 40 {
            #expect(try QRCode(bytes: content, errorCorrection: level, minimumVersion: version, mask: 0).version == version + 1)
        } else {
            #expect(throws: QRCode.EncodingError.self) { try QRCode(bytes: content, errorCorrection: level, mask: 0) }
        }
        return full
    }

    /// Matrices, versions, masks, levels and penalty features must all agree.
    private func compare(_ codes: [QRCode], _ cases: [SegnoOracle.Case]) throws {
        let symbols = try SegnoOracle.symbols(for: cases)
        for (index, (code, symbol)) in zip(codes, symbols).enumerated() {
            let label = "case \(index): level \(cases[index].error), ours v\(code.version) mask \(code.mask), segno v\(symbol.version) mask \(symbol.mask)"
            #expect(symbol.error == cases[index].error, "\(label): segno used another level")
            #expect(code.version == symbol.version, "\(label): versions differ")
            #expect(code.mask == symbol.mask, "\(label): masks differ")
            let difference = SegnoOracle.firstDifference(code, symbol)
            #expect(difference == nil, "\(label): \(difference ?? "")")
            let score = MaskPenalty.score(of: code.grid, size: code.size)
            let ours: [Int] = [score.runs, score.blocks, score.balance]
            let segnos: [Int] = [symbol.scores[0], symbol.scores[1], symbol.scores[3]]
            #expect(ours == segnos, "\(label): penalty features N1, N2, N4")
            #expect(score.finderLike == symbol.finderLike, "\(label): finder look-alikes")
            #expect(score.finderLike >= symbol.scores[2], "\(label): segno found finder look-alikes we missed")
        }
    }
}
