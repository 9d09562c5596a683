/// Reed–Solomon error correction over GF(256) as QR codes use it: field polynomial
/// x⁸ + x⁴ + x³ + x² + 1 (0x11D), generator roots α⁰ … α^(n−1) with α = 2.
enum ReedSolomon {
    /// Powers of α, doubled in length so that a product's exponent sum needs no modulo.
    private static let exponentials: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 510)
        var value = 1
        for power in 0..<255 {
            table[power] = UInt8(value)
            table[power + 255] = UInt8(value)
            value <<= 1
            if value & 0x100 != 0 {
                value ^= 0x11D
            }
        }
        return table
    }()

    private static let logarithms: [Int] = {
        var table = [Int](repeating: 0, count: 256)
        for power in 0..<255 {
            table[Int(exponentials[power])] = power
        }
        return table
    }()

    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        guard a != 0, b != 0 else { return 0 }
        return exponentials[logarithms[Int(a)] + logarithms[Int(b)]]
    }

    /// The monic generator polynomial of `degree`, coefficients from the highest power down
    /// (the leading 1 included).
    static func generator(degree: Int) -> [UInt8] {
        var polynomial: [UInt8] = [1]
        for root in 0..<degree {
            // Multiply by (x − αʳ); in characteristic 2, subtraction is addition is XOR.
            var product = polynomial + [0]
            for (index, coefficient) in polynomial.enumerated() {
                product[index + 1] ^= multiply(coefficient, exponentials[root])
            }
            polynomial = product
        }
        return polynomial
    }

    /// The error correction codewords for `data`: the remainder of data(x)·xⁿ divided by the
    /// generator, which is what makes the whole codeword sequence a multiple of the generator.
    static func remainder(of data: ArraySlice<UInt8>, generator: [UInt8]) -> [UInt8] {
        let degree = generator.count - 1
        var remainder = [UInt8](repeating: 0, count: degree)
        for byte in data {
            let factor = byte ^ remainder[0]
            remainder.removeFirst()
            remainder.append(0)
            for index in 0..<degree {
                remainder[index] ^= multiply(generator[index + 1], factor)
            }
        }
        return remainder
    }
}
