@testable import BlasonQR
import Testing

@Suite("Capacity, version choice and size")
struct CapacityTests {
    /// Byte-mode capacities from ISO/IEC 18004 table 7: version, then L, M, Q, H.
    static let standardCapacities: [(version: Int, bytes: [Int])] = [
        (1, [17, 14, 11, 7]),
        (2, [32, 26, 20, 14]),
        (7, [154, 122, 86, 64]),
        (9, [230, 180, 130, 98]),
        (10, [271, 213, 151, 119]),
        (20, [858, 666, 482, 382]),
        (40, [2953, 2331, 1663, 1273]),
    ]

    @Test("the largest content of a version stays in it and one byte more moves up", arguments: standardCapacities)
    func capacityBoundaries(version: Int, bytes: [Int]) throws {
        for (level, capacity) in zip(QRCode.ErrorCorrection.allCases, bytes) {
            let full = try QRCode(bytes: [UInt8](repeating: 0x41, count: capacity), errorCorrection: level, minimumVersion: version)
            #expect(full.version == version, "\(level)")
            let oneMore = [UInt8](repeating: 0x41, count: capacity + 1)
            if version < 40 {
                #expect(try QRCode(bytes: oneMore, errorCorrection: level, minimumVersion: version).version == version + 1, "\(level)")
            } else {
                #expect(throws: QRCode.EncodingError.tooLong(bytes: capacity + 1, maximum: capacity)) {
                    try QRCode(bytes: oneMore, errorCorrection: level)
                }
            }
        }
    }

    @Test("content too long for version 40 is refused with the limit of its level")
    func tooLong() {
        for (level, maximum) in zip(QRCode.ErrorCorrection.allCases, [2953, 2331, 1663, 1273]) {
            #expect(throws: QRCode.EncodingError.tooLong(bytes: 3000, maximum: maximum)) {
                try QRCode(bytes: [UInt8](repeating: 0, count: 3000), errorCorrection: level)
            }
        }
        // Text is measured in UTF-8 bytes, not characters.
        #expect(throws: QRCode.EncodingError.tooLong(bytes: 1400, maximum: 1273)) {
            try QRCode(text: String(repeating: "é", count: 700), errorCorrection: .high)
        }
    }

    @Test("the smallest version that fits is chosen, never below the minimum")
    func versionChoice() throws {
        #expect(try QRCode(text: "hi").version == 1)
        #expect(try QRCode(text: "hi", minimumVersion: 5).version == 5)
        #expect(try QRCode(text: String(repeating: "a", count: 15)).version == 2)
        #expect(try QRCode(text: String(repeating: "a", count: 15), errorCorrection: .low).version == 1)
        // 14 bytes of text, 2 of them for "é": 13 characters still need the 14-byte capacity of 1-M.
        #expect(try QRCode(text: "Médaille d'or").version == 1)
        #expect(try QRCode(text: "Médaille d’or").version == 2)
    }

    @Test("the default level is medium and the size follows the version", arguments: 1...40)
    func size(version: Int) throws {
        let code = try QRCode(text: "x", minimumVersion: version, mask: 0)
        #expect(code.version == version)
        #expect(code.size == 17 + 4 * version)
        #expect(code.errorCorrection == .medium)
    }

    @Test("codeword counts follow the standard, and match the modules the grid leaves for data")
    func codewordCounts() {
        // ISO/IEC 18004 table 1, total codewords.
        let known = [1: 26, 2: 44, 3: 70, 4: 100, 5: 134, 6: 172, 7: 196, 10: 346, 14: 581, 40: 3706]
        for (version, codewords) in known {
            #expect(QRCode.totalCodewords(version: version) == codewords, "version \(version)")
        }
        for version in 1...40 {
            let grid = ModuleMatrix(version: version)
            let free = (0..<grid.size).reduce(0) { total, y in
                total + (0..<grid.size).filter { !grid.isFunction(x: $0, y: y) }.count
            }
            #expect(free == QRCode.dataModuleCount(version: version), "version \(version)")
        }
    }

    @Test("alignment pattern centres match the standard's table (annex E)")
    func alignmentCentres() {
        let known: [Int: [Int]] = [
            1: [], 2: [6, 18], 6: [6, 34], 7: [6, 22, 38], 14: [6, 26, 46, 66], 15: [6, 26, 48, 70],
            16: [6, 26, 50, 74], 32: [6, 34, 60, 86, 112, 138], 36: [6, 24, 50, 76, 102, 128, 154],
            39: [6, 26, 54, 82, 110, 138, 166], 40: [6, 30, 58, 86, 114, 142, 170],
        ]
        for (version, centres) in known {
            #expect(QRCode.alignmentPatternCentres(version: version) == centres, "version \(version)")
        }
    }
}
