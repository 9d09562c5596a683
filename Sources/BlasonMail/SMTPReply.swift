/// One complete server reply, possibly spread over several `250-…` lines.
struct SMTPReply: Sendable, Equatable {
    /// The three-digit reply code.
    var code: Int
    /// The text of each line, without the code and separator.
    var lines: [String]

    /// The text lines joined, for error messages.
    var message: String { lines.joined(separator: " ") }

    /// 2xx.
    var isPositive: Bool { (200..<300).contains(code) }

    /// EHLO keywords in upper case, e.g. `STARTTLS`, `AUTH PLAIN LOGIN`; the first line is the greeting.
    var extensions: [String] {
        lines.dropFirst().map { $0.trimmingSpaces().uppercased() }
    }

    /// The SASL mechanisms offered by EHLO, including the legacy `AUTH=…` spelling.
    var authMechanisms: Set<String> {
        var mechanisms: Set<String> = []
        for line in extensions where line.hasPrefix("AUTH ") || line.hasPrefix("AUTH=") {
            for word in line.dropFirst(5).split(separator: " ") { mechanisms.insert(String(word)) }
        }
        return mechanisms
    }

    /// Whether EHLO offered `keyword` (compared case-insensitively, parameters ignored).
    func offers(_ keyword: String) -> Bool {
        extensions.contains { $0 == keyword || $0.hasPrefix(keyword + " ") }
    }
}

/// Assembles reply lines (`ddd-text` continues, `ddd text` or `ddd` ends) into `SMTPReply` values.
struct SMTPReplyParser {
    private var pending: SMTPReply?

    /// Whether part of a multi-line reply has been read.
    var isMidReply: Bool { pending != nil }

    /// Feeds one line without its line break; returns the reply it completes, if any.
    mutating func consume(_ line: String) throws(SMTPError) -> SMTPReply? {
        let bytes = Array(line.utf8.prefix(4))
        guard bytes.count >= 3, bytes[0...2].allSatisfy({ (0x30...0x39).contains($0) }),
              let code = Int(String(decoding: bytes[0...2], as: UTF8.self)), (200...599).contains(code)
        else {
            throw SMTPError.protocolViolation("unexpected reply line \"\(line.prefix(80))\"")
        }
        let separator = bytes.count > 3 ? bytes[3] : UInt8(ascii: " ")
        guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else {
            throw SMTPError.protocolViolation("unexpected reply line \"\(line.prefix(80))\"")
        }
        let text = String(line.dropFirst(4))
        if let pending, pending.code != code {
            throw SMTPError.protocolViolation("reply code changed from \(pending.code) to \(code) within one reply")
        }
        var reply = pending ?? SMTPReply(code: code, lines: [])
        reply.lines.append(text)
        if separator == UInt8(ascii: "-") {
            pending = reply
            return nil
        }
        pending = nil
        return reply
    }
}
