/// gzip (RFC 1952) for status lists: writing uses stored (uncompressed) deflate blocks, which every
/// reader accepts; reading inflates any deflate stream (RFC 1951), since other issuers compress.
/// Hand-written because Foundation exposes no zlib on Linux.
enum GZip {
    static func stored(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF]
        var offset = 0
        repeat {
            let length = min(65_535, bytes.count - offset)
            let final: UInt8 = offset + length == bytes.count ? 1 : 0
            out += [final, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)]
            out += bytes[offset..<offset + length]
            offset += length
        } while offset < bytes.count
        out += le32(CRC32.checksum(bytes)) + le32(UInt32(truncatingIfNeeded: bytes.count))
        return out
    }

    /// The inflated content, or nil for anything that is not a well-formed gzip member (bad
    /// header, bad deflate data, wrong checksum, or more than `limit` bytes: a zip bomb).
    static func inflateStored(_ data: [UInt8], limit: Int = 16 << 20) -> [UInt8]? {
        guard data.count >= 18, data[0] == 0x1F, data[1] == 0x8B, data[2] == 8 else { return nil }
        let flags = data[3]
        var position = 10
        if flags & 4 != 0 {
            guard position + 2 <= data.count else { return nil }
            position += 2 + Int(data[position]) + Int(data[position + 1]) << 8
        }
        for flag in [UInt8(8), 16] where flags & flag != 0 {
            while position < data.count, data[position] != 0 { position += 1 }
            position += 1
        }
        if flags & 2 != 0 { position += 2 }
        guard position < data.count - 8 else { return nil }
        var inflater = Inflater(data, start: position, limit: limit)
        guard let out = inflater.run() else { return nil }
        let end = inflater.bytePosition
        guard end + 8 <= data.count else { return nil }
        let crc = UInt32(data[end]) | UInt32(data[end + 1]) << 8 | UInt32(data[end + 2]) << 16 | UInt32(data[end + 3]) << 24
        guard crc == CRC32.checksum(out) else { return nil }
        return out
    }

    private static func le32(_ value: UInt32) -> [UInt8] {
        [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8(value >> 24)]
    }
}
