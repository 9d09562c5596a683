extension ModuleMatrix {
    /// The penalty of ISO/IEC 18004 §7.8.3 for the grid as it stands: features that confuse
    /// readers (long runs, blocks, finder look-alikes, an unbalanced dark share) cost points.
    func penaltyScore() -> Int {
        var score = 0
        for index in 0..<size {
            let row = (0..<size).map { self[$0, index] }
            let column = (0..<size).map { self[index, $0] }
            score += Self.runPenalty(row) + Self.finderLikePenalty(row)
            score += Self.runPenalty(column) + Self.finderLikePenalty(column)
        }
        return score + blockPenalty() + balancePenalty()
    }

    /// Feature 1: each run of five or more same-coloured modules costs 3, plus 1 per module beyond five.
    static func runPenalty(_ line: [Bool]) -> Int {
        var score = 0
        var runLength = 0
        for (index, module) in line.enumerated() {
            runLength = index > 0 && line[index - 1] == module ? runLength + 1 : 1
            let runEnds = index == line.count - 1 || line[index + 1] != module
            if runEnds && runLength >= 5 {
                score += 3 + (runLength - 5)
            }
        }
        return score
    }

    /// Feature 2: a same-coloured m×n block costs 3·(m−1)·(n−1), which is the same as 3 for every
    /// same-coloured 2×2 square, overlapping squares included.
    func blockPenalty() -> Int {
        var score = 0
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) {
                let colour = self[x, y]
                if self[x + 1, y] == colour && self[x, y + 1] == colour && self[x + 1, y + 1] == colour {
                    score += 3
                }
            }
        }
        return score
    }

    /// Feature 3: 40 for each dark-light-dark-dark-dark-light-dark (1:1:3:1:1) sequence with four
    /// light modules before or after it, since a reader could take it for a finder.
    ///
    /// Modules beyond the edge count as light because the quiet zone is light; a sequence with light
    /// on both sides is one occurrence of the pattern and costs 40 once.
    static func finderLikePenalty(_ line: [Bool]) -> Int {
        let core = [true, false, true, true, true, false, true]
        guard line.count >= core.count else { return 0 }
        func isLight(_ range: Range<Int>) -> Bool {
            range.allSatisfy { $0 < 0 || $0 >= line.count || !line[$0] }
        }
        var score = 0
        for start in 0...(line.count - core.count) where line[start..<(start + core.count)].elementsEqual(core) {
            let end = start + core.count
            if isLight((start - 4)..<start) || isLight(end..<(end + 4)) {
                score += 40
            }
        }
        return score
    }

    /// Feature 4: 10 for every full 5 % by which the dark share departs from 50 %.
    func balancePenalty() -> Int {
        Self.balancePenalty(darkCount: dark.reduce(0) { $0 + ($1 ? 1 : 0) }, total: size * size)
    }

    static func balancePenalty(darkCount: Int, total: Int) -> Int {
        // |dark/total − 1/2| / 5 %, kept in integers so that no rounding decides a boundary.
        let steps = abs(darkCount * 20 - total * 10) / total
        return steps * 10
    }
}
