import Foundation

/// The least a valid PNG needs: signature, IHDR, one IDAT holding a zlib stream of stored
/// (uncompressed) deflate blocks, and IEND.
enum PNGEncoder {
    /// Wraps ready-made scanlines (each already prefixed with its filter byte) of a greyscale image.
    static func greyscale(width: Int, height: Int, bitDepth: UInt8, scanlines: [UInt8]) -> Data {
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var header: [UInt8] = []
        header += bigEndian(UInt32(width))
        header += bigEndian(UInt32(height))
        // Bit depth, colour type 0 (greyscale), compression 0, filter method 0, no interlace.
        header += [bitDepth, 0, 0, 0, 0]
        png += chunk("IHDR", header)
        png += chunk("IDAT", zlibStored(scanlines))
        png += chunk("IEND", [])
        return png
    }

    static func chunk(_ type: String, _ payload: [UInt8]) -> [UInt8] {
        let typeAndPayload = Array(type.utf8) + payload
        return bigEndian(UInt32(payload.count)) + typeAndPayload + bigEndian(crc32(typeAndPayload))
    }

    /// A zlib stream whose deflate data is a series of stored blocks of at most 65 535 bytes,
    /// the largest length a stored block header can state.
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        // CMF 0x78: deflate with a 32 KiB window; FLG 0x01 makes CMF·256 + FLG a multiple of 31.
        var stream: [UInt8] = [0x78, 0x01]
        var start = 0
        repeat {
            let length = min(65_535, data.count - start)
            let isFinal = start + length == data.count
            stream.append(isFinal ? 1 : 0)
            let length16 = UInt16(length)
            stream += [UInt8(length16 & 0xFF), UInt8(length16 >> 8)]
            stream += [UInt8(~length16 & 0xFF), UInt8(~length16 >> 8)]
            stream += data[start..<(start + length)]
            start += length
        } while start < data.count
        stream += bigEndian(adler32(data))
        return stream
    }

    private static let crcTable: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 {
            value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1
        }
        return value
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
    }

    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        // 5552 is the largest run that cannot overflow 32 bits before the modulo.
        var start = 0
        while start < bytes.count {
            let end = min(start + 5552, bytes.count)
            for byte in bytes[start..<end] {
                a += UInt32(byte)
                b += a
            }
            a %= 65_521
            b %= 65_521
            start = end
        }
        return b << 16 | a
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}
