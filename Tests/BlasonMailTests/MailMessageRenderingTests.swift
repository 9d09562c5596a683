import Foundation
import Testing

@testable import BlasonMail

@Suite("Rendering MIME messages")
struct MailMessageRenderingTests {
    @Test("an ASCII-only plain message renders exactly as expected")
    func asciiPlain() throws {
        let message = sampleMessage()
        let rendered = message.rendered()
        let expected = [
            "Date: Tue, 05 Mar 2024 14:07:09 +0000",
            "From: Blason <noreply@badges.example.org>",
            "To: Ada Lovelace <ada@example.org>",
            "Subject: Your badge is ready",
            "Message-ID: <5f0c1e2d@badges.example.org>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            "Hello Ada,",
            "your badge is ready.",
            "",
        ].joined(separator: "\r\n")
        #expect(String(decoding: rendered, as: UTF8.self) == expected)
        expectWireFormat(rendered)

        let parsed = try PythonEmail.parse(rendered)
        #expect(parsed.defects == [])
        #expect(parsed.subject == "Your badge is ready")
        #expect(parsed.fromName == "Blason")
        #expect(parsed.fromAddress == "noreply@badges.example.org")
        #expect(parsed.to == [["Ada Lovelace", "ada@example.org"]])
        #expect(parsed.messageID == "<5f0c1e2d@badges.example.org>")
        #expect(parsed.date == fixedDate.timeIntervalSince1970)
        #expect(parsed.contentType == "text/plain")
        #expect(parsed.text == message.textBody)
        #expect(parsed.html == nil)
    }

    @Test("non-ASCII subject and display names become encoded-words and decode back exactly")
    func nonASCIIHeaders() throws {
        var message = sampleMessage(
            subject: "Félicitations, Zoé ! Votre badge « Éco-délégué » 🎓 est prêt",
            to: [MailAddress("zoe@example.org", name: "Zoé Łukasiewicz 🎓"), MailAddress("li@example.org", name: "李小龍")]
        )
        message.from = MailAddress("noreply@badges.example.org", name: "Académie de Lyon — Blason")
        message.replyTo = MailAddress("contact@example.org", name: "Équipe pédagogique")
        let rendered = message.rendered()
        expectWireFormat(rendered)
        let raw = String(decoding: rendered, as: UTF8.self)
        #expect(raw.contains("=?UTF-8?Q?"))
        #expect(raw.contains("=?UTF-8?B?"), "the all-Chinese name should pick the shorter B encoding")

        let parsed = try PythonEmail.parse(rendered)
        #expect(parsed.defects == [])
        #expect(parsed.subject == message.subject)
        #expect(parsed.fromName == "Académie de Lyon — Blason")
        #expect(parsed.to == [["Zoé Łukasiewicz 🎓", "zoe@example.org"], ["李小龍", "li@example.org"]])
        #expect(parsed.replyTo == [["Équipe pédagogique", "contact@example.org"]])
    }

    @Test("an HTML body makes a multipart/alternative message, text first")
    func multipartAlternative() throws {
        let html = "<!doctype html>\n<p>Bonjour <strong>Zoé</strong>,</p>\n<p>Votre badge est prêt&nbsp;: <a href=\"https://badges.example.org/a/1\">voir</a></p>\n"
        let message = sampleMessage(text: "Bonjour Zoé,\nvotre badge est prêt.\n", html: html)
        let rendered = message.rendered()
        expectWireFormat(rendered)
        let raw = String(decoding: rendered, as: UTF8.self)
        let boundary = MailMessage.boundary(for: message.messageID)
        #expect(raw.contains("Content-Type: multipart/alternative; boundary=\"\(boundary)\"\r\n"))
        #expect(raw.hasSuffix("\r\n--\(boundary)--\r\n"))
        #expect(raw.components(separatedBy: "--\(boundary)\r\n").count == 3)

        let parsed = try PythonEmail.parse(rendered)
        #expect(parsed.defects == [])
        #expect(parsed.contentType == "multipart/alternative")
        #expect(parsed.partTypes == ["text/plain", "text/html"])
        #expect(parsed.text == message.textBody)
        #expect(parsed.html == html)
    }

    @Test("long body lines, long subjects and many recipients are wrapped and survive a round trip")
    func longLines() throws {
        let paragraph = String(repeating: "Lorem ipsum dolor sit amet, consectetur adipiscing élit = 50 % ", count: 12)
        let text = paragraph + "\n" + String(repeating: "x", count: 300) + "\n" + "trailing spaces   \n\tand a tab\t\n"
        let subject = String(repeating: "A rather long subject that needs folding ", count: 5)
            + "https://badges.example.org/" + String(repeating: "averyveryverylongpathsegment", count: 4)
        let recipients = (1...12).map { MailAddress("learner\($0)@example.org", name: "Learner Number \($0)") }
        let message = sampleMessage(subject: subject, text: text, html: "<p>\(paragraph)</p>", to: recipients)
        let rendered = message.rendered()
        expectWireFormat(rendered)

        let parsed = try PythonEmail.parse(rendered)
        #expect(parsed.defects == [])
        #expect(parsed.subject == subject.trimmingCharacters(in: .whitespaces))
        #expect(parsed.to.count == 12)
        #expect(parsed.to.last == ["Learner Number 12", "learner12@example.org"])
        #expect(parsed.text == text)
        #expect(parsed.html == "<p>\(paragraph)</p>")
    }

    @Test("bodies in non-Latin scripts go as base64 and round-trip")
    func base64Body() throws {
        let text = "Ваш значок готов.\nあなたのバッジの準備ができました。\nΤο σήμα σας είναι έτοιμο."
        let message = sampleMessage(text: text)
        let rendered = message.rendered()
        expectWireFormat(rendered)
        #expect(String(decoding: rendered, as: UTF8.self).contains("Content-Transfer-Encoding: base64\r\n"))
        let parsed = try PythonEmail.parse(rendered)
        #expect(parsed.defects == [])
        #expect(parsed.text == text)
    }

    @Test(
        "quoted-printable edge cases round-trip exactly",
        arguments: [
            "",
            "no final newline",
            "=3D is not decoded twice = ok\n",
            ".\n..\n.leading dot\n",
            "From here on\nFrom: not a header\n",
            "CRLF\r\nand CR\rlines\n",
            "\n\n\nblank lines\n\n",
            "ends with spaces   ",
            String(repeating: "é", count: 100),
            String(repeating: "a", count: 75) + "é" + String(repeating: "b", count: 80) + "\n",
        ]
    )
    func quotedPrintableRoundTrip(text: String) throws {
        let rendered = sampleMessage(text: text).rendered()
        expectWireFormat(rendered)
        let parsed = try PythonEmail.parse(rendered)
        #expect(parsed.defects == [])
        let expected = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        #expect(parsed.text == expected)
    }

    @Test("line breaks and controls in header values cannot inject headers")
    func headerInjection() throws {
        var message = sampleMessage(subject: "Hello\r\nBcc: victim@example.org")
        message.from = MailAddress("noreply@badges.example.org", name: "Evil\nX-Injected: yes")
        message.to = [MailAddress("ada@example.org>\r\nBcc: <more@example.org")]
        message.headers = [("X-Note\r\nBcc", "a\nb")]
        let rendered = message.rendered()
        expectWireFormat(rendered)
        let names = headerFields(rendered).map { $0.name.lowercased() }
        #expect(!names.contains("bcc"))
        #expect(!names.contains("x-injected"))
        let parsed = try PythonEmail.parse(rendered)
        #expect(parsed.subject == "Hello  Bcc: victim@example.org")
        #expect(parsed.fromName == "Evil X-Injected: yes")
    }

    @Test("extra headers are rendered after MIME-Version; ones the renderer owns are ignored")
    func extraHeaders() throws {
        var message = sampleMessage()
        message.headers = [
            ("Content-Language", "fr"),
            ("Auto-Submitted", "auto-generated"),
            ("X-Blason-Campaign", "Rentrée 2024"),
            ("Subject", "duplicate"),
            ("content-type", "text/html"),
        ]
        let rendered = message.rendered()
        expectWireFormat(rendered)
        let names = headerFields(rendered).map(\.name)
        #expect(names == [
            "Date", "From", "To", "Subject", "Message-ID", "MIME-Version",
            "Content-Language", "Auto-Submitted", "X-Blason-Campaign", "Content-Type", "Content-Transfer-Encoding",
        ])
        let parsed = try PythonEmail.parse(rendered)
        #expect(parsed.header("Content-Language") == "fr")
        #expect(parsed.header("Auto-Submitted") == "auto-generated")
        #expect(parsed.header("X-Blason-Campaign") == "Rentrée 2024")
        #expect(parsed.subject == message.subject)
    }

    @Test(
        "subjects keep their exact spacing through folding and encoding",
        arguments: [
            "Two  spaces and   three",
            String(repeating: "word  ", count: 30) + "end",
            "Looks like =?UTF-8?Q?an_encoded_word?= but is not",
            "Mixed ASCII and é " + String(repeating: "long text ", count: 20),
            "🎓🏅🎖️ " + String(repeating: "🎉", count: 40),
        ]
    )
    func subjectSpacing(subject: String) throws {
        let rendered = sampleMessage(subject: subject).rendered()
        expectWireFormat(rendered)
        let parsed = try PythonEmail.parse(rendered)
        #expect(parsed.defects == [])
        #expect(parsed.subject == subject.trimmingCharacters(in: .whitespaces), "values are trimmed, like parsers do")
    }

    @Test("a long extra header name still folds within 78 characters")
    func longHeaderName() throws {
        var message = sampleMessage()
        let name = "X-Blason-" + String(repeating: "Very-Long-Header-Name-", count: 2) + "Here"
        message.headers = [(name, "Valeur accentuée, assez longue pour être repliée sur plusieurs lignes"), (name + "-Ascii", "plain value")]
        let rendered = message.rendered()
        expectWireFormat(rendered)
        let parsed = try PythonEmail.parse(rendered)
        #expect(parsed.defects == [])
        #expect(parsed.header(name) == "Valeur accentuée, assez longue pour être repliée sur plusieurs lignes")
        #expect(parsed.header(name + "-Ascii") == "plain value")
    }

    @Test("display names with specials are quoted")
    func quotedDisplayName() throws {
        var message = sampleMessage(to: [MailAddress("jane@example.org", name: "Doe, Jane \"JD\" (Ph.D.)")])
        message.from = MailAddress("noreply@badges.example.org", name: "=?not-an-encoded-word?=")
        let rendered = message.rendered()
        expectWireFormat(rendered)
        #expect(String(decoding: rendered, as: UTF8.self).contains("To: \"Doe, Jane \\\"JD\\\" (Ph.D.)\" <jane@example.org>\r\n"))
        let parsed = try PythonEmail.parse(rendered)
        #expect(parsed.defects == [])
        #expect(parsed.to == [["Doe, Jane \"JD\" (Ph.D.)", "jane@example.org"]])
        #expect(parsed.fromName == "=?not-an-encoded-word?=")
    }

    @Test("rendering is deterministic, so a retry sends the same bytes")
    func deterministic() {
        let message = sampleMessage(html: "<p>hi</p>")
        #expect(message.rendered() == message.rendered())
        #expect(MailMessage.boundary(for: "a@b") != MailMessage.boundary(for: "c@d"))
    }

    @Test("dates are RFC 5322 in UTC whatever the machine's time zone")
    func dates() {
        #expect(MailMessage.rfc5322Date(fixedDate) == "Tue, 05 Mar 2024 14:07:09 +0000")
        #expect(MailMessage.rfc5322Date(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 +0000")
        #expect(MailMessage.rfc5322Date(Date(timeIntervalSince1970: 951_782_400)) == "Tue, 29 Feb 2000 00:00:00 +0000")
    }

    @Test("a message without recipients still renders a valid To field")
    func noRecipients() throws {
        let rendered = sampleMessage(to: []).rendered()
        expectWireFormat(rendered)
        #expect(headerFields(rendered).contains { $0.name == "To" && $0.value == "undisclosed-recipients:;" })
    }
}
