/// Content-Transfer-Encoding for text bodies.
///
/// Bodies are always sent as 7-bit data (quoted-printable or base64) with lines of at most 76
/// characters, so no SMTP extension is needed and no relay rewraps or re-encodes them.
enum BodyEncoder {
    /// A body ready to follow its part headers.
    struct EncodedBody: Equatable {
        /// `quoted-printable` or `base64`.
        var transferEncoding: String
        /// Encoded lines, each ending in CRLF.
        var text: String
    }

    static let lineLimit = 76

    /// The shorter of quoted-printable and base64 for `text`, whose line breaks become CRLF.
    ///
    /// Mostly-ASCII text stays readable as quoted-printable; text that is mostly non-Latin
    /// would triple in size that way, so it goes as base64.
    static func encode(_ text: String) -> EncodedBody {
        let lines = canonicalLines(text)
        let quoted = quotedPrintable(lines)
        var canonical: [UInt8] = []
        for (index, line) in lines.enumerated() {
            if index > 0 { canonical += [0x0D, 0x0A] }
            canonical += line
        }
        let base64Length = (canonical.count + 2) / 3 * 4
        let base64Lines = (base64Length + lineLimit - 1) / lineLimit
        if quoted.utf8.count <= base64Length + 2 * base64Lines {
            return EncodedBody(transferEncoding: "quoted-printable", text: quoted)
        }
        return EncodedBody(transferEncoding: "base64", text: wrappedBase64(canonical))
    }

    /// UTF-8 lines of `text`, split at CRLF, CR or LF. A final line break yields a final empty line,
    /// so joining with CRLF restores the text with canonical line ends.
    static func canonicalLines(_ text: String) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        var afterCR = false
        for byte in text.utf8 {
            if byte == 0x0A && afterCR {
                afterCR = false
                continue
            }
            afterCR = byte == 0x0D
            if byte == 0x0D || byte == 0x0A {
                lines.append(current)
                current = []
            } else {
                current.append(byte)
            }
        }
        lines.append(current)
        return lines
    }

    /// RFC 2045 quoted-printable, every output line ending in CRLF.
    ///
    /// When the text has no final line break, the output ends with a soft line break so that decoding
    /// gives back the text exactly, without an extra newline.
    static func quotedPrintable(_ lines: [[UInt8]]) -> String {
        var output = ""
        for (index, line) in lines.enumerated() {
            let isLast = index == lines.count - 1
            if isLast && line.isEmpty && index > 0 { break }
            let tokens = quotedPrintableTokens(line)
            // Remaining length from each token on, to know whether the rest fits without another soft break.
            var suffix = [Int](repeating: 0, count: tokens.count + 1)
            for i in stride(from: tokens.count - 1, through: 0, by: -1) { suffix[i] = suffix[i + 1] + tokens[i].utf8.count }
            // The last line ends in a soft break, so its final segment needs room for the "=".
            let finalRoom = isLast ? lineLimit - 1 : lineLimit
            var used = 0
            for (position, token) in tokens.enumerated() {
                let tokenLength = token.utf8.count
                if used + suffix[position] > finalRoom && used + tokenLength > lineLimit - 1 {
                    output += "=\r\n"
                    used = 0
                }
                output += token
                used += tokenLength
            }
            output += isLast ? "=\r\n" : "\r\n"
        }
        return output
    }

    /// One line's bytes as quoted-printable units that must not be split by a soft break.
    private static func quotedPrintableTokens(_ line: [UInt8]) -> [String] {
        var tokens: [String] = []
        tokens.reserveCapacity(line.count)
        // A line starting with "From " gets mangled into ">From " by mbox stores; encoding its F avoids that.
        let startsWithFrom = line.starts(with: Array("From ".utf8))
        for (position, byte) in line.enumerated() {
            let isTrailingWhitespace = (byte == 0x20 || byte == 0x09) && position == line.count - 1
            let literal = (byte == 0x20 || byte == 0x09 || (0x21...0x7E).contains(byte)) && byte != UInt8(ascii: "=")
            if literal && !isTrailingWhitespace && !(startsWithFrom && position == 0) {
                tokens.append(String(Unicode.Scalar(byte)))
            } else {
                tokens.append("=" + ASCIIEncoding.hex(byte))
            }
        }
        return tokens
    }

    /// Base64 in lines of `lineLimit` characters, each ending in CRLF.
    static func wrappedBase64(_ bytes: [UInt8]) -> String {
        let encoded = Array(ASCIIEncoding.base64(bytes).utf8)
        var output = ""
        var start = 0
        while start < encoded.count {
            let end = min(start + lineLimit, encoded.count)
            output += String(decoding: encoded[start..<end], as: UTF8.self) + "\r\n"
            start = end
        }
        return output
    }
}
