import BlasonCore
import Foundation
import Testing

@Suite("Recipient box and CSV")
struct RecipientParsingTests {
    @Test func linesWithAndWithoutNames() throws {
        let recipients = try RecipientList.parse("alice@example.org\n\n  Bob Durand <BOB@Example.org>  \n\"Martin, Léa\" <lea@example.org>\n")
        #expect(recipients.map(\.email.value) == ["alice@example.org", "bob@example.org", "lea@example.org"])
        #expect(recipients.map(\.name) == [nil, "Bob Durand", "Martin, Léa"])
    }

    @Test func everyBadLineIsReportedWithItsNumber() {
        #expect(throws: BlasonError.invalid([
            FieldIssue(field: "recipients", problem: .invalidEmail("not-an-email"), line: 2),
            FieldIssue(field: "recipients", problem: .duplicateRecipient("a@example.org", firstLine: 1), line: 4),
            FieldIssue(field: "recipients", problem: .invalidEmail("x@"), line: 5),
        ])) {
            try RecipientList.parse("a@example.org\nnot-an-email\nb@example.org\nA@example.org\nName <x@>")
        }
    }

    @Test func limitsAndEmptiness() {
        #expect(throws: BlasonError.invalid("recipients", .emptyRecipientList)) { try RecipientList.parse(" \n\n") }
        let tooMany = (0...RecipientLimits.maximumCount).map { "p\($0)@example.org" }.joined(separator: "\n")
        #expect(throws: BlasonError.invalid("recipients", .tooManyRecipients(max: RecipientLimits.maximumCount, got: RecipientLimits.maximumCount + 1))) { try RecipientList.parse(tooMany) }
    }

    @Test func csvWithQuotesSemicolonsAndBOM() throws {
        let comma = try RecipientCSV.parse("\u{FEFF}email,name,evidence_url,narrative\na@example.org,\"Durand, Anne\",https://example.org/a,\"Bien\"\nb@example.org,,,\n")
        #expect(comma.count == 2)
        #expect(comma[0].name == "Durand, Anne")
        #expect(comma[0].evidenceURL == "https://example.org/a")
        #expect(comma[1].name == nil)
        let semicolon = try RecipientCSV.parse("name;email;narrative;evidence_url\nAnne;a@example.org;Très bien;\n")
        #expect(semicolon.first?.narrative == "Très bien")
    }

    @Test func csvProblems() {
        #expect(throws: BlasonError.invalid("csv", .csvMissingColumns(["evidence_url", "narrative"]), line: 1)) {
            try RecipientCSV.parse("email,name\na@example.org,A\n")
        }
        #expect(throws: BlasonError.invalid([FieldIssue(field: "evidence_url", problem: .invalidURL("ftp://x"), line: 2)])) {
            try RecipientCSV.parse("email,name,evidence_url,narrative\na@example.org,,ftp://x,\n")
        }
        #expect(throws: BlasonError.invalid([FieldIssue(field: "email", problem: .required, line: 3)])) {
            try RecipientCSV.parse("email,name,evidence_url,narrative\na@example.org,,,\n,Nobody,,\n")
        }
    }
}
