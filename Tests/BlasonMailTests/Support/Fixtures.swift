import BlasonMail
import Foundation
import Testing

/// 2024-03-05 14:07:09 UTC, a Tuesday.
let fixedDate = Date(timeIntervalSince1970: 1_709_647_629)

func sampleMessage(
    subject: String = "Your badge is ready",
    text: String = "Hello Ada,\nyour badge is ready.\n",
    html: String? = nil,
    to: [MailAddress] = [MailAddress("ada@example.org", name: "Ada Lovelace")],
    messageID: String = "5f0c1e2d@badges.example.org"
) -> MailMessage {
    MailMessage(
        from: MailAddress("noreply@badges.example.org", name: "Blason"),
        to: to,
        subject: subject,
        textBody: text,
        htmlBody: html,
        messageID: messageID,
        date: fixedDate
    )
}

/// Checks what every rendered message must satisfy on the wire: 7-bit, CRLF only, header lines
/// ≤ 78 and body lines ≤ 76 characters, and a final CRLF.
func expectWireFormat(_ data: Data, sourceLocation: SourceLocation = #_sourceLocation) {
    let bytes = [UInt8](data)
    #expect(bytes.allSatisfy { $0 < 0x80 }, "non-ASCII byte in rendered message", sourceLocation: sourceLocation)
    for (index, byte) in bytes.enumerated() {
        if byte == 0x0A {
            #expect(index > 0 && bytes[index - 1] == 0x0D, "bare LF at byte \(index)", sourceLocation: sourceLocation)
        }
        if byte == 0x0D {
            #expect(index + 1 < bytes.count && bytes[index + 1] == 0x0A, "bare CR at byte \(index)", sourceLocation: sourceLocation)
        }
    }
    #expect(bytes.suffix(2) == [0x0D, 0x0A], "message does not end with CRLF", sourceLocation: sourceLocation)
    let text = String(decoding: bytes, as: UTF8.self)
    var inHeader = true
    for line in text.components(separatedBy: "\r\n") {
        if line.isEmpty { inHeader = false }
        let limit = inHeader ? 78 : 76
        #expect(line.utf8.count <= limit, "line longer than \(limit): \(line)", sourceLocation: sourceLocation)
    }
}

/// The header block of a rendered message, unfolded into (name, raw value) pairs.
func headerFields(_ data: Data) -> [(name: String, value: String)] {
    let text = String(decoding: data, as: UTF8.self)
    let head = text.components(separatedBy: "\r\n\r\n")[0].replacingOccurrences(of: "\r\n ", with: " ")
    return head.components(separatedBy: "\r\n").map { line in
        let colon = line.firstIndex(of: ":")!
        return (String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
    }
}
