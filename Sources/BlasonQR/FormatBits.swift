/// The BCH-protected words that tell a reader how to decode the rest of the symbol.
enum FormatBits {
    /// The 15-bit format information: level indicator and mask in five bits, ten BCH(15,5) check
    /// bits, then XORed with a fixed pattern so the word is never all light.
    static func format(errorCorrection: QRCode.ErrorCorrection, mask: Int) -> Int {
        let data = errorCorrection.formatIndicator << 3 | mask
        let word = data << 10 | remainder(of: data << 10, generator: 0b101_0011_0111, degree: 10)
        return word ^ 0b101_0100_0001_0010
    }

    /// The 18-bit version information: the version in six bits and twelve BCH(18,6) check bits.
    static func version(_ version: Int) -> Int {
        version << 12 | remainder(of: version << 12, generator: 0b1_1111_0010_0101, degree: 12)
    }

    /// Polynomial division over GF(2): repeatedly cancel the highest set bit with the generator.
    private static func remainder(of value: Int, generator: Int, degree: Int) -> Int {
        var value = value
        var highest = Int.bitWidth - 1 - value.leadingZeroBitCount
        while highest >= degree {
            value ^= generator << (highest - degree)
            highest = Int.bitWidth - 1 - value.leadingZeroBitCount
        }
        return value
    }
}
