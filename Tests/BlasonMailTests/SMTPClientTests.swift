import BlasonTestSupport
import Foundation
import Testing

@testable import BlasonMail

/// Delivery through `e2e/smtp_sink.py` (aiosmtpd), checked by reading back the stored files.
@Suite(
    "SMTP client against smtp_sink.py",
    .enabled(
        if: SMTPSink.python != nil,
        "BLASON_TEST_SMTP_PYTHON is not set: point it at a python with aiosmtpd (e.g. python3 -m venv /tmp/smtp-venv && /tmp/smtp-venv/bin/pip install aiosmtpd cryptography)"
    )
)
struct SMTPClientSinkTests {
    private func client(_ url: String) throws -> SMTPClient {
        SMTPClient(configuration: try SMTPConfiguration(url: url))
    }

    @Test("plain SMTP delivers the rendered bytes with the right envelope")
    func plain() async throws {
        let sink = try await SMTPSink.start(["--envelopes"])
        defer { sink.stop() }
        let message = sampleMessage(
            html: "<p>Bonjour</p>",
            to: [MailAddress("ada@example.org", name: "Ada"), MailAddress("bob@example.org"), MailAddress("ada@example.org")]
        )
        try await client("smtp://127.0.0.1:\(sink.port)?helo=badges.example.org").send(message)

        #expect(try sink.messages() == [message.rendered()])
        #expect(try sink.envelopes() == [
            .init(mail_from: "noreply@badges.example.org", rcpt_tos: ["ada@example.org", "bob@example.org"], login: nil, tls: false),
        ])
    }

    @Test("STARTTLS then AUTH PLAIN with percent-encoded credentials")
    func startTLSWithAuthPlain() async throws {
        let sink = try await SMTPSink.start(["--starttls", "--auth", "ada@example.org:p@ss w:rd", "--auth-mechanisms", "PLAIN", "--envelopes"])
        defer { sink.stop() }
        let message = sampleMessage(subject: "Votre badge est prêt 🎓")
        try await client("smtp+starttls://ada%40example.org:p%40ss%20w%3Ard@127.0.0.1:\(sink.port)?verify=false").send(message)

        #expect(try sink.messages() == [message.rendered()])
        let envelope = try #require(try sink.envelopes().first)
        #expect(envelope.tls)
        #expect(envelope.login == "ada@example.org")
    }

    @Test("AUTH LOGIN when it is the only mechanism offered")
    func authLogin() async throws {
        let sink = try await SMTPSink.start(["--auth", "mailer:secret", "--auth-mechanisms", "LOGIN", "--envelopes"])
        defer { sink.stop() }
        try await client("smtp://mailer:secret@127.0.0.1:\(sink.port)").send(sampleMessage())
        #expect(try sink.envelopes().map(\.login) == ["mailer"])
    }

    @Test("implicit TLS")
    func implicitTLS() async throws {
        let sink = try await SMTPSink.start(["--tls", "--envelopes"])
        defer { sink.stop() }
        let message = sampleMessage(html: "<p>TLS</p>")
        try await client("smtps://127.0.0.1:\(sink.port)?verify=false").send(message)
        #expect(try sink.messages() == [message.rendered()])
        #expect(try sink.envelopes().map(\.tls) == [true])
    }

    @Test("a self-signed certificate is refused when verification is on")
    func untrustedCertificate() async throws {
        let sink = try await SMTPSink.start(["--tls"])
        defer { sink.stop() }
        let error = await #expect(throws: SMTPError.self) {
            try await client("smtps://localhost:\(sink.port)?timeout=10").send(sampleMessage())
        }
        guard case .tls = error else {
            Issue.record("expected a TLS error, got \(String(describing: error))")
            return
        }
        #expect(error?.isPermanent == false)
        #expect(try sink.messages().isEmpty)
    }

    @Test("a wrong password is a permanent authentication error")
    func wrongPassword() async throws {
        let sink = try await SMTPSink.start(["--starttls", "--auth", "ada:right"])
        defer { sink.stop() }
        let error = await #expect(throws: SMTPError.self) {
            try await client("smtp+starttls://ada:wrong@127.0.0.1:\(sink.port)?verify=false").send(sampleMessage())
        }
        guard case .authentication(let code, _) = error else {
            Issue.record("expected an authentication error, got \(String(describing: error))")
            return
        }
        #expect(code == 535)
        #expect(error?.isPermanent == true)
        #expect(try sink.messages().isEmpty)
    }

    @Test("a server that requires AUTH refuses MAIL without credentials, permanently")
    func missingCredentials() async throws {
        let sink = try await SMTPSink.start(["--auth", "ada:right"])
        defer { sink.stop() }
        let error = await #expect(throws: SMTPError.self) {
            try await client("smtp://127.0.0.1:\(sink.port)").send(sampleMessage())
        }
        guard case .rejected(530, _) = error else {
            Issue.record("expected 530, got \(String(describing: error))")
            return
        }
        #expect(error?.isPermanent == true)
    }

    @Test("a 451 after DATA is transient and the retry delivers the same message")
    func transientFailureThenRetry() async throws {
        let sink = try await SMTPSink.start(["--fail-first", "1"])
        defer { sink.stop() }
        let client = try client("smtp://127.0.0.1:\(sink.port)")
        let message = sampleMessage()
        let error = await #expect(throws: SMTPError.self) { try await client.send(message) }
        guard case .rejected(451, let text) = error else {
            Issue.record("expected 451, got \(String(describing: error))")
            return
        }
        #expect(text.contains("try again later"))
        #expect(error?.isPermanent == false)
        #expect(try sink.messages().isEmpty)

        try await client.send(message)
        #expect(try sink.messages() == [message.rendered()])
    }

    @Test("body lines starting with a dot arrive intact")
    func dotStuffing() async throws {
        let sink = try await SMTPSink.start()
        defer { sink.stop() }
        let text = ".\n.hidden line\n..two dots\n. \nend\n.\n"
        let message = sampleMessage(text: text, html: ".leading dot in HTML\n")
        try await client("smtp://127.0.0.1:\(sink.port)").send(message)

        let stored = try #require(try sink.messages().first)
        #expect(stored == message.rendered())
        let parsed = try PythonEmail.parse(stored)
        #expect(parsed.text == text)
        #expect(parsed.html == ".leading dot in HTML\n")
    }

    @Test("STARTTLS required but not offered is a permanent protocol violation")
    func startTLSNotOffered() async throws {
        let sink = try await SMTPSink.start()
        defer { sink.stop() }
        let error = await #expect(throws: SMTPError.self) {
            try await client("smtp+starttls://127.0.0.1:\(sink.port)").send(sampleMessage())
        }
        guard case .protocolViolation(let text) = error else {
            Issue.record("expected a protocol violation, got \(String(describing: error))")
            return
        }
        #expect(text.contains("STARTTLS"))
        #expect(error?.isPermanent == true)
    }
}

/// Failures that need no SMTP server at all.
@Suite("SMTP client without a server")
struct SMTPClientOfflineTests {
    @Test("nothing listening gives a transient connection error, not a crash or a hang")
    func nothingListening() async throws {
        let port = try LoopbackSocket.freePort()
        let client = SMTPClient(configuration: try SMTPConfiguration(url: "smtp://127.0.0.1:\(port)?timeout=5"))
        let error = await #expect(throws: SMTPError.self) { try await client.send(sampleMessage()) }
        guard case .connection = error else {
            Issue.record("expected a connection error, got \(String(describing: error))")
            return
        }
        #expect(error?.isPermanent == false)
    }

    @Test("a server that never greets times out after the configured delay")
    func silentServer() async throws {
        let listener = try LoopbackSocket.silentListener()
        defer { close(listener.descriptor) }
        let client = SMTPClient(configuration: try SMTPConfiguration(url: "smtp://127.0.0.1:\(listener.port)?timeout=1"))
        let started = Date()
        await #expect(throws: SMTPError.timeout) { try await client.send(sampleMessage()) }
        // Not a speed check (the machine may be busy): only that the wait is bounded, not left to TCP.
        #expect(Date().timeIntervalSince(started) < 120)
    }

    @Test("a 554 greeting is a permanent refusal, even though the server then hangs up")
    func refusingGreeting() async throws {
        let port = try LoopbackSocket.scriptedServer(greeting: "554 5.3.2 no service here\r\n")
        let client = SMTPClient(configuration: try SMTPConfiguration(url: "smtp://127.0.0.1:\(port)?timeout=5"))
        let error = await #expect(throws: SMTPError.self) { try await client.send(sampleMessage()) }
        guard case .rejected(554, let text) = error else {
            Issue.record("expected 554, got \(String(describing: error))")
            return
        }
        #expect(text.contains("no service here"))
        #expect(error?.isPermanent == true)
    }

    @Test("a server that is not SMTP is a protocol violation")
    func notSMTP() async throws {
        let port = try LoopbackSocket.scriptedServer(greeting: "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
        let client = SMTPClient(configuration: try SMTPConfiguration(url: "smtp://127.0.0.1:\(port)?timeout=5"))
        let error = await #expect(throws: SMTPError.self) { try await client.send(sampleMessage()) }
        guard case .protocolViolation = error else {
            Issue.record("expected a protocol violation, got \(String(describing: error))")
            return
        }
    }

    @Test("a server that hangs up without a word is a transient connection error")
    func hangUp() async throws {
        let port = try LoopbackSocket.scriptedServer(greeting: "")
        let client = SMTPClient(configuration: try SMTPConfiguration(url: "smtp://127.0.0.1:\(port)?timeout=5"))
        let error = await #expect(throws: SMTPError.self) { try await client.send(sampleMessage()) }
        guard case .connection = error else {
            Issue.record("expected a connection error, got \(String(describing: error))")
            return
        }
        #expect(error?.isPermanent == false)
    }

    @Test("a server without ESMTP gets HELO after EHLO is refused")
    func heloFallback() async throws {
        let server = try ScriptedSMTPServer { line in
            line.hasPrefix("EHLO") ? "502 5.5.2 command not recognized\r\n" : ScriptedSMTPServer.standardReply(to: line)
        }
        let client = SMTPClient(configuration: try SMTPConfiguration(url: "smtp://127.0.0.1:\(server.port)?helo=badges.example.org&timeout=5"))
        try await client.send(sampleMessage())
        let commands = server.transcript.filter { $0.hasPrefix("EHLO") || $0.hasPrefix("HELO") || $0.hasPrefix("MAIL") }
        #expect(commands == ["EHLO badges.example.org", "HELO badges.example.org", "MAIL FROM:<noreply@badges.example.org>"])
    }

    @Test("a refused recipient stops the transaction before DATA")
    func refusedRecipient() async throws {
        let server = try ScriptedSMTPServer { line in
            line.hasPrefix("RCPT TO:<bob@") ? "550 5.1.1 no such user\r\n" : ScriptedSMTPServer.standardReply(to: line)
        }
        let client = SMTPClient(configuration: try SMTPConfiguration(url: "smtp://127.0.0.1:\(server.port)?timeout=5"))
        let message = sampleMessage(to: [MailAddress("ada@example.org"), MailAddress("bob@example.org")])
        let error = await #expect(throws: SMTPError.self) { try await client.send(message) }
        guard case .rejected(550, let text) = error else {
            Issue.record("expected 550, got \(String(describing: error))")
            return
        }
        #expect(text.contains("bob@example.org"))
        #expect(error?.isPermanent == true)
        #expect(!server.transcript.contains("DATA"))
    }

    @Test("replies injected after the STARTTLS go-ahead are refused")
    func startTLSInjection() async throws {
        let server = try ScriptedSMTPServer { line in
            switch line {
            case let ehlo where ehlo.hasPrefix("EHLO"): "250-scripted\r\n250 STARTTLS\r\n"
            case "STARTTLS": "220 go ahead\r\n250 injected in clear text\r\n"
            default: ScriptedSMTPServer.standardReply(to: line)
            }
        }
        let client = SMTPClient(configuration: try SMTPConfiguration(url: "smtp+starttls://127.0.0.1:\(server.port)?timeout=5"))
        let error = await #expect(throws: SMTPError.self) { try await client.send(sampleMessage()) }
        guard case .protocolViolation(let text) = error else {
            Issue.record("expected a protocol violation, got \(String(describing: error))")
            return
        }
        #expect(text.contains("after agreeing to STARTTLS"))
    }

    @Test("AUTH PLAIN is re-sent when the server asks for it with an empty challenge")
    func authPlainWithoutInitialResponse() async throws {
        let server = try ScriptedSMTPServer { line in
            switch line {
            case let ehlo where ehlo.hasPrefix("EHLO"): "250-scripted\r\n250 AUTH PLAIN\r\n"
            case let auth where auth.hasPrefix("AUTH PLAIN"): "334 \r\n"
            case "AGFkYQBzZWNyZXQ=": "235 2.7.0 ok\r\n"
            default: ScriptedSMTPServer.standardReply(to: line)
            }
        }
        let client = SMTPClient(configuration: try SMTPConfiguration(url: "smtp://ada:secret@127.0.0.1:\(server.port)?timeout=5"))
        try await client.send(sampleMessage())
        #expect(server.transcript.contains("AGFkYQBzZWNyZXQ="))
    }

    @Test("messages the client cannot send are refused before connecting")
    func invalidEnvelope() async throws {
        // Port 9 (discard) on loopback: if validation were skipped the test would fail with a connection error.
        let client = SMTPClient(configuration: try SMTPConfiguration(url: "smtp://127.0.0.1:9"))
        for message in [
            sampleMessage(to: []),
            sampleMessage(to: [MailAddress("ada@example.org>\r\nRCPT TO:<evil@example.org")]),
            sampleMessage(to: [MailAddress("zoé@example.org")]),
        ] {
            let error = await #expect(throws: SMTPError.self) { try await client.send(message) }
            guard case .protocolViolation = error else {
                Issue.record("expected a protocol violation, got \(String(describing: error))")
                continue
            }
        }
    }

    @Test("dot-stuffing doubles leading dots and appends the terminator")
    func dotStuffed() {
        let buffer = SMTPClient.dotStuffed(Data("a\r\n.b\r\n..c\r\n.\r\n".utf8))
        #expect(String(buffer: buffer) == "a\r\n..b\r\n...c\r\n..\r\n.\r\n")
        #expect(String(buffer: SMTPClient.dotStuffed(Data(".x".utf8))) == "..x\r\n.\r\n")
    }
}
