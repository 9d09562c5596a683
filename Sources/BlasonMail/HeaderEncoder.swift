/// Header-field encoding: folding, RFC 2047 encoded-words, phrases for display names.
///
/// Everything returned here is 7-bit ASCII with CRLF only between folded lines, so a rendered message
/// never needs SMTPUTF8 or 8BITMIME.
enum HeaderEncoder {
    /// RFC 5322's recommended line length, excluding the CRLF.
    static let lineLimit = 78
    /// Room on a continuation line, which starts with one space.
    static let continuationRoom = lineLimit - 1
    /// RFC 2047's hard cap on one encoded-word.
    static let encodedWordLimit = 75

    /// Joins `name: token token …`, breaking lines before a token that would pass `lineLimit`.
    ///
    /// Tokens are joined by one space and a break only ever replaces such a space by CRLF + space, so
    /// unfolding gives back exactly the joined text. A token longer than a line stays whole: splitting it
    /// would change its meaning. The first token always stays on the name's line: parsers such as
    /// Python's keep the whitespace of a break right after the colon as part of the value.
    static func fold(name: String, tokens: [String]) -> String {
        guard !tokens.isEmpty else { return name + ": " }
        var lines: [String] = []
        var current = name + ":"
        var currentHasToken = false
        for token in tokens {
            if currentHasToken && current.utf8.count + 1 + token.utf8.count > lineLimit {
                lines.append(current)
                current = ""
            }
            current += " " + token
            currentHasToken = true
        }
        lines.append(current)
        return lines.joined(separator: "\r\n")
    }

    /// An unstructured field (Subject, extra headers): plain folded text when that is possible,
    /// encoded-words otherwise.
    static func unstructured(name: String, value: String) -> String {
        let text = normalizedText(value)
        if isPlainASCII(text) {
            let folded = fold(name: name, tokens: plainTokens(text))
            if folded.split(separator: "\r\n").allSatisfy({ $0.utf8.count <= lineLimit }) {
                return folded
            }
        }
        // Non-ASCII, text that would read as an encoded-word, or a word too long to fold.
        return fold(name: name, tokens: encodedWords(text, firstLineRoom: lineLimit - name.utf8.count - 2, inPhrase: false))
    }

    /// A display name as phrase tokens: atoms when it is simple, one quoted-string when it has
    /// specials such as `,` or `.`, encoded-words when it has non-ASCII or is too long to quote on one line.
    static func phraseTokens(_ text: String, firstLineRoom: Int) -> [String] {
        if isPlainASCII(text) {
            if text.unicodeScalars.allSatisfy({ $0 == " " || isAtext($0) }) {
                let atoms = text.split(separator: " ").map(String.init)
                if atoms.allSatisfy({ $0.utf8.count < continuationRoom }) { return atoms }
            }
            var quoted = "\""
            for scalar in text.unicodeScalars {
                if scalar == "\"" || scalar == "\\" { quoted += "\\" }
                quoted.unicodeScalars.append(scalar)
            }
            quoted += "\""
            if quoted.utf8.count < continuationRoom { return [quoted] }
        }
        return encodedWords(text, firstLineRoom: firstLineRoom, inPhrase: true)
    }

    /// Replaces line breaks and other controls by spaces and trims: a raw CR or LF in a header value
    /// would let a caller inject header lines.
    static func normalizedText(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let isControl = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                || scalar == "\u{2028}" || scalar == "\u{2029}"
            result.append(isControl ? " " : scalar)
        }
        return String(result).trimmingSpaces()
    }

    /// The addr-spec with anything that could break out of `<…>` or the header removed.
    static func sanitizedAddress(_ address: String) -> String {
        String(String.UnicodeScalarView(address.unicodeScalars.filter { scalar in
            scalar.value > 0x20 && scalar.value < 0x7F && scalar != "<" && scalar != ">"
        }))
    }

    /// A header field name restricted to RFC 5322 `ftext`.
    static func sanitizedFieldName(_ name: String) -> String {
        String(String.UnicodeScalarView(name.unicodeScalars.filter { scalar in
            scalar.value > 0x20 && scalar.value < 0x7F && scalar != ":"
        }))
    }

    // MARK: - Helpers

    /// Printable ASCII that cannot be mistaken for an encoded-word by a decoder.
    private static func isPlainASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } && !text.contains("=?")
    }

    /// Space-separated words; runs of spaces stay attached to the following word so that unfolding
    /// restores them and no folded line is only whitespace.
    private static func plainTokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var pendingSpaces = ""
        for piece in text.split(separator: " ", omittingEmptySubsequences: false) {
            if piece.isEmpty {
                pendingSpaces += " "
            } else {
                tokens.append(pendingSpaces + piece)
                pendingSpaces = ""
            }
        }
        return tokens
    }

    /// RFC 5322 `atext`.
    private static func isAtext(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9": true
        case "!", "#", "$", "%", "&", "'", "*", "+", "-", "/", "=", "?", "^", "_", "`", "{", "|", "}", "~": true
        default: false
        }
    }
}

extension String {
    /// Without leading and trailing spaces and tabs; Foundation-free so it behaves the same everywhere.
    func trimmingSpaces() -> String {
        var scalars = Substring(self).unicodeScalars
        while scalars.first == " " || scalars.first == "\t" { scalars.removeFirst() }
        while scalars.last == " " || scalars.last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
