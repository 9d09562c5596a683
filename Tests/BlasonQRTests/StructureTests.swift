import BlasonQR
import Testing

@Suite("Function patterns, format and version information")
struct StructureTests {
    static let symbols: [QRCode] = {
        var symbols: [QRCode] = []
        for (index, version) in [1, 2, 6, 7, 14, 40].enumerated() {
            for (levelIndex, level) in QRCode.ErrorCorrection.allCases.enumerated() {
                // Forced masks spread over all eight; the patterns must not depend on them.
                let mask = (index * 4 + levelIndex) % 8
                symbols.append(try! QRCode(text: "https://blason.example", errorCorrection: level, minimumVersion: version, mask: mask))
            }
        }
        return symbols
    }()

    @Test("three finders with light separators, none at the bottom right")
    func finders() {
        for code in Self.symbols {
            let last = code.size - 7
            for (left, top) in [(0, 0), (last, 0), (0, last)] {
                for dy in -1...7 {
                    for dx in -1...7 {
                        let x = left + dx, y = top + dy
                        guard x >= 0, y >= 0, x < code.size, y < code.size else { continue }
                        let ring = max(abs(dx - 3), abs(dy - 3))
                        let expected = ring <= 1 || ring == 3
                        #expect(code.isDark(x: x, y: y) == expected, "v\(code.version) finder at \(left),\(top): \(x),\(y)")
                    }
                }
            }
        }
    }

    @Test("timing patterns alternate between the finders, starting dark")
    func timing() {
        for code in Self.symbols {
            for index in 8..<(code.size - 8) {
                #expect(code.isDark(x: index, y: 6) == index.isMultiple(of: 2), "v\(code.version) row 6, x \(index)")
                #expect(code.isDark(x: 6, y: index) == index.isMultiple(of: 2), "v\(code.version) column 6, y \(index)")
            }
        }
    }

    @Test("alignment patterns where the standard puts them, not over the finders")
    func alignment() throws {
        let code = try QRCode(text: "alignment", minimumVersion: 7, mask: 5)
        for (cx, cy) in [(22, 6), (6, 22), (22, 22), (38, 22), (22, 38), (38, 38)] {
            for dy in -2...2 {
                for dx in -2...2 {
                    #expect(code.isDark(x: cx + dx, y: cy + dy) == (max(abs(dx), abs(dy)) != 1), "centre \(cx),\(cy)")
                }
            }
        }
        let version2 = try QRCode(text: "alignment", minimumVersion: 2, mask: 1)
        for dy in -2...2 {
            for dx in -2...2 {
                #expect(version2.isDark(x: 18 + dx, y: 18 + dy) == (max(abs(dx), abs(dy)) != 1))
            }
        }
    }

    @Test("the dark module beside the lower finder")
    func darkModule() {
        for code in Self.symbols {
            #expect(code.isDark(x: 8, y: code.size - 8))
        }
    }

    @Test("format information: both copies agree and match known words")
    func formatInformation() throws {
        // Known words from the standard's annex C table (level, mask → 15 bits, most significant first).
        let known: [(QRCode.ErrorCorrection, Int, String)] = [
            (.low, 4, "110011000101111"),
            (.medium, 0, "101010000010010"),
            (.quartile, 0, "011010101011111"),
            (.high, 0, "001011010001001"),
        ]
        for (level, mask, word) in known {
            let code = try QRCode(text: "format", errorCorrection: level, mask: mask)
            #expect(Self.formatWord(code, copy: 0) == Int(word, radix: 2), "\(level) mask \(mask)")
        }
        var words: [Int] = []
        for level in QRCode.ErrorCorrection.allCases {
            for mask in 0..<8 {
                let code = try QRCode(text: "format", errorCorrection: level, mask: mask)
                let word = Self.formatWord(code, copy: 0)
                #expect(Self.formatWord(code, copy: 1) == word)
                // Unmasked, the top three data bits are the mask number.
                #expect((word ^ 0b101_0100_0001_0010) >> 10 & 0b111 == mask)
                words.append(word)
            }
        }
        // BCH(15,5) keeps every pair of the 32 words at least 7 bits apart; a wrong generator would not.
        for (index, word) in words.enumerated() {
            for other in words[(index + 1)...] {
                #expect((word ^ other).nonzeroBitCount >= 7)
            }
        }
    }

    @Test("version information from version 7, both blocks, known words")
    func versionInformation() throws {
        // From the standard's annex D table.
        let known = [7: 0x07C94, 8: 0x085BC, 21: 0x15683, 32: 0x209D5, 40: 0x28C69]
        for (version, word) in known {
            let code = try QRCode(text: "version", minimumVersion: version, mask: 2)
            var lowerLeft = 0, upperRight = 0
            for bit in 0..<18 {
                let along = bit / 3, across = code.size - 11 + bit % 3
                lowerLeft |= (code.isDark(x: along, y: across) ? 1 : 0) << bit
                upperRight |= (code.isDark(x: across, y: along) ? 1 : 0) << bit
            }
            #expect(lowerLeft == word, "version \(version)")
            #expect(upperRight == word, "version \(version)")
        }
    }

    @Test("outside the symbol every module is light")
    func outside() throws {
        let code = try QRCode(text: "edge")
        for (x, y) in [(-1, 0), (0, -1), (code.size, 0), (0, code.size), (-5, -5), (code.size + 3, code.size)] {
            #expect(!code.isDark(x: x, y: y))
        }
        #expect(code.isDark(x: 0, y: 0))
    }

    @Test("masks: forced ones are used, the automatic one is deterministic, values compare")
    func masksAndEquality() throws {
        for mask in 0..<8 {
            #expect(try QRCode(text: "mask", mask: mask).mask == mask)
        }
        let automatic = try QRCode(text: "mask")
        #expect(automatic == (try QRCode(text: "mask")))
        #expect(automatic == (try QRCode(text: "mask", mask: automatic.mask)))
        #expect(automatic != (try QRCode(text: "mask", mask: (automatic.mask + 1) % 8)))
        #expect(automatic != (try QRCode(text: "mask!", mask: automatic.mask)))
        #expect(try QRCode(bytes: Array("mask".utf8)) == automatic)
    }

    /// The 15 format bits of one copy, bit 14 first, read where the standard places them.
    static func formatWord(_ code: QRCode, copy: Int) -> Int {
        let size = code.size
        let positions: [(Int, Int)]
        if copy == 0 {
            // Bits 14…9 along row 8 from the left, 8 and 7 round the corner, 6…0 up column 8.
            positions = [(0, 8), (1, 8), (2, 8), (3, 8), (4, 8), (5, 8), (7, 8), (8, 8), (8, 7),
                         (8, 5), (8, 4), (8, 3), (8, 2), (8, 1), (8, 0)]
        } else {
            // Bits 14…8 up from the bottom of column 8, then 7…0 along row 8 to the right edge.
            positions = (0..<7).map { (8, size - 1 - $0) } + (0..<8).map { (size - 8 + $0, 8) }
        }
        return positions.reduce(0) { $0 << 1 | (code.isDark(x: $1.0, y: $1.1) ? 1 : 0) }
    }
}
