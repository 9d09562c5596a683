import BlasonMail
import Testing

@Suite("Parsing BLASON_SMTP_URL")
struct SMTPConfigurationTests {
    @Test("smtp:// is plain SMTP on port 25 with safe defaults")
    func plainDefaults() throws {
        let configuration = try SMTPConfiguration(url: "smtp://mail.example.org")
        #expect(configuration.host == "mail.example.org")
        #expect(configuration.port == 25)
        #expect(configuration.security == .none)
        #expect(configuration.username == nil)
        #expect(configuration.password == nil)
        #expect(configuration.verifyCertificates)
        #expect(configuration.heloName == "localhost")
        #expect(configuration.timeoutSeconds == 30)
    }

    @Test("each scheme implies its security and default port", arguments: [
        ("smtp://h", SMTPConfiguration.Security.none, 25),
        ("smtp+starttls://h", .startTLS, 587),
        ("smtps://h", .tls, 465),
        ("SMTPS://h/", .tls, 465),
        ("smtp+starttls://h:2587", .startTLS, 2587),
    ])
    func schemes(url: String, security: SMTPConfiguration.Security, port: Int) throws {
        let configuration = try SMTPConfiguration(url: url)
        #expect(configuration.security == security)
        #expect(configuration.port == port)
        #expect(configuration.host == "h")
    }

    @Test("credentials are percent-decoded")
    func credentials() throws {
        let configuration = try SMTPConfiguration(url: "smtp+starttls://ada%40example.org:p%40ss%3Aw%2Fd%20%25@smtp.example.org:2525")
        #expect(configuration.username == "ada@example.org")
        #expect(configuration.password == "p@ss:w/d %")
        #expect(configuration.host == "smtp.example.org")
        #expect(configuration.port == 2525)
        #expect(!configuration.description.contains("p@ss"), "the description must not leak the password")
        #expect(try SMTPConfiguration(url: "smtp://apikey@relay").password == nil)
        #expect(try SMTPConfiguration(url: "smtp://apikey@relay").username == "apikey")
    }

    @Test("query options set verification, HELO name and timeout")
    func options() throws {
        let configuration = try SMTPConfiguration(url: "smtps://127.0.0.1:2465?verify=false&helo=badges.example.org&timeout=5")
        #expect(!configuration.verifyCertificates)
        #expect(configuration.heloName == "badges.example.org")
        #expect(configuration.timeoutSeconds == 5)
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 2465)
        #expect(try SMTPConfiguration(url: "smtp://h?verify=true").verifyCertificates)
    }

    @Test("IPv6 hosts go in brackets")
    func ipv6() throws {
        let configuration = try SMTPConfiguration(url: "smtp://[::1]:2525")
        #expect(configuration.host == "::1")
        #expect(configuration.port == 2525)
        #expect(try SMTPConfiguration(url: "smtps://[2001:db8::25]").port == 465)
    }

    @Test("bad URLs are refused with a message that says what is wrong", arguments: [
        ("http://mail.example.org", "scheme"),
        ("mail.example.org:25", "smtp://"),
        ("smtp://", "missing host"),
        ("smtp://user:secret@", "missing host"),
        ("smtp://:25", "missing host"),
        ("smtp://host:0", "port"),
        ("smtp://host:65536", "port"),
        ("smtp://host:2x5", "port"),
        ("smtp://host:", "port"),
        ("smtp://host/path", "path"),
        ("smtp://host?verify=maybe", "verify"),
        ("smtp://host?timeout=0", "timeout"),
        ("smtp://host?helo=", "helo"),
        ("smtp://host?tls=on", "unknown option"),
        ("smtp://[::1", "["),
        ("smtp://us%ZZer:pw@host", "percent"),
        ("smtp://:pw@host", "user name"),
    ])
    func badURLs(url: String, expectedFragment: String) {
        #expect {
            try SMTPConfiguration(url: url)
        } throws: { error in
            guard let error = error as? SMTPConfigurationError else { return false }
            return error.message.contains(expectedFragment) && !error.description.contains("secret")
        }
    }
}
