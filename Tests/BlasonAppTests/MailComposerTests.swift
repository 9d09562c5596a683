@testable import BlasonApp
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

    @Test func htmlIsEscapedInOnePass() {
        #expect(MailComposer.escape(#"<a href="x">Tom & Jerry</a> é"#) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&lt;/a&gt; é")
        #expect(MailComposer.escape("&amp;") == "&amp;amp;")
        #expect(MailComposer.escape("") == "")
    }
}
