/// Where and how `SMTPClient` delivers mail, usually parsed from `BLASON_SMTP_URL`.
public struct SMTPConfiguration: Sendable, Equatable {
    /// How the connection is protected.
    public enum Security: String, Sendable {
        /// Plain TCP (`smtp://`): only for a relay on the same host or network.
        case none
        /// Plain TCP upgraded with STARTTLS before anything else is sent (`smtp+starttls://`); fails if not offered.
        case startTLS
        /// TLS from the first byte (`smtps://`).
        case tls
    }

    /// The server's host name or IP address (without brackets for IPv6).
    public var host: String
    /// The server's TCP port.
    public var port: Int
    /// Transport protection.
    public var security: Security
    /// The AUTH user name; no AUTH is attempted when `nil`.
    public var username: String?
    /// The AUTH password, used with `username`.
    public var password: String?
    /// Whether the server's certificate chain and host name are checked; false only for test servers
    /// with self-signed certificates.
    public var verifyCertificates: Bool
    /// The name sent with EHLO/HELO.
    public var heloName: String
    /// Limit for each network step (connect, each reply, the message upload), in seconds.
    public var timeoutSeconds: Int

    /// The port each scheme implies when the URL has none.
    static func defaultPort(for security: Security) -> Int {
        switch security {
        case .none: 25
        case .startTLS: 587
        case .tls: 465
        }
    }
}

extension SMTPConfiguration: CustomStringConvertible {
    /// The configuration as a URL with the password masked, safe for logs.
    public var description: String {
        let scheme = switch security {
        case .none: "smtp"
        case .startTLS: "smtp+starttls"
        case .tls: "smtps"
        }
        var credentials = ""
        if let username {
            credentials = username + (password == nil ? "" : ":***") + "@"
        }
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return "\(scheme)://\(credentials)\(hostPart):\(port)?verify=\(verifyCertificates)&helo=\(heloName)&timeout=\(timeoutSeconds)"
    }
}
