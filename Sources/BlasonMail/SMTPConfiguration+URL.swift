import Foundation

extension SMTPConfiguration {
    /// Parses BLASON_SMTP_URL: `smtp://[user:pass@]host[:port]` (no TLS, port 25), `smtp+starttls://…` (STARTTLS required, port 587),
    /// `smtps://…` (implicit TLS, port 465). User and password are percent-decoded. Query options: `verify=false`, `helo=NAME`, `timeout=SECONDS`.
    ///
    /// IPv6 hosts go in brackets (`smtp://[::1]:2525`). Unknown options are refused rather than ignored,
    /// so a typo cannot silently turn certificate checks back on or off.
    public init(url: String) throws(SMTPConfigurationError) {
        let text = url.trimmingCharacters(in: .whitespaces)
        guard let schemeEnd = text.range(of: "://") else {
            throw SMTPConfigurationError("expected smtp://, smtp+starttls:// or smtps://, got \"\(Self.redacted(text))\"")
        }
        let scheme = text[..<schemeEnd.lowerBound].lowercased()
        switch scheme {
        case "smtp": security = .none
        case "smtp+starttls": security = .startTLS
        case "smtps": security = .tls
        default:
            throw SMTPConfigurationError("unsupported scheme \"\(scheme)\"; use smtp://, smtp+starttls:// or smtps://")
        }

        var rest = text[schemeEnd.upperBound...]
        var query: Substring = ""
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        var authority = rest
        if let slash = rest.firstIndex(of: "/") {
            guard rest[slash...] == "/" else {
                throw SMTPConfigurationError("an SMTP URL has no path, found \"\(rest[slash...])\"")
            }
            authority = rest[..<slash]
        }

        username = nil
        password = nil
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            authority = authority[authority.index(after: at)...]
            let user: Substring
            if let colon = userInfo.firstIndex(of: ":") {
                user = userInfo[..<colon]
                password = try Self.percentDecoded(userInfo[userInfo.index(after: colon)...], what: "password")
            } else {
                user = userInfo
            }
            guard !user.isEmpty else { throw SMTPConfigurationError("credentials are given but the user name is empty") }
            username = try Self.percentDecoded(user, what: "user name")
        }

        (host, port) = try Self.hostAndPort(authority, security: security)
        verifyCertificates = true
        heloName = "localhost"
        timeoutSeconds = 30
        try applyOptions(query)
    }

    /// `host`, `host:port`, `[v6]` or `[v6]:port`.
    private static func hostAndPort(_ authority: Substring, security: Security) throws(SMTPConfigurationError) -> (String, Int) {
        var hostPart = authority
        var portPart: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else {
                throw SMTPConfigurationError("unclosed \"[\" in host \"\(authority)\"")
            }
            hostPart = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw SMTPConfigurationError("unexpected \"\(after)\" after host") }
                portPart = after.dropFirst()
            }
        } else if let colon = authority.lastIndex(of: ":") {
            hostPart = authority[..<colon]
            portPart = authority[authority.index(after: colon)...]
        }
        guard !hostPart.isEmpty else { throw SMTPConfigurationError("missing host") }
        guard hostPart.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
            throw SMTPConfigurationError("host \"\(hostPart)\" must be ASCII without spaces (use the punycode form)")
        }
        var port = defaultPort(for: security)
        if let portPart {
            guard let value = Int(portPart), portPart.allSatisfy(\.isASCII), (1...65535).contains(value) else {
                throw SMTPConfigurationError("port must be a number from 1 to 65535, got \"\(portPart)\"")
            }
            port = value
        }
        return (String(hostPart), port)
    }

    /// Applies `verify=…&helo=…&timeout=…`.
    private mutating func applyOptions(_ query: Substring) throws(SMTPConfigurationError) {
        for pair in query.split(separator: "&") {
            let key: Substring
            var rawValue: Substring = ""
            if let equals = pair.firstIndex(of: "=") {
                key = pair[..<equals]
                rawValue = pair[pair.index(after: equals)...]
            } else {
                key = pair
            }
            let value = try Self.percentDecoded(rawValue, what: "option \(key)")
            switch key.lowercased() {
            case "verify":
                switch value.lowercased() {
                case "true", "1", "yes": verifyCertificates = true
                case "false", "0", "no": verifyCertificates = false
                default: throw SMTPConfigurationError("verify must be true or false, got \"\(value)\"")
                }
            case "helo":
                guard !value.isEmpty, value.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
                    throw SMTPConfigurationError("helo must be a host name without spaces, got \"\(value)\"")
                }
                heloName = value
            case "timeout":
                guard let seconds = Int(value), seconds > 0 else {
                    throw SMTPConfigurationError("timeout must be a positive number of seconds, got \"\(value)\"")
                }
                timeoutSeconds = seconds
            default:
                throw SMTPConfigurationError("unknown option \"\(key)\"; known options are verify, helo and timeout")
            }
        }
    }

    private static func percentDecoded(_ text: Substring, what: String) throws(SMTPConfigurationError) -> String {
        guard let decoded = String(text).removingPercentEncoding else {
            throw SMTPConfigurationError("\(what) has an invalid percent-encoding")
        }
        return decoded
    }

    /// The URL without its user information, for error messages that may end up in logs.
    private static func redacted(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@") else { return text }
        return "…" + text[at...]
    }
}
