import Foundation

/// Builds small, valid PNGs in memory so the tests need no binary fixtures.
///
/// Everything here (CRC, Adler-32, zlib framing) is written independently of the code
/// under test, bit by bit rather than table-driven, so a shared bug cannot hide itself.
enum TestPNG {
    /// An RGB image of one colour. IDAT holds zlib "stored" (uncompressed) blocks,
    /// which every decoder must accept and which need no compressor.
    static func make(width: Int, height: Int, rgb: (UInt8, UInt8, UInt8) = (0xC0, 0x30, 0x30), extraChunks: [(String, [UInt8])] = []) -> Data {
        var ihdr: [UInt8] = []
        ihdr += bigEndian(UInt32(width)) + bigEndian(UInt32(height))
        ihdr += [8, 2, 0, 0, 0] // bit depth 8, colour type RGB, deflate, adaptive filtering, no interlace
        var raw: [UInt8] = []
        for _ in 0..<height {
            raw.append(0) // filter type None
            for _ in 0..<width { raw += [rgb.0, rgb.1, rgb.2] }
        }
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        png += chunk("IHDR", ihdr)
        for (type, body) in extraChunks { png += chunk(type, body) }
        png += chunk("IDAT", zlibStored(raw))
        png += chunk("IEND", [])
        return png
    }

    static func chunk(_ type: String, _ body: [UInt8]) -> Data {
        let typeBytes = Array(type.utf8)
        return Data(bigEndian(UInt32(body.count)) + typeBytes + body + bigEndian(crc32(typeBytes + body)))
    }

    /// A tEXt chunk body: keyword, NUL, Latin-1 text.
    static func textBody(_ keyword: String, _ text: String) -> [UInt8] {
        Array(keyword.utf8) + [0] + Array(text.utf8)
    }

    /// An uncompressed iTXt chunk body.
    static func iTXtBody(_ keyword: String, _ text: String) -> [UInt8] {
        Array(keyword.utf8) + [0, 0, 0, 0, 0] + Array(text.utf8)
    }

    /// Chunks of a PNG as (type, body, stored CRC), for inspecting baker output.
    static func chunks(_ png: Data) -> [(type: String, body: [UInt8], crc: UInt32)] {
        let bytes = [UInt8](png)
        var result: [(String, [UInt8], UInt32)] = []
        var offset = 8
        while offset + 12 <= bytes.count {
            let length = Int(readBigEndian(bytes, offset))
            let type = String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self)
            let body = Array(bytes[(offset + 8)..<(offset + 8 + length)])
            result.append((type, body, readBigEndian(bytes, offset + 8 + length)))
            offset += 12 + length
        }
        return result
    }

    /// Reflected CRC-32, computed one bit at a time.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (0xEDB8_8320 & (0 &- (crc & 1))) }
        }
        return ~crc
    }

    private static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let count = min(65_535, data.count - offset)
            let isLast: UInt8 = offset + count == data.count ? 1 : 0
            out += [isLast, UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF), UInt8((~count >> 8) & 0xFF)]
            out += data[offset..<(offset + count)]
            offset += count
        } while offset < data.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return out + bigEndian((b << 16) | a)
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    static func readBigEndian(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        bytes[offset..<(offset + 4)].reduce(0) { ($0 << 8) | UInt32($1) }
    }
}
