import Foundation
// The Open Badges library's own inflater and CRC-32 (gzip status lists, baked PNGs): written apart
// from ZIPFoundation, which writes the export, so the check stays independent of it.
@testable import OpenBadges

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
            case 8:
                var inflater = Inflater(stored, start: 0, limit: size + 1)
                guard let inflated = inflater.run() else { throw Failure(description: "\(name): not a valid deflate stream") }
                content = inflated
            default: throw Failure(description: "\(name): compression method \(method)")
            }
            guard content.count == size else { throw Failure(description: "\(name): \(content.count) bytes, the directory says \(size)") }
            guard CRC32.checksum(content) == crc else { throw Failure(description: "\(name): CRC-32 mismatch") }
            result[name] = Data(content)
        }
        return result
    }
}
