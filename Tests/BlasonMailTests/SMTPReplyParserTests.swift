import Testing

@testable import BlasonMail

@Suite("Parsing SMTP replies")
struct SMTPReplyParserTests {
    @Test("multi-line replies are assembled, with their extensions")
    func multiLine() throws {
        var parser = SMTPReplyParser()
        #expect(try parser.consume("250-smtp.example.org greets you") == nil)
        #expect(parser.isMidReply)
        #expect(try parser.consume("250-STARTTLS") == nil)
        #expect(try parser.consume("250-AUTH=LOGIN") == nil)
        #expect(try parser.consume("250-auth plain login") == nil)
        let reply = try #require(try parser.consume("250 8BITMIME"))
        #expect(reply.code == 250)
        #expect(reply.lines == ["smtp.example.org greets you", "STARTTLS", "AUTH=LOGIN", "auth plain login", "8BITMIME"])
        #expect(reply.offers("STARTTLS"))
        #expect(!reply.offers("SMTPUTF8"))
        #expect(reply.authMechanisms == ["PLAIN", "LOGIN"])
        #expect(!parser.isMidReply)
    }

    @Test("a bare code is a complete reply")
    func bareCode() throws {
        var parser = SMTPReplyParser()
        #expect(try parser.consume("354") == SMTPReply(code: 354, lines: [""]))
    }

    @Test("garbage and inconsistent codes are protocol violations", arguments: [
        ["HTTP/1.1 400 Bad Request"], ["25"], ["250x"], ["999 what"], ["250-one", "251 two"],
    ])
    func garbage(lines: [String]) {
        var parser = SMTPReplyParser()
        #expect(throws: SMTPError.self) {
            for line in lines { _ = try parser.consume(line) }
        }
    }
}
