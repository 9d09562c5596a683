@testable import BlasonApp
import BlasonCore
import Foundation
import Testing

@Suite("Mail composer: placeholders and escaping")
struct MailComposerTests {
    @Test func placeholdersAreFilledOnceAndUnknownOnesShow() {
        let values = ["badge": "Organiser {niveau}", "recipient": "Léa", "niveau": "II"]
        #expect(MailComposer.fill("Bonjour {recipient}, voici « {badge} ».", values) == "Bonjour Léa, voici « Organiser {niveau} ».")
        #expect(MailComposer.fill("{inconnu} et {recipient}{recipient} {", values) == "{inconnu} et LéaLéa {")
        #expect(MailComposer.fill("{}{recipient", values) == "{}{recipient")
        #expect(MailComposer.fill("", values) == "")
    }

    /// What common mail clients need: styles inline (many drop <style> and <link>), nothing fetched
    /// from afar (remote images are blocked by default), the link as text too, a plain-text part
    /// saying the same, the recipient's language; the digest's way out on both parts.
    @Test func everyEmailRendersWithoutRemoteResourcesInBothParts() {
        for event in MailComposer.Event.allCases {
            for language in Language.allCases {
                let unsubscribe = event == .endorsementDigest ? "http://blason.test/unsubscribe/u/endorsement-digest/mac" : nil
                let mail = MailComposer().compose(event, language: language, values: ["recipient": "Léa", "badge": "Organiser"],
                                                  link: "http://blason.test/claim/1/abc", linkExpires: Date(timeIntervalSince1970: 2_000_000_000),
                                                  unsubscribe: unsubscribe)
                let label = "\(event.rawValue) \(language.rawValue)"
                #expect(!mail.html.contains("<img") && !mail.html.contains("<style") && !mail.html.contains("<link") && !mail.html.contains("<script"), "\(label)")
                #expect(mail.html.contains("<body style=") && mail.html.contains("lang=\"\(language.rawValue)\""), "\(label)")
                #expect(mail.html.contains("http://blason.test/claim/1/abc</p>"), "the link is readable as text too: \(label)")
                #expect(mail.text.contains("http://blason.test/claim/1/abc") && !mail.text.contains("<"), "\(label)")
                if let unsubscribe {
                    #expect(mail.text.contains(unsubscribe) && mail.html.contains("href=\"\(unsubscribe)\""), "\(label)")
                }
            }
        }
    }

    @Test func htmlIsEscapedInOnePass() {
        #expect(MailComposer.escape(#"<a href="x">Tom & Jerry</a> é"#) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&lt;/a&gt; é")
        #expect(MailComposer.escape("&amp;") == "&amp;amp;")
        #expect(MailComposer.escape("") == "")
    }
}
