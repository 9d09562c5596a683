import Foundation

extension MailMessage {
    /// RFC 5322 message with CRLF line ends: Date (RFC 5322 format, UTC or +0000), From, To, Reply-To, Subject, Message-ID,
    /// MIME-Version, then either a text/plain UTF-8 body or multipart/alternative (text then html), bodies base64 or quoted-printable
    /// with lines ≤ 76, headers folded ≤ 78, non-ASCII in headers as RFC 2047 encoded-words (B or Q), nothing non-ASCII left raw.
    /// No dot-stuffing here (the SMTP client does it).
    ///
    /// The only lines that can pass 78 characters are headers holding one unbreakable item longer than
    /// that, such as a very long address or Message-ID.
    public func rendered() -> Data {
        var fields: [String] = [
            "Date: " + Self.rfc5322Date(date),
            HeaderEncoder.fold(name: "From", tokens: from.headerTokens(firstLineRoom: HeaderEncoder.lineLimit - 6)),
        ]
        if to.isEmpty {
            // RFC 5322's way of saying "no visible recipients"; an empty To field is not allowed.
            fields.append("To: undisclosed-recipients:;")
        } else {
            fields.append(HeaderEncoder.fold(name: "To", tokens: to.headerTokens(firstLineRoom: HeaderEncoder.lineLimit - 4)))
        }
        if let replyTo {
            let tokens = replyTo.headerTokens(firstLineRoom: HeaderEncoder.lineLimit - 10)
            fields.append(HeaderEncoder.fold(name: "Reply-To", tokens: tokens))
        }
        fields.append(HeaderEncoder.unstructured(name: "Subject", value: subject))
        fields.append("Message-ID: <\(HeaderEncoder.sanitizedAddress(messageID))>")
        fields.append("MIME-Version: 1.0")
        for header in headers {
            let name = HeaderEncoder.sanitizedFieldName(header.name)
            guard !name.isEmpty, !Self.renderedFieldNames.contains(name.lowercased()) else { continue }
            fields.append(HeaderEncoder.unstructured(name: name, value: header.value))
        }

        var output = fields.joined(separator: "\r\n") + "\r\n"
        if let htmlBody {
            let boundary = Self.boundary(for: messageID)
            output += "Content-Type: multipart/alternative; boundary=\"\(boundary)\"\r\n\r\n"
            output += "--\(boundary)\r\n" + Self.part(textBody, subtype: "plain")
            output += "\r\n--\(boundary)\r\n" + Self.part(htmlBody, subtype: "html")
            output += "\r\n--\(boundary)--\r\n"
        } else {
            output += Self.part(textBody, subtype: "plain")
        }
        return Data(output.utf8)
    }

    /// Fields this renderer owns; a copy in `headers` would give readers two conflicting values.
    static let renderedFieldNames: Set<String> = [
        "date", "from", "sender", "to", "cc", "bcc", "reply-to", "subject", "message-id", "mime-version",
        "content-type", "content-transfer-encoding",
    ]

    /// Content headers, a blank line, then the encoded body (which ends in CRLF).
    private static func part(_ text: String, subtype: String) -> String {
        let body = BodyEncoder.encode(text)
        return "Content-Type: text/\(subtype); charset=utf-8\r\n"
            + "Content-Transfer-Encoding: \(body.transferEncoding)\r\n\r\n"
            + body.text
    }

    /// A boundary that cannot occur in the parts: "=_" never appears in quoted-printable or base64 output.
    /// Deriving it from the Message-ID keeps re-renders identical.
    static func boundary(for messageID: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a: stable across runs, unlike Hasher.
        for byte in messageID.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return "=_blason_" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// `Tue, 05 Mar 2024 14:07:09 +0000`, computed by hand so neither the locale nor the time zone of
    /// the machine can leak in.
    static func rfc5322Date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let parts = calendar.dateComponents([.year, .month, .day, .weekday, .hour, .minute, .second], from: date)
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(weekdays[(parts.weekday ?? 1) - 1]), \(two(parts.day)) \(months[(parts.month ?? 1) - 1]) "
            + "\(parts.year ?? 1970) \(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) +0000"
    }
}
