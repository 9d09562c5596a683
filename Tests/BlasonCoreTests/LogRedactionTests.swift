import BlasonCore
import Testing

@Suite("Log redaction")
struct LogRedactionTests {
    @Test func addressesLeaveOnlyTheirDomain() {
        #expect(LogRedaction.emails(in: "550 5.1.1 <lea.martin@example.org>: Recipient address rejected")
            == "550 5.1.1 <…@example.org>: Recipient address rejected")
        #expect(LogRedaction.emails(in: "to max@example.org, noe+tag@sub.example.fr; done")
            == "to …@example.org, …@sub.example.fr; done")
        #expect(LogRedaction.emails(in: #"UNIQUE constraint failed: users.email ("Léa@Exemple.fr")"#)
            == #"UNIQUE constraint failed: users.email ("…@Exemple.fr")"#)
    }

    @Test func textWithoutAddressesIsUntouched() {
        for text in ["nothing here", "a lone @ sign", "@handle", "trailing@", "", "mail 3f2a failed (attempt 2): timeout"] {
            #expect(LogRedaction.emails(in: text) == text)
        }
    }
}
