import Foundation

/// A PNG split into chunks, checked just enough to trust its structure without decoding pixels.
///
/// Parsing is deliberately strict (every CRC verified, nothing after IEND) because the
/// same bytes are later served to browsers and wallets: a file that only "mostly" parses
/// could be read differently by different decoders, or hide a second payload.
struct PNGFile: Sendable {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    var chunks: [PNGChunk]

    /// Width and height from IHDR, which `parse` guarantees is the first chunk.
    var size: (width: UInt32, height: UInt32) {
        let ihdr = chunks[0].data
        return (ihdr.bigEndianUInt32(at: 0), ihdr.bigEndianUInt32(at: 4))
    }

    static func hasSignature(_ data: Data) -> Bool {
        data.count >= signature.count && data.prefix(signature.count).elementsEqual(signature)
    }

    static func parse(_ input: Data) throws(BadgeImageError) -> PNGFile {
        // Rebase so integer offsets are valid whatever slice the caller handed us.
        let data = Data(input)
        guard hasSignature(data) else { throw .malformed("missing PNG signature") }
        var chunks: [PNGChunk] = []
        var offset = signature.count
        var sawIEND = false
        while offset < data.count {
            if sawIEND { throw .malformed("data after IEND chunk") }
            guard data.count - offset >= 12 else { throw .malformed("truncated PNG chunk header") }
            let length = Int(data.bigEndianUInt32(at: offset))
            // The spec caps lengths at 2^31-1; anything beyond the file is truncation.
            guard length <= Int(Int32.max), data.count - offset - 12 >= length else {
                throw .malformed("truncated PNG chunk")
            }
            let typeBytes = data[(offset + 4)..<(offset + 8)]
            guard typeBytes.allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) }) else {
                throw .malformed("invalid PNG chunk type")
            }
            let type = String(decoding: typeBytes, as: UTF8.self)
            let body = data[(offset + 8)..<(offset + 8 + length)]
            let storedCRC = data.bigEndianUInt32(at: offset + 8 + length)
            guard CRC32.checksum(body, continuing: CRC32.checksum(typeBytes)) == storedCRC else {
                throw .malformed("bad CRC in \(type) chunk")
            }
            chunks.append(PNGChunk(type: type, data: Data(body)))
            sawIEND = type == "IEND"
            offset += 12 + length
        }
        try checkLayout(chunks, sawIEND: sawIEND)
        return PNGFile(chunks: chunks)
    }

    private static func checkLayout(_ chunks: [PNGChunk], sawIEND: Bool) throws(BadgeImageError) {
        guard let first = chunks.first, first.type == "IHDR", first.data.count == 13 else {
            throw .malformed("PNG does not start with a valid IHDR chunk")
        }
        guard first.data.bigEndianUInt32(at: 0) > 0, first.data.bigEndianUInt32(at: 4) > 0 else {
            throw .malformed("PNG has a zero dimension")
        }
        guard chunks.dropFirst().allSatisfy({ $0.type != "IHDR" }) else { throw .malformed("more than one IHDR chunk") }
        guard chunks.contains(where: { $0.type == "IDAT" }) else { throw .malformed("PNG has no image data") }
        guard sawIEND else { throw .malformed("PNG is truncated (no IEND chunk)") }
    }

    var serialized: Data {
        var out = Data(PNGFile.signature)
        for chunk in chunks {
            out.append(chunk.serialized)
        }
        return out
    }
}

extension Data {
    /// Reads a big-endian integer at an offset relative to `startIndex`; callers check bounds.
    func bigEndianUInt32(at offset: Int) -> UInt32 {
        let base = startIndex + offset
        return (UInt32(self[base]) << 24) | (UInt32(self[base + 1]) << 16) | (UInt32(self[base + 2]) << 8) | UInt32(self[base + 3])
    }
}
