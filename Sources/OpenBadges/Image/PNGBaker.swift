import Foundation

/// Open Badges baking for PNG: the credential travels in an `iTXt` text chunk.
///
/// See the Open Badges 2.0 "Baking" section. Only uncompressed text is written, because
/// every reader must support it and Foundation offers no portable zlib on Linux.
public enum PNGBaker {
    /// Inserts an iTXt chunk (keyword, compression flag 0, method 0, empty language tag,
    /// empty translated keyword, UTF-8 text) right after IHDR, removing any earlier iTXt,
    /// tEXt or zTXt chunk with the same keyword.
    ///
    /// Placing the chunk first lets readers that stop early (or stream) find it; removing
    /// old copies keeps re-baking idempotent instead of producing a duplicate payload.
    public static func bake(_ png: Data, text: String, keyword: String = "openbadges") throws(BadgeImageError) -> Data {
        let keywordBytes = try validatedKeyword(keyword)
        var file = try PNGFile.parse(png)
        file.chunks.removeAll { chunk in
            textChunkKeyword(chunk).map { $0.elementsEqual(keywordBytes) } ?? false
        }
        var body = Data(keywordBytes)
        // NUL after keyword, compression flag 0, method 0, empty language tag + NUL, empty translated keyword + NUL.
        body.append(contentsOf: [0, 0, 0, 0, 0])
        body.append(contentsOf: Array(text.utf8))
        file.chunks.insert(PNGChunk(type: "iTXt", data: body), at: 1)
        return file.serialized
    }

    /// Returns the text of the iTXt (or tEXt) chunk with the keyword, nil when none.
    ///
    /// Throws `.duplicateBakedPayload` when two such chunks exist (even one iTXt and one
    /// tEXt) since a verifier could not know which to trust, and `.malformed` on bad
    /// structure, bad CRC, or a compressed iTXt (which this reader does not inflate).
    public static func unbake(_ png: Data, keyword: String = "openbadges") throws(BadgeImageError) -> String? {
        let keywordBytes = try validatedKeyword(keyword)
        let file = try PNGFile.parse(png)
        var found: String?
        for chunk in file.chunks where chunk.type == "iTXt" || chunk.type == "tEXt" {
            guard let key = textChunkKeyword(chunk), key.elementsEqual(keywordBytes) else { continue }
            if found != nil { throw .duplicateBakedPayload }
            found = chunk.type == "iTXt" ? try internationalText(chunk.data) : latin1Text(chunk.data)
        }
        return found
    }

    /// PNG keywords are 1–79 Latin-1 characters; we accept the printable ASCII subset,
    /// which covers every keyword in use and avoids encoding ambiguity.
    private static func validatedKeyword(_ keyword: String) throws(BadgeImageError) -> [UInt8] {
        let bytes = Array(keyword.utf8)
        guard (1...79).contains(bytes.count),
              bytes.allSatisfy({ $0 >= 0x20 && $0 <= 0x7E }),
              bytes.first != 0x20, bytes.last != 0x20
        else { throw .malformed("invalid PNG text keyword") }
        return bytes
    }

    /// The keyword of a tEXt/zTXt/iTXt chunk, or nil for any other chunk.
    private static func textChunkKeyword(_ chunk: PNGChunk) -> Data? {
        guard ["iTXt", "tEXt", "zTXt"].contains(chunk.type) else { return nil }
        guard let nul = chunk.data.firstIndex(of: 0) else { return nil }
        return chunk.data[chunk.data.startIndex..<nul]
    }

    private static func internationalText(_ data: Data) throws(BadgeImageError) -> String {
        // keyword NUL flag method language NUL translated NUL text
        let bytes = [UInt8](data)
        guard let keywordEnd = bytes.firstIndex(of: 0), bytes.count >= keywordEnd + 3 else {
            throw .malformed("truncated iTXt chunk")
        }
        guard bytes[keywordEnd + 1] == 0 else { throw .malformed("compressed iTXt chunk is not supported") }
        guard bytes[keywordEnd + 2] == 0 else { throw .malformed("unknown iTXt compression method") }
        let languageStart = keywordEnd + 3
        guard let languageEnd = bytes[languageStart...].firstIndex(of: 0),
              let translatedEnd = bytes[(languageEnd + 1)...].firstIndex(of: 0)
        else { throw .malformed("truncated iTXt chunk") }
        guard let text = String(strictUTF8: bytes[(translatedEnd + 1)...]) else {
            throw .malformed("iTXt text is not valid UTF-8")
        }
        return text
    }

    /// tEXt is Latin-1 by specification, but some early bakers wrote UTF-8 into it;
    /// valid UTF-8 is taken as such (ASCII is identical in both), anything else as Latin-1.
    private static func latin1Text(_ data: Data) -> String {
        let bytes = [UInt8](data)
        let text = bytes.firstIndex(of: 0).map { bytes[($0 + 1)...] } ?? []
        if let utf8 = String(strictUTF8: text) { return utf8 }
        return String(String.UnicodeScalarView(text.map { Unicode.Scalar($0) }))
    }
}
