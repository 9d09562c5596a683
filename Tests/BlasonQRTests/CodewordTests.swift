@testable import BlasonQR
import Testing

@Suite("Data codewords and Reed–Solomon")
struct CodewordTests {
    @Test("byte mode header, terminator and pad codewords, worked out by hand")
    func dataCodewords() {
        // 0100 | 00000010 | 01101000 01101001 | 0000 → 40 26 86 90, then EC 11 alternately to 16 codewords.
        let expected: [UInt8] = [0x40, 0x26, 0x86, 0x90] + Array([[UInt8]](repeating: [0xEC, 0x11], count: 6).joined())
        #expect(Codewords.dataCodewords(bytes: Array("hi".utf8), version: 1, errorCorrection: .medium) == expected)
    }

    @Test("versions 10 and up count bytes in 16 bits")
    func longCharacterCount() {
        let codewords = Codewords.dataCodewords(bytes: [0xFF], version: 10, errorCorrection: .medium)
        // 0100 | 00000000 00000001 | 11111111 | 0000
        #expect(Array(codewords.prefix(4)) == [0x40, 0x00, 0x1F, 0xF0])
        #expect(codewords[4] == 0xEC)
    }

    @Test("a full symbol ends with the terminator and has no pad codewords")
    func fullSymbol() {
        let codewords = Codewords.dataCodewords(bytes: [UInt8](repeating: 0xAA, count: 14), version: 1, errorCorrection: .medium)
        #expect(codewords.count == 16)
        #expect(codewords.last == 0xA0) // the last content nibble, then the four terminator bits
    }

    @Test("error correction of the well-known HELLO WORLD 1-M example")
    func reedSolomonVector() {
        let data: [UInt8] = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17]
        let correction = ReedSolomon.remainder(of: data[...], generator: ReedSolomon.generator(degree: 10))
        #expect(correction == [196, 35, 39, 119, 235, 215, 231, 226, 93, 23])
    }

    @Test("the degree 7 generator polynomial")
    func generator() {
        // ISO/IEC 18004 annex A: α⁰, α⁸⁷, α²²⁹, α¹⁴⁶, α¹⁴⁹, α²³⁸, α¹⁰², α²¹ as field elements.
        #expect(ReedSolomon.generator(degree: 7) == [1, 127, 122, 154, 164, 11, 68, 117])
    }

    @Test("a codeword sequence with its error correction is a multiple of the generator")
    func syndromesVanish() {
        // Evaluating data·xⁿ + remainder at each root αⁱ must give zero; a wrong remainder would not.
        var random = TestBytes(seed: 42)
        let data = random.next(50)
        let correction = ReedSolomon.remainder(of: data[...], generator: ReedSolomon.generator(degree: 18))
        let codeword = data + correction
        var root: UInt8 = 1
        for _ in 0..<18 {
            let value = codeword.reduce(UInt8(0)) { ReedSolomon.multiply($0, root) ^ $1 }
            #expect(value == 0)
            root = ReedSolomon.multiply(root, 2)
        }
    }

    @Test("blocks are interleaved, shorter blocks first")
    func interleaving() {
        // 5-Q: 62 data codewords in 2 blocks of 15 and 2 of 16, 18 correction codewords each.
        let data = (0..<62).map { UInt8($0) }
        let sequence = Codewords.interleave(data: data, version: 5, errorCorrection: .quartile)
        #expect(sequence.count == 134)
        #expect(Array(sequence.prefix(8)) == [0, 15, 30, 46, 1, 16, 31, 47])
        // After 15 rounds of four, only the two long blocks have a 16th codeword.
        #expect(Array(sequence[60..<62]) == [45, 61])
    }
}
