import Foundation

/// An e-mail ready to be rendered as RFC 5322 / MIME and handed to `SMTPClient`.
///
/// Plain values only: rendering is deterministic for a given message (the MIME boundary derives from
/// `messageID`), so an outbox row re-sent after a failure produces the same bytes.
public struct MailMessage: Sendable {
    /// The author; also the SMTP envelope sender.
    public var from: MailAddress
    /// The recipients; each is also an SMTP envelope recipient.
    public var to: [MailAddress]
    /// Where replies should go when that is not `from`.
    public var replyTo: MailAddress?
    /// The subject; any text, encoded as needed.
    public var subject: String
    /// The plain-text body; any line-break convention, sent with CRLF.
    public var textBody: String
    /// An HTML alternative; when set the message becomes multipart/alternative (text first, then HTML).
    public var htmlBody: String?
    /// Without angle brackets, e.g. "5f0c…@badges.example.org". Stable per outbox row: a retry re-sends the same id.
    public var messageID: String
    /// The Date header; rendered in UTC.
    public var date: Date
    /// Extra headers such as ("Content-Language", "fr"), ("Auto-Submitted", "auto-generated").
    ///
    /// Values are treated as unstructured text (encoded when non-ASCII). Headers that the renderer writes
    /// itself (From, To, Subject, Content-Type, …) are ignored here rather than duplicated.
    public var headers: [(name: String, value: String)]

    /// Creates a message.
    /// - Parameters:
    ///   - from: The author and envelope sender.
    ///   - to: The recipients.
    ///   - replyTo: An optional Reply-To mailbox.
    ///   - subject: The subject line.
    ///   - textBody: The plain-text body.
    ///   - htmlBody: An optional HTML alternative.
    ///   - messageID: The Message-ID without angle brackets, stable across retries.
    ///   - date: The Date header, now by default.
    ///   - headers: Extra header fields, in order.
    public init(
        from: MailAddress,
        to: [MailAddress],
        replyTo: MailAddress? = nil,
        subject: String,
        textBody: String,
        htmlBody: String? = nil,
        messageID: String,
        date: Date = Date(),
        headers: [(name: String, value: String)] = []
    ) {
        self.from = from
        self.to = to
        self.replyTo = replyTo
        self.subject = subject
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.messageID = messageID
        self.date = date
        self.headers = headers
    }
}
