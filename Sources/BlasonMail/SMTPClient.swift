import Foundation
import NIOCore
import NIOPosix

/// Delivers `MailMessage`s to one SMTP server, one connection per message.
///
/// A connection per message keeps failures independent (a retry starts from a clean state) and
/// suits transactional mail volumes; the client holds no state, so one value can be shared freely.
public struct SMTPClient: Sendable {
    /// The server and how to reach it.
    public let configuration: SMTPConfiguration
    private let eventLoopGroup: any EventLoopGroup

    /// Creates a client.
    /// - Parameters:
    ///   - configuration: The server, security and credentials.
    ///   - eventLoopGroup: Where the connections run; a POSIX group such as the default singleton.
    public init(configuration: SMTPConfiguration, eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.configuration = configuration
        self.eventLoopGroup = eventLoopGroup
    }

    /// Sends over one connection: greeting, EHLO (fallback HELO), STARTTLS + EHLO again when configured (fail if not offered),
    /// AUTH PLAIN (or LOGIN when only LOGIN is offered) when credentials are set, MAIL FROM (with SMTPUTF8/8BITMIME only if needed — we
    /// send 7-bit so not needed), RCPT TO for each recipient, DATA with dot-stuffing and CRLF.CRLF, QUIT. Envelope sender = from.address.
    ///
    /// The message counts as sent once the server accepts the data; a failing QUIT afterwards is ignored.
    /// If any recipient is refused nothing is sent, so a retry never duplicates mail for the others.
    /// Credentials are sent on a plain connection too when the URL says `smtp://` with credentials.
    /// - Throws: `SMTPError`; check `isPermanent` to decide whether to retry later.
    public func send(_ message: MailMessage) async throws(SMTPError) {
        let recipients = try Self.envelope(of: message)
        let payload = Self.dotStuffed(message.rendered())
        let connection = try await SMTPConnection.open(configuration, group: eventLoopGroup)
        do throws(SMTPError) {
            try await deliver(payload, from: message.from.address, to: recipients, over: connection)
        } catch {
            await connection.close()
            throw error
        }
        await connection.close()
    }

    /// The distinct recipient addresses, after checking every envelope address before any network work.
    static func envelope(of message: MailMessage) throws(SMTPError) -> [String] {
        guard !message.to.isEmpty else { throw .protocolViolation("the message has no recipients") }
        for mailbox in [message.from] + message.to where !mailbox.isValidEnvelopeAddress {
            throw .protocolViolation("\"\(mailbox.address)\" cannot be used as an SMTP address")
        }
        var seen: Set<String> = []
        return message.to.map(\.address).filter { seen.insert($0).inserted }
    }

    /// The message as DATA content: a line starting with "." gets another one (RFC 5321 §4.5.2),
    /// then the CRLF.CRLF terminator.
    static func dotStuffed(_ message: Data) -> ByteBuffer {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(message.count + message.count / 64 + 5)
        var atLineStart = true
        for byte in message {
            if atLineStart && byte == UInt8(ascii: ".") { bytes.append(byte) }
            bytes.append(byte)
            atLineStart = byte == UInt8(ascii: "\n")
        }
        if !bytes.isEmpty && !atLineStart { bytes += [0x0D, 0x0A] }
        bytes += Array(".\r\n".utf8)
        return ByteBuffer(bytes: bytes)
    }
}
