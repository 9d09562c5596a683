import NIOCore

extension SMTPClient {
    /// The SMTP conversation after connecting, up to QUIT.
    func deliver(
        _ payload: ByteBuffer, from sender: String, to recipients: [String], over connection: SMTPConnection
    ) async throws(SMTPError) {
        try Self.expect(await connection.readReply(), [220], after: "greeting")
        var capabilities = try await hello(over: connection)
        if configuration.security == .startTLS {
            guard capabilities.offers("STARTTLS") else {
                throw .protocolViolation("the server does not offer STARTTLS, which the configuration requires")
            }
            let tls = try TLSSetup(configuration)
            try Self.expect(await connection.command("STARTTLS"), [220], after: "STARTTLS")
            try await connection.startTLS(tls)
            // RFC 3207: everything learned before TLS is discarded, including the extensions.
            capabilities = try await hello(over: connection)
        }
        if let username = configuration.username {
            try await authenticate(username, password: configuration.password ?? "", offered: capabilities, over: connection)
        }
        try Self.expect(await connection.command("MAIL FROM:<\(sender)>"), [250], after: "MAIL FROM")
        for recipient in recipients {
            try Self.expect(await connection.command("RCPT TO:<\(recipient)>"), [250, 251], after: "RCPT TO:<\(recipient)>")
        }
        try Self.expect(await connection.command("DATA"), [354], after: "DATA")
        try Self.expect(await connection.send(payload), [250], after: "end of data")
        // The server has taken responsibility for the message; a failed goodbye changes nothing.
        _ = try? await connection.command("QUIT")
    }

    /// EHLO, or HELO for servers that predate ESMTP; returns the reply whose lines list the extensions.
    private func hello(over connection: SMTPConnection) async throws(SMTPError) -> SMTPReply {
        // `heloName` is a public var: keep a stray line break in it from becoming a second command.
        let sanitized = HeaderEncoder.sanitizedAddress(configuration.heloName)
        let name = sanitized.isEmpty ? "localhost" : sanitized
        let ehlo = try await connection.command("EHLO \(name)")
        guard ehlo.code >= 500 else {
            return try Self.expect(ehlo, [250], after: "EHLO")
        }
        let helo = try Self.expect(await connection.command("HELO \(name)"), [250], after: "HELO")
        return SMTPReply(code: helo.code, lines: Array(helo.lines.prefix(1)))
    }

    /// AUTH PLAIN when offered, else AUTH LOGIN.
    private func authenticate(
        _ username: String, password: String, offered capabilities: SMTPReply, over connection: SMTPConnection
    ) async throws(SMTPError) {
        let mechanisms = capabilities.authMechanisms
        if mechanisms.contains("PLAIN") {
            let response = ASCIIEncoding.base64(Array("\0\(username)\0\(password)".utf8))
            var reply = try await connection.command("AUTH PLAIN \(response)")
            if reply.code == 334 {
                // A server that ignores initial responses asks again with an empty challenge.
                reply = try await connection.command(response)
            }
            try Self.expectAuthenticated(reply)
        } else if mechanisms.contains("LOGIN") {
            // The challenges ("Username:", "Password:") are fixed by convention; only their code matters.
            for step in ["AUTH LOGIN", ASCIIEncoding.base64(Array(username.utf8))] {
                let reply = try await connection.command(step)
                guard reply.code == 334 else { return try Self.expectAuthenticated(reply) }
            }
            try Self.expectAuthenticated(await connection.command(ASCIIEncoding.base64(Array(password.utf8))))
        } else if mechanisms.isEmpty {
            let hint = configuration.security == .none ? " (many servers offer AUTH only over TLS)" : ""
            throw .protocolViolation("credentials are configured but the server offers no AUTH\(hint)")
        } else {
            let offered = mechanisms.sorted().joined(separator: " ")
            throw .protocolViolation("the server offers AUTH \(offered) but this client supports only PLAIN and LOGIN")
        }
    }

    /// `reply` when its code is one of `codes`; otherwise `.rejected` for 4xx/5xx, `.protocolViolation` for the rest.
    @discardableResult
    static func expect(_ reply: SMTPReply, _ codes: Set<Int>, after step: String) throws(SMTPError) -> SMTPReply {
        if codes.contains(reply.code) { return reply }
        if reply.code >= 400 { throw .rejected(code: reply.code, message: "\(step): \(reply.message)") }
        throw .protocolViolation("unexpected reply \(reply.code) \(reply.message) after \(step)")
    }

    private static func expectAuthenticated(_ reply: SMTPReply) throws(SMTPError) {
        if reply.code == 235 { return }
        if reply.code >= 400 { throw .authentication(code: reply.code, message: reply.message) }
        throw .protocolViolation("unexpected reply \(reply.code) \(reply.message) during AUTH")
    }
}
