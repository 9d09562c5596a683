extension String {
    /// Decodes UTF-8, failing on invalid input instead of substituting U+FFFD: silent
    /// replacement would let corrupt payloads through.
    init?(strictUTF8 bytes: some Collection<UInt8>) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        self = text
    }
}

extension Unicode.Scalar {
    /// Folds only A–Z: full Unicode case mapping can change a string's length, which would
    /// break the index arithmetic of the CSS scanner, and CSS keywords are ASCII anyway.
    var asciiLowercased: Unicode.Scalar {
        ("A"..."Z").contains(self) ? Unicode.Scalar(value + 32)! : self
    }
}

extension String {
    /// Trims only XML's four whitespace characters, the set URL and attribute parsers ignore;
    /// Foundation's `.whitespacesAndNewlines` would also eat characters browsers keep.
    var trimmingXMLWhitespace: String {
        let scalars = unicodeScalars
        let isSpace: (Unicode.Scalar) -> Bool = { $0.isASCII && XMLTokenizer.isWhitespace(UInt8($0.value)) }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(scalars[first...last])
    }
}
