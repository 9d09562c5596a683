extension ModuleMatrix {
    /// Fills the non-function modules with the codeword bits, most significant bit first.
    ///
    /// The path runs in two-module-wide columns from the right edge leftwards, alternately upwards
    /// and downwards, right module before left; the vertical timing line is skipped as a whole column.
    /// Modules left over after the last codeword are remainder bits and stay light.
    mutating func place(codewords: [UInt8]) {
        let bitCount = codewords.count * 8
        var bitIndex = 0
        var right = size - 1
        var upwards = true
        while right >= 1 {
            // Column 6 is all timing pattern, so from there on the pairs shift one column left.
            if right == 6 {
                right = 5
            }
            for step in 0..<size {
                let y = upwards ? size - 1 - step : step
                for x in stride(from: right, through: right - 1, by: -1) where !isFunction(x: x, y: y) {
                    let isDark = bitIndex < bitCount
                        && (codewords[bitIndex / 8] >> UInt8(7 - bitIndex % 8)) & 1 == 1
                    setData(x: x, y: y, dark: isDark)
                    bitIndex += 1
                }
            }
            upwards.toggle()
            right -= 2
        }
        precondition(bitIndex == QRCode.dataModuleCount(version: version), "data region does not match the capacity")
    }

    /// Inverts the data modules where the mask pattern holds; function patterns stay as drawn.
    mutating func apply(mask: Int) {
        for y in 0..<size {
            for x in 0..<size where !isFunction(x: x, y: y) && Self.maskInverts(mask, x: x, y: y) {
                setData(x: x, y: y, dark: !self[x, y])
            }
        }
    }

    /// The eight mask conditions of ISO/IEC 18004, with `y` the row (i) and `x` the column (j).
    static func maskInverts(_ mask: Int, x: Int, y: Int) -> Bool {
        switch mask {
        case 0: (y + x) % 2 == 0
        case 1: y % 2 == 0
        case 2: x % 3 == 0
        case 3: (y + x) % 3 == 0
        case 4: (y / 2 + x / 3) % 2 == 0
        case 5: (y * x) % 2 + (y * x) % 3 == 0
        case 6: ((y * x) % 2 + (y * x) % 3) % 2 == 0
        case 7: ((y + x) % 2 + (y * x) % 3) % 2 == 0
        default: preconditionFailure("QR code masks run from 0 to 7")
        }
    }

    /// The mask whose finished symbol (format information included) scores the lowest penalty;
    /// the lowest-numbered mask wins a tie so the choice is deterministic.
    func lowestPenaltyMask(errorCorrection: QRCode.ErrorCorrection) -> Int {
        let scores = maskPenalties(errorCorrection: errorCorrection).map(\.total)
        return scores.firstIndex(of: scores.min() ?? 0) ?? 0
    }

    /// The penalty of each mask 0…7, scored on the symbol as it would be finished with that mask.
    func maskPenalties(errorCorrection: QRCode.ErrorCorrection) -> [MaskPenalty.Score] {
        (0..<8).map { mask in
            var candidate = self
            candidate.apply(mask: mask)
            candidate.drawFormatInformation(errorCorrection: errorCorrection, mask: mask)
            return MaskPenalty.score(of: candidate.dark, size: size)
        }
    }
}
