/// CRC-32 as used by PNG chunks (ISO 3309 / ITU-T V.42, reflected polynomial 0xEDB88320).
///
/// Written here rather than borrowed from zlib because Foundation does not expose
/// zlib portably on Linux, and swift-crypto only offers cryptographic hashes.
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 {
            value = (value & 1) != 0 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1
        }
        return value
    }

    /// CRC of `bytes`, optionally continuing from a previous result so a chunk's type and
    /// data can be checked without first copying them together.
    static func checksum(_ bytes: some Sequence<UInt8>, continuing previous: UInt32 = 0) -> UInt32 {
        var crc = previous ^ 0xFFFF_FFFF
        for byte in bytes {
            crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
    }
}
