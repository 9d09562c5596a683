extension HeaderEncoder {
    /// `text` as RFC 2047 encoded-words in UTF-8, Q or B, whichever is shorter overall.
    ///
    /// Whitespace between adjacent encoded-words is dropped by decoders, so spaces are encoded inside
    /// the words. Words never split a Unicode scalar's bytes, and each fits `encodedWordLimit`; the first
    /// also fits `firstLineRoom`, the room left after `Name: `, as far as one scalar allows.
    /// - Parameter inPhrase: Whether the words go in a display name, where RFC 2047 §5(3) allows fewer
    ///   literal characters in "Q" than in unstructured text such as Subject.
    static func encodedWords(_ text: String, firstLineRoom: Int, inPhrase: Bool) -> [String] {
        let scalars = text.unicodeScalars.map { Array(String($0).utf8) }
        let qEncoded = { (bytes: [UInt8]) in Self.qEncoded(bytes, inPhrase: inPhrase) }
        let qLength = scalars.reduce(0) { $0 + qEncoded($1).utf8.count }
        let bLength = (scalars.reduce(0) { $0 + $1.count } + 2) / 3 * 4
        let useQ = qLength <= bLength
        let overhead = "=?UTF-8?Q??=".utf8.count
        // Each word takes at least one scalar, so even a tiny first-line room still makes progress.
        var limit = min(encodedWordLimit, firstLineRoom)

        var words: [String] = []
        var pending: [[UInt8]] = []
        func payloadLength(_ parts: [[UInt8]]) -> Int {
            useQ ? parts.reduce(0) { $0 + qEncoded($1).utf8.count } : (parts.reduce(0) { $0 + $1.count } + 2) / 3 * 4
        }
        func flush() {
            guard !pending.isEmpty else { return }
            let payload = useQ ? pending.map(qEncoded).joined() : ASCIIEncoding.base64(pending.flatMap { $0 })
            words.append("=?UTF-8?\(useQ ? "Q" : "B")?\(payload)?=")
            pending = []
            limit = encodedWordLimit
        }
        for scalar in scalars {
            if !pending.isEmpty && overhead + payloadLength(pending + [scalar]) > limit { flush() }
            pending.append(scalar)
        }
        flush()
        return words.isEmpty ? ["=?UTF-8?Q??="] : words
    }

    /// One scalar's UTF-8 bytes in the "Q" encoding.
    private static func qEncoded(_ bytes: [UInt8], inPhrase: Bool) -> String {
        var result = ""
        for byte in bytes {
            if byte == UInt8(ascii: " ") {
                result += "_"
            } else if isLiteralInQ(byte, inPhrase: inPhrase) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "=" + ASCIIEncoding.hex(byte)
            }
        }
        return result
    }

    /// Bytes that "Q" may leave as they are: never `=`, `?` or `_`, which it uses itself, and in a phrase only
    /// letters, digits and `!*+-/`, so that the word cannot be read as phrase syntax.
    private static func isLiteralInQ(_ byte: UInt8, inPhrase: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "!"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "/"):
            true
        case UInt8(ascii: "="), UInt8(ascii: "?"), UInt8(ascii: "_"):
            false
        case 0x21...0x7E:
            !inPhrase
        default:
            false
        }
    }
}
