/// The penalty score of ISO/IEC 18004:2015 §7.8.3.1 that decides the automatic mask: features
/// that confuse readers (long runs, solid blocks, finder look-alikes, an unbalanced dark share)
/// cost points, and the mask with the fewest points wins.
///
/// The grid scored is the complete symbol, format and version information included, because the
/// standard says "the area to be evaluated is the complete symbol" and a reader sees the finished
/// symbol, not one with placeholders. Some encoders (segno among them) score the symbol before the
/// format and version information are written, with those modules light, and so sometimes pick
/// another mask.
enum MaskPenalty {
    struct Score: Sendable, Equatable {
        /// Feature 1, runs of five or more same-coloured modules in a row or column.
        var runs = 0
        /// Feature 2, same-coloured 2×2 blocks.
        var blocks = 0
        /// Feature 3, 1:1:3:1:1 finder look-alikes beside a light area.
        var finderLike = 0
        /// Feature 4, departure of the dark share from one half.
        var balance = 0

        var total: Int { runs + blocks + finderLike + balance }
    }

    /// Scores a square, row-major grid (`true` for dark).
    static func score(of dark: [Bool], size: Int) -> Score {
        precondition(dark.count == size * size, "the grid is not square")
        var score = Score()
        // One buffer, refilled for each row and column, keeps the line scans simple array walks.
        var line = [Bool](repeating: false, count: size)
        for index in 0..<size {
            for offset in 0..<size {
                line[offset] = dark[index * size + offset]
            }
            score.runs += runPenalty(line)
            score.finderLike += finderLikePenalty(line)
            for offset in 0..<size {
                line[offset] = dark[offset * size + index]
            }
            score.runs += runPenalty(line)
            score.finderLike += finderLikePenalty(line)
        }
        score.blocks = blockPenalty(dark, size: size)
        score.balance = balancePenalty(darkCount: dark.reduce(0) { $0 + ($1 ? 1 : 0) }, total: size * size)
        return score
    }

    /// Each run of 5 + i same-coloured modules costs 3 + i.
    static func runPenalty(_ line: [Bool]) -> Int {
        guard !line.isEmpty else { return 0 }
        var score = 0
        var runLength = 1
        for index in 1...line.count {
            if index < line.count && line[index] == line[index - 1] {
                runLength += 1
                continue
            }
            if runLength >= 5 {
                score += 3 + (runLength - 5)
            }
            runLength = 1
        }
        return score
    }

    /// An m×n same-coloured block costs 3·(m−1)·(n−1), which is what charging 3 for every
    /// same-coloured 2×2 square, overlaps included, adds up to.
    static func blockPenalty(_ dark: [Bool], size: Int) -> Int {
        var score = 0
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) {
                let index = y * size + x
                let colour = dark[index]
                if dark[index + 1] == colour && dark[index + size] == colour && dark[index + size + 1] == colour {
                    score += 3
                }
            }
        }
        return score
    }

    /// 40 for each dark-light-dark-dark-dark-light-dark sequence with four light modules before or
    /// after it. Every sequence counts, also one that starts on the last module of another (a
    /// finder's edge, its separator and the data beside it often form one); one with light on both
    /// sides is still one sequence and costs 40 once.
    static func finderLikePenalty(_ line: [Bool]) -> Int {
        guard line.count >= 7 else { return 0 }
        var score = 0
        for start in 0...(line.count - 7) {
            guard line[start], !line[start + 1], line[start + 2], line[start + 3], line[start + 4],
                  !line[start + 5], line[start + 6] else { continue }
            if isLight(line, from: start - 4, to: start) || isLight(line, from: start + 7, to: start + 11) {
                score += 40
            }
        }
        return score
    }

    /// Whether modules `from..<to` are all light; those beyond the ends are, being quiet zone.
    private static func isLight(_ line: [Bool], from: Int, to: Int) -> Bool {
        for index in max(from, 0)..<min(to, line.count) where line[index] {
            return false
        }
        return true
    }

    /// 10 for every full 5 % by which the dark share departs from 50 %.
    static func balancePenalty(darkCount: Int, total: Int) -> Int {
        // |dark/total − 1/2| / 5 %, in integers so that no rounding decides a boundary.
        let steps = abs(darkCount * 20 - total * 10) / total
        return steps * 10
    }
}
