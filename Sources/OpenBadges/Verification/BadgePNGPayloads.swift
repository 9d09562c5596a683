import Foundation

/// Every Open Badges text chunk of a PNG, whatever its keyword and kind: `PNGBaker.unbake` reads
/// one keyword at a time, while a verifier must see that an image carries two badges (say an OB
/// 2.0 `openbadges` and an OB 3.0 `openbadgecredential`) to refuse it as ambiguous. Compressed
/// chunks (`zTXt`, compressed `iTXt`) are inflated, within a size limit.
enum BadgePNGPayloads {
    static let keywords = ["openbadges", "openbadgecredential"]

    struct Payload {
        var keyword: String
        var text: String
    }

    /// The badge payloads in chunk order. Throws `BadgeImageError.malformed` for a PNG that is
    /// truncated, has a bad CRC, or a badge chunk that cannot be decoded.
    static func all(in data: Data, limit: Int) throws -> [Payload] {
        let file = try PNGFile.parse(data)
        var payloads: [Payload] = []
        for chunk in file.chunks where ["iTXt", "tEXt", "zTXt"].contains(chunk.type) {
            let bytes = [UInt8](chunk.data)
            guard let keywordEnd = bytes.firstIndex(of: 0) else { continue }
            let keyword = String(decoding: bytes[..<keywordEnd], as: UTF8.self)
            guard keywords.contains(keyword) else { continue }
            let text: String
            switch chunk.type {
            case "tEXt": text = latin1(bytes[(keywordEnd + 1)...])
            case "zTXt": text = latin1(try inflate(bytes, from: keywordEnd + 2, method: bytes.dropFirst(keywordEnd + 1).first, limit: limit))
            default: text = try internationalText(bytes, keywordEnd: keywordEnd, limit: limit)
            }
            payloads.append(Payload(keyword: keyword, text: text))
        }
        return payloads
    }

    /// iTXt: keyword NUL, compression flag, method, language NUL, translated keyword NUL, text.
    private static func internationalText(_ bytes: [UInt8], keywordEnd: Int, limit: Int) throws -> String {
        guard bytes.count >= keywordEnd + 3 else { throw BadgeImageError.malformed("truncated iTXt chunk") }
        let compressed = bytes[keywordEnd + 1]
        let languageStart = keywordEnd + 3
        guard compressed <= 1, let languageEnd = bytes[languageStart...].firstIndex(of: 0),
              let translatedEnd = bytes[(languageEnd + 1)...].firstIndex(of: 0) else {
            throw BadgeImageError.malformed("truncated iTXt chunk")
        }
        let body = compressed == 1
            ? try inflate(bytes, from: translatedEnd + 1, method: bytes[keywordEnd + 2], limit: limit)
            : Array(bytes[(translatedEnd + 1)...])
        guard let text = String(bytes: body, encoding: .utf8) else {
            throw BadgeImageError.malformed("the badge text is not valid UTF-8")
        }
        return text
    }

    /// A zlib stream (RFC 1950) of PNG compression method 0, checked against its Adler-32.
    private static func inflate(_ bytes: [UInt8], from start: Int, method: UInt8?, limit: Int) throws -> [UInt8] {
        guard method == 0, bytes.count >= start + 6, bytes[start] & 0x0F == 8,
              (UInt16(bytes[start]) << 8 | UInt16(bytes[start + 1])) % 31 == 0, bytes[start + 1] & 0x20 == 0 else {
            throw BadgeImageError.malformed("unsupported compression in a badge text chunk")
        }
        var inflater = Inflater(bytes, start: start + 2, limit: limit)
        guard let out = inflater.run() else { throw BadgeImageError.malformed("bad compressed data in a badge text chunk") }
        let end = inflater.bytePosition
        guard end + 4 <= bytes.count else { throw BadgeImageError.malformed("truncated compressed badge text") }
        let stored = bytes[end..<(end + 4)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        guard stored == adler32(out) else { throw BadgeImageError.malformed("bad checksum in compressed badge text") }
        return out
    }

    private static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return b << 16 | a
    }

    /// tEXt is Latin-1, but early bakers wrote UTF-8 into it: valid UTF-8 is read as such.
    private static func latin1<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        if let text = String(bytes: Array(bytes), encoding: .utf8) { return text }
        return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }
}
