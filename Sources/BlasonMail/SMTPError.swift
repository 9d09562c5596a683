/// Why a message could not be handed to the SMTP server.
public enum SMTPError: Error, Sendable, Equatable {
    /// The server could not be reached, or the connection was lost.
    case connection(String)
    /// A network step (connect, a reply, the upload) took longer than `SMTPConfiguration.timeoutSeconds`.
    case timeout
    /// TLS could not be set up: handshake failure, untrusted or mismatched certificate.
    case tls(String)
    /// The server refused the credentials (or, with a 4xx code, could not check them right now).
    case authentication(code: Int, message: String)
    /// The server refused a command with a 4xx or 5xx reply.
    case rejected(code: Int, message: String)
    /// The server's behaviour rules out delivery: unparseable reply, STARTTLS required but not offered,
    /// no usable AUTH mechanism, or a message this client refuses to send (no recipients, invalid address).
    case protocolViolation(String)

    /// 5xx replies (except 4xx transient) are permanent: retrying will not help. Connection problems and 4xx are transient.
    ///
    /// TLS failures count as transient because they are usually fixed on the server side (an expired or
    /// replaced certificate); protocol violations as permanent because they need a configuration change.
    public var isPermanent: Bool {
        switch self {
        case .connection, .timeout, .tls:
            false
        case .authentication(let code, _), .rejected(let code, _):
            code >= 500
        case .protocolViolation:
            true
        }
    }
}

extension SMTPError: CustomStringConvertible {
    /// A sentence for logs; never contains credentials.
    public var description: String {
        switch self {
        case .connection(let detail): "SMTP connection failed: \(detail)"
        case .timeout: "SMTP server did not answer in time"
        case .tls(let detail): "SMTP TLS failed: \(detail)"
        case .authentication(let code, let message): "SMTP authentication failed: \(code) \(message)"
        case .rejected(let code, let message): "SMTP server refused: \(code) \(message)"
        case .protocolViolation(let detail): "SMTP protocol problem: \(detail)"
        }
    }
}
