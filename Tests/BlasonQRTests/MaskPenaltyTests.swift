@testable import BlasonQR
import Testing

@Suite("Mask penalty rules")
struct MaskPenaltyTests {
    /// "1" dark, "0" light.
    static func line(_ text: String) -> [Bool] {
        text.map { $0 == "1" }
    }

    @Test("feature 1: runs of five or more cost 3 plus the excess", arguments: [
        ("1111", 0), ("11111", 3), ("111111", 4), ("0000000", 5), ("10101010", 0),
        ("1111100000", 6), ("0111110", 3), ("11110000111100001111", 0),
    ])
    func runs(text: String, expected: Int) {
        #expect(MaskPenalty.runPenalty(Self.line(text)) == expected)
    }

    @Test("feature 3: 1:1:3:1:1 with four light modules before or after", arguments: [
        ("1011101", 40), // the edges are quiet zone, so light on both sides: one pattern, 40 once
        ("00001011101", 40),
        ("10111010000", 40),
        ("000010111010000", 40),
        ("110111011", 0), // dark right before and right after
        ("100010111010001", 0), // only three light modules on either side
        ("10111010111010000", 80), // two patterns sharing a module, both beside light
        ("0001011101", 40), // three light modules and the quiet zone before it
        ("00001011110", 0), // 1:1:4:1 is not the pattern
    ])
    func finderLike(text: String, expected: Int) {
        #expect(MaskPenalty.finderLikePenalty(Self.line(text)) == expected)
    }

    @Test("feature 2: every same-coloured 2×2 square, overlapping, costs 3")
    func blocks() {
        // A 3×3 light square is a 3×3 block: 3·(3−1)·(3−1) = 12.
        #expect(MaskPenalty.blockPenalty(Array(repeating: false, count: 9), size: 3) == 12)
        // A checkerboard has none.
        let checkerboard = (0..<16).map { ($0 / 4 + $0 % 4).isMultiple(of: 2) }
        #expect(MaskPenalty.blockPenalty(checkerboard, size: 4) == 0)
        // One dark 2×2 in the corner of a 3×3 light grid: only that square counts.
        var grid = Array(repeating: false, count: 9)
        for index in [0, 1, 3, 4] {
            grid[index] = true
        }
        #expect(MaskPenalty.blockPenalty(grid, size: 3) == 3)
    }

    @Test("feature 4: 10 per full 5 % away from half dark", arguments: [
        (50, 0), (54, 0), (46, 0), (55, 10), (45, 10), (44, 10), (60, 20), (39, 20), (0, 100), (100, 100),
    ])
    func balance(darkPercent: Int, expected: Int) {
        #expect(MaskPenalty.balancePenalty(darkCount: darkPercent, total: 100) == expected)
    }

    @Test("a whole light 21×21 grid, worked out by hand")
    func wholeGrid() {
        let score = MaskPenalty.score(of: Array(repeating: false, count: 21 * 21), size: 21)
        // 42 lines, each one run of 21: 42 · (3 + 16). 20 · 20 squares · 3. No dark: 10 · 10.
        #expect(score == MaskPenalty.Score(runs: 798, blocks: 1200, finderLike: 0, balance: 100))
        #expect(score.total == 2098)
    }

    /// Pinned so that a change in mask choice shows without Python; SegnoComparisonTests derives
    /// the same choices from segno's scoring. segno's own automatic choice, which scores the
    /// symbol before format and version information are written, differs for five of these:
    /// 1-L 3, 1-M 2, 2-Q 5, 2-H 3 and 4-M 2.
    @Test("automatic masks of the sample contents", arguments: zip(SampleContent.all, [
        ["1-L 7", "1-M 3", "2-Q 7", "2-H 2"],
        ["5-L 2", "6-M 2", "8-Q 2", "10-H 2"],
        ["3-L 2", "4-M 3", "5-Q 3", "6-H 4"],
    ]))
    func automaticMasks(text: String, expected: [String]) throws {
        let names: [QRCode.ErrorCorrection: String] = [.low: "L", .medium: "M", .quartile: "Q", .high: "H"]
        let chosen = try QRCode.ErrorCorrection.allCases.map { level in
            let code = try QRCode(text: text, errorCorrection: level)
            return "\(code.version)-\(names[level] ?? "?") \(code.mask)"
        }
        #expect(chosen == expected)
    }

    @Test("rows and columns are both scanned")
    func rowsAndColumns() {
        // A finder-like pattern down column 0 of a 7×7 grid, everything else light.
        let column = Self.line("1011101")
        var grid = Array(repeating: false, count: 49)
        for (y, module) in column.enumerated() {
            grid[y * 7] = module
        }
        let score = MaskPenalty.score(of: grid, size: 7)
        #expect(score.finderLike == 40)
        let transposed = (0..<49).map { grid[($0 % 7) * 7 + $0 / 7] }
        #expect(MaskPenalty.score(of: transposed, size: 7) == score)
    }
}
