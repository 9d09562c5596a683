/// A small RFC 1951 inflater (stored, fixed and dynamic Huffman blocks), bounded in output size.
struct Inflater {
    private let data: [UInt8]
    private var bit = 0
    private let limit: Int
    private var out: [UInt8] = []

    init(_ data: [UInt8], start: Int, limit: Int) {
        self.data = data
        self.bit = start * 8
        self.limit = limit
    }

    /// The byte after the deflate stream (once `run` has finished).
    var bytePosition: Int { (bit + 7) / 8 }

    private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
                                       4097, 6145, 8193, 12289, 16385, 24577]
    private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// Canonical Huffman decoding table: counts per length and symbols in code order.
    private struct Huffman {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int] = []

        init?(_ lengths: [Int]) {
            for length in lengths { counts[length] += 1 }
            counts[0] = 0
            var left = 1
            for length in 1..<16 {
                left = left * 2 - counts[length]
                if left < 0 { return nil }
            }
            var offsets = [Int](repeating: 0, count: 16)
            for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
            symbols = [Int](repeating: 0, count: lengths.count)
            for (symbol, length) in lengths.enumerated() where length != 0 {
                symbols[offsets[length]] = symbol
                offsets[length] += 1
            }
        }
    }

    private mutating func bits(_ count: Int) -> Int? {
        var value = 0
        for index in 0..<count {
            let byte = bit / 8
            guard byte < data.count else { return nil }
            value |= Int((data[byte] >> UInt8(bit % 8)) & 1) << index
            bit += 1
        }
        return value
    }

    private mutating func decode(_ table: Huffman) -> Int? {
        var code = 0, first = 0, index = 0
        for length in 1..<16 {
            guard let next = bits(1) else { return nil }
            code |= next
            let count = table.counts[length]
            if code - count < first { return table.symbols[index + (code - first)] }
            index += count
            first = (first + count) << 1
            code <<= 1
        }
        return nil
    }

    mutating func run() -> [UInt8]? {
        var last = 0
        repeat {
            guard let final = bits(1), let type = bits(2) else { return nil }
            last = final
            switch type {
            case 0:
                bit = (bit + 7) / 8 * 8
                let start = bit / 8
                guard start + 4 <= data.count else { return nil }
                let length = Int(data[start]) | Int(data[start + 1]) << 8
                guard length == ~(Int(data[start + 2]) | Int(data[start + 3]) << 8) & 0xFFFF, start + 4 + length <= data.count,
                      out.count + length <= limit else { return nil }
                out += data[(start + 4)..<(start + 4 + length)]
                bit = (start + 4 + length) * 8
            case 1:
                let lengths = [Int](repeating: 8, count: 144) + [Int](repeating: 9, count: 112) + [Int](repeating: 7, count: 24) + [Int](repeating: 8, count: 8)
                guard let literals = Huffman(lengths), let distances = Huffman([Int](repeating: 5, count: 30)),
                      inflateBlock(literals, distances) else { return nil }
            case 2:
                guard let (literals, distances) = dynamicTables(), inflateBlock(literals, distances) else { return nil }
            default:
                return nil
            }
        } while last == 0
        return out
    }

    private mutating func dynamicTables() -> (Huffman, Huffman)? {
        guard let literalCount = bits(5).map({ $0 + 257 }), let distanceCount = bits(5).map({ $0 + 1 }), let codeCount = bits(4).map({ $0 + 4 }),
              literalCount <= 286, distanceCount <= 30 else { return nil }
        var codeLengths = [Int](repeating: 0, count: 19)
        for index in 0..<codeCount {
            guard let length = bits(3) else { return nil }
            codeLengths[Self.codeLengthOrder[index]] = length
        }
        guard let codeTable = Huffman(codeLengths) else { return nil }
        var lengths: [Int] = []
        while lengths.count < literalCount + distanceCount {
            guard let symbol = decode(codeTable) else { return nil }
            switch symbol {
            case 0..<16: lengths.append(symbol)
            case 16:
                guard let previous = lengths.last, let repeatCount = bits(2) else { return nil }
                lengths += [Int](repeating: previous, count: 3 + repeatCount)
            case 17:
                guard let repeatCount = bits(3) else { return nil }
                lengths += [Int](repeating: 0, count: 3 + repeatCount)
            default:
                guard let repeatCount = bits(7) else { return nil }
                lengths += [Int](repeating: 0, count: 11 + repeatCount)
            }
        }
        guard lengths.count == literalCount + distanceCount, let literals = Huffman(Array(lengths[0..<literalCount])),
              let distances = Huffman(Array(lengths[literalCount...])) else { return nil }
        return (literals, distances)
    }

    private mutating func inflateBlock(_ literals: Huffman, _ distances: Huffman) -> Bool {
        while true {
            guard let symbol = decode(literals) else { return false }
            if symbol < 256 {
                guard out.count < limit else { return false }
                out.append(UInt8(symbol))
            } else if symbol == 256 {
                return true
            } else {
                let index = symbol - 257
                guard index < 29, let extra = bits(Self.lengthExtra[index]), let distanceSymbol = decode(distances), distanceSymbol < 30,
                      let distanceExtra = bits(Self.distanceExtra[distanceSymbol]) else { return false }
                let length = Self.lengthBase[index] + extra
                let distance = Self.distanceBase[distanceSymbol] + distanceExtra
                guard distance <= out.count, out.count + length <= limit else { return false }
                for _ in 0..<length { out.append(out[out.count - distance]) }
            }
        }
    }
}
