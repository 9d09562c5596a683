extension QRCode {
    /// Modules left for codewords once every function pattern of `version` is drawn.
    ///
    /// Counted from the geometry rather than tabulated, so it stays consistent with what
    /// `ModuleMatrix` reserves (a test checks the two agree for every version).
    static func dataModuleCount(version: Int) -> Int {
        let size = size(version: version)
        // Three finders with their separators (8×8 each), both timing lines between the
        // separators, and 31 format modules (two copies of 15 plus the always-dark module).
        var count = size * size - 3 * 64 - 2 * (size - 16) - 31
        let centres = alignmentPatternCentres(version: version).count
        if centres > 0 {
            // The grid of alignment patterns loses the three corners taken by finders; those on
            // row or column 6 overlap the timing line by five modules, already subtracted.
            let patterns = centres * centres - 3
            let onTimingLines = 2 * (centres - 2)
            count -= patterns * 25 - onTimingLines * 5
        }
        if version >= 7 {
            count -= 2 * 18
        }
        return count
    }

    /// Codewords (data plus error correction) a symbol of `version` holds; the leftover
    /// modules, up to seven, are the remainder bits.
    static func totalCodewords(version: Int) -> Int {
        dataModuleCount(version: version) / 8
    }

    static func dataCodewords(version: Int, errorCorrection: ErrorCorrection) -> Int {
        totalCodewords(version: version)
            - errorCorrection.blockCount(version: version) * errorCorrection.correctionCodewordsPerBlock(version: version)
    }

    /// Bits of the character count indicator in byte mode; larger symbols need the longer field.
    static func characterCountBits(version: Int) -> Int {
        version <= 9 ? 8 : 16
    }

    /// The most content bytes a byte-mode segment can carry in a symbol of `version`.
    static func byteCapacity(version: Int, errorCorrection: ErrorCorrection) -> Int {
        let dataBits = dataCodewords(version: version, errorCorrection: errorCorrection) * 8
        return (dataBits - 4 - characterCountBits(version: version)) / 8
    }

    /// Row and column coordinates of alignment pattern centres for `version` (none for version 1).
    ///
    /// The standard tabulates these; they follow a rule: first at 6, last 7 modules from the far
    /// edge, the rest evenly spaced by an even step counted back from the last, with any slack
    /// left in the first gap. Version 32 is the one version the table spaces more tightly.
    static func alignmentPatternCentres(version: Int) -> [Int] {
        guard version >= 2 else { return [] }
        let count = version / 7 + 2
        let last = size(version: version) - 7
        let step: Int
        if version == 32 {
            step = 26
        } else {
            let span = last - 6
            let gaps = count - 1
            let roundedUp = (span + gaps - 1) / gaps
            step = roundedUp + roundedUp % 2
        }
        let inner = (1..<(count - 1)).map { last - step * (count - 1 - $0) }
        return [6] + inner + [last]
    }
}
