import Foundation

/// One PNG chunk: a four-letter type and its data; length and CRC are derived on output.
struct PNGChunk: Sendable, Equatable {
    var type: String
    var data: Data

    init(type: String, data: Data) {
        self.type = type
        self.data = data
    }

    /// The chunk's bytes as they appear in a file: length, type, data, CRC.
    var serialized: Data {
        let typeBytes = Array(type.utf8)
        var out = Data(capacity: data.count + 12)
        out.appendBigEndian(UInt32(data.count))
        out.append(contentsOf: typeBytes)
        out.append(data)
        out.appendBigEndian(CRC32.checksum(data, continuing: CRC32.checksum(typeBytes)))
        return out
    }
}

extension Data {
    mutating func appendBigEndian(_ value: UInt32) {
        append(contentsOf: [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)])
    }
}
