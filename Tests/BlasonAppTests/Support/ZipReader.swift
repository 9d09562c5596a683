import Foundation

/// Reads a ZIP archive the way an unzip tool does, from its central directory, independently of
/// the library that wrote it: each entry's name and bytes, stored or deflated, checked against the
/// sizes and CRC-32 the directory records.
enum ZipReader {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func entries(_ data: Data) throws -> [String: Data] {
        let bytes = [UInt8](data)
        func u16(_ offset: Int) throws -> Int {
            guard offset >= 0, offset + 2 <= bytes.count else { throw Failure(description: "truncated archive at \(offset)") }
            return Int(bytes[offset]) | Int(bytes[offset + 1]) << 8
        }
        func u32(_ offset: Int) throws -> Int { try u16(offset) | u16(offset + 2) << 16 }

        // The end-of-central-directory record: the last one within its 22 bytes plus a comment of at most 64 kB.
        let lowest = max(0, bytes.count - 22 - 65_535)
        var end = bytes.count - 22
        while end >= lowest, try u32(end) != 0x0605_4B50 { end -= 1 }
        guard end >= lowest else { throw Failure(description: "no end of central directory") }
        let count = try u16(end + 10)
        var offset = try u32(end + 16)

        var result: [String: Data] = [:]
        for _ in 0..<count {
            guard try u32(offset) == 0x0201_4B50 else { throw Failure(description: "bad central directory entry at \(offset)") }
            let method = try u16(offset + 10)
            let crc = UInt32(try u32(offset + 16))
            let compressedSize = try u32(offset + 20)
            let size = try u32(offset + 24)
            let nameLength = try u16(offset + 28), extraLength = try u16(offset + 30), commentLength = try u16(offset + 32)
            let local = try u32(offset + 42)
            guard offset + 46 + nameLength <= bytes.count else { throw Failure(description: "truncated entry name") }
            let name = String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)
            offset += 46 + nameLength + extraLength + commentLength

            guard try u32(local) == 0x0403_4B50 else { throw Failure(description: "\(name): no local header") }
            let start = try local + 30 + u16(local + 26) + u16(local + 28)
            guard start + compressedSize <= bytes.count else { throw Failure(description: "\(name): truncated data") }
            let stored = Array(bytes[start..<(start + compressedSize)])
            let content: [UInt8]
            switch method {
            case 0: content = stored
            case 8: content = try Inflate.run(stored)
            default: throw Failure(description: "\(name): compression method \(method)")
            }
            guard content.count == size else { throw Failure(description: "\(name): \(content.count) bytes, the directory says \(size)") }
            guard CRC32.checksum(content) == crc else { throw Failure(description: "\(name): CRC-32 mismatch") }
            result[name] = Data(content)
        }
        return result
    }
}

/// RFC 1951 inflate: stored, fixed and dynamic Huffman blocks.
private struct Inflate {
    private let input: [UInt8]
    private var position = 0
    private var bitBuffer = 0
    private var bitCount = 0
    private var output: [UInt8] = []

    private init(_ input: [UInt8]) {
        self.input = input
    }

    static func run(_ input: [UInt8]) throws -> [UInt8] {
        var state = Inflate(input)
        var last = false
        repeat {
            last = try state.bits(1) == 1
            switch try state.bits(2) {
            case 0: try state.stored()
            case 1: try state.codes(fixedLiterals, fixedDistances)
            case 2:
                let (literals, distances) = try state.dynamicTables()
                try state.codes(literals, distances)
            default: throw ZipReader.Failure(description: "invalid deflate block type")
            }
        } while !last
        return state.output
    }

    private struct Huffman {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int]

        init(_ lengths: [Int]) {
            for length in lengths { counts[length] += 1 }
            var offsets = [Int](repeating: 0, count: 16)
            for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
            symbols = [Int](repeating: 0, count: lengths.count)
            for (symbol, length) in lengths.enumerated() where length != 0 {
                symbols[offsets[length]] = symbol
                offsets[length] += 1
            }
        }
    }

    private static let fixedLiterals = Huffman((0..<288).map { $0 < 144 ? 8 : $0 < 256 ? 9 : $0 < 280 ? 7 : 8 })
    private static let fixedDistances = Huffman([Int](repeating: 5, count: 30))
    private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
                                       4097, 6145, 8193, 12289, 16385, 24577]
    private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    private mutating func bits(_ need: Int) throws -> Int {
        var value = bitBuffer
        while bitCount < need {
            guard position < input.count else { throw ZipReader.Failure(description: "deflate stream ends early") }
            value |= Int(input[position]) << bitCount
            position += 1
            bitCount += 8
        }
        bitBuffer = value >> need
        bitCount -= need
        return value & ((1 << need) - 1)
    }

    private mutating func stored() throws {
        bitBuffer = 0
        bitCount = 0
        guard position + 4 <= input.count else { throw ZipReader.Failure(description: "stored block header ends early") }
        let length = Int(input[position]) | Int(input[position + 1]) << 8
        let complement = Int(input[position + 2]) | Int(input[position + 3]) << 8
        guard length == ~complement & 0xFFFF else { throw ZipReader.Failure(description: "stored block length check") }
        position += 4
        guard position + length <= input.count else { throw ZipReader.Failure(description: "stored block ends early") }
        output += input[position..<(position + length)]
        position += length
    }

    private mutating func decode(_ table: Huffman) throws -> Int {
        var code = 0, first = 0, index = 0
        for length in 1..<16 {
            code |= try bits(1)
            let count = table.counts[length]
            if code - count < first { return table.symbols[index + (code - first)] }
            index += count
            first = (first + count) << 1
            code <<= 1
        }
        throw ZipReader.Failure(description: "invalid Huffman code")
    }

    private mutating func codes(_ literals: Huffman, _ distances: Huffman) throws {
        while true {
            let symbol = try decode(literals)
            if symbol < 256 {
                output.append(UInt8(symbol))
            } else if symbol == 256 {
                return
            } else {
                let lengthIndex = symbol - 257
                guard lengthIndex < Self.lengthBase.count else { throw ZipReader.Failure(description: "invalid length symbol") }
                let length = try Self.lengthBase[lengthIndex] + bits(Self.lengthExtra[lengthIndex])
                let distanceIndex = try decode(distances)
                guard distanceIndex < Self.distanceBase.count else { throw ZipReader.Failure(description: "invalid distance symbol") }
                let distance = try Self.distanceBase[distanceIndex] + bits(Self.distanceExtra[distanceIndex])
                guard distance <= output.count else { throw ZipReader.Failure(description: "distance too far back") }
                for _ in 0..<length { output.append(output[output.count - distance]) }
            }
        }
    }

    private mutating func dynamicTables() throws -> (Huffman, Huffman) {
        let literalCount = try bits(5) + 257
        let distanceCount = try bits(5) + 1
        let codeCount = try bits(4) + 4
        var codeLengths = [Int](repeating: 0, count: 19)
        for index in 0..<codeCount { codeLengths[Self.codeLengthOrder[index]] = try bits(3) }
        let codeTable = Huffman(codeLengths)
        var lengths: [Int] = []
        while lengths.count < literalCount + distanceCount {
            let symbol = try decode(codeTable)
            if symbol < 16 {
                lengths.append(symbol)
                continue
            }
            let value: Int, times: Int
            switch symbol {
            case 16:
                guard let previous = lengths.last else { throw ZipReader.Failure(description: "repeat with no previous length") }
                value = previous
                times = try 3 + bits(2)
            case 17:
                value = 0
                times = try 3 + bits(3)
            default:
                value = 0
                times = try 11 + bits(7)
            }
            guard lengths.count + times <= literalCount + distanceCount else { throw ZipReader.Failure(description: "too many code lengths") }
            lengths += [Int](repeating: value, count: times)
        }
        return (Huffman(Array(lengths[..<literalCount])), Huffman(Array(lengths[literalCount...])))
    }
}

private enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}
