import BlasonCore
import Foundation
import Testing

@Suite("Domain rules")
struct DomainRulesTests {
    @Test(arguments: ["a@b.fr", "Prénom.Nom+tag@Sub.Example.ORG".replacingOccurrences(of: "é", with: "e"), "x_y@d-1.io"])
    func validEmails(_ raw: String) {
        #expect(EmailAddress(raw)?.value == raw.lowercased())
    }

    @Test(arguments: ["", "a", "a@", "@b.fr", "a@b", "a b@c.fr", "a@b..fr", "a@-b.fr", ".a@b.fr", "a@b.fr>", "é@b.fr"])
    func invalidEmails(_ raw: String) {
        #expect(EmailAddress(raw) == nil)
    }

    @Test func slugs() {
        #expect(Slug.derived(from: "Région Normandie")?.value == "region-normandie")
        #expect(Slug.derived(from: "  L'Atelier — Numérique !")?.value == "l-atelier-numerique")
        #expect(Slug("ok-slug") != nil)
        #expect(Slug("Bad Slug") == nil)
        #expect(Slug("-x") == nil)
        #expect(Slug("a") == nil)
    }

    @Test func languageNegotiation() {
        #expect(Language.negotiate(acceptLanguage: nil) == .fr)
        #expect(Language.negotiate(acceptLanguage: "en-GB,en;q=0.9,fr;q=0.8") == .en)
        #expect(Language.negotiate(acceptLanguage: "de-DE,fr;q=0.5,en;q=0.4") == .fr)
        #expect(Language.negotiate(acceptLanguage: "de, es") == .fr)
        #expect(Language.negotiate(acceptLanguage: "en;q=0") == .fr)
        #expect(LocalizedText(fr: "Bonjour", en: "").text(in: .en) == "Bonjour")
    }

    @Test func expiryPeriods() throws {
        let issued = try #require(CalendarDay.parse("2024-01-31"))
        let oneMonth = try #require(ExpiryPeriod(amount: 1, unit: .months))
        #expect(oneMonth.storageValue == "1months")
        #expect(ExpiryPeriod(storageValue: "1months") == oneMonth)
        #expect(oneMonth.expiry(after: issued) > issued)
        #expect(ExpiryPeriod(amount: 0, unit: .days) == nil)
        #expect(ExpiryPeriod(amount: 5000, unit: .years) == nil)
    }

    @Test func calendarDays() {
        #expect(CalendarDay.parse("2024-02-30") == nil)
        #expect(CalendarDay.parse("24-02-01") == nil)
        #expect(CalendarDay.parse("2024-02-29").map(CalendarDay.format) == "2024-02-29")
    }

    @Test func badgeClassDraftCollectsEveryProblem() {
        let draft = BadgeClassDraft(name: LocalizedText(fr: "  "), description: LocalizedText(fr: ""), criteria: LocalizedText(fr: ""),
                                    criteriaURL: "not a url", alignments: [Alignment(targetName: "ROME", targetURL: "")])
        #expect(throws: BlasonError.invalid([
            FieldIssue(field: "name_fr", problem: .required),
            FieldIssue(field: "description_fr", problem: .required),
            FieldIssue(field: "criteria_url", problem: .invalidURL("not a url")),
            FieldIssue(field: "criteria_fr", problem: .required),
            FieldIssue(field: "alignment_1", problem: .alignmentIncomplete),
        ])) { try draft.validated() }
        #expect(BadgeClassDraft.tags(from: "a, b,,A , c") == ["a", "b", "c"])
    }

    @Test func awardDraftDates() throws {
        let now = try #require(CalendarDay.parse("2026-06-15T10:00:00Z"))
        let recipient = Recipient(email: EmailAddress("a@example.org")!)
        let past = try #require(CalendarDay.parse("2026-01-01"))
        #expect(try AwardDraft(recipients: [recipient], issuedOn: past).validated(now: now).issuedOn == past)
        let tomorrow = now.addingTimeInterval(86_400 * 2)
        #expect(throws: BlasonError.invalid([FieldIssue(field: "issued_on", problem: .dateInFuture)])) {
            try AwardDraft(recipients: [recipient], issuedOn: tomorrow).validated(now: now)
        }
        #expect(throws: BlasonError.invalid([FieldIssue(field: "expires", problem: .expiryBeforeIssue)])) {
            try AwardDraft(recipients: [recipient], issuedOn: now, expires: past).validated(now: now)
        }
    }

    @Test func roles() {
        #expect(Role.admin.grants(.issuer))
        #expect(Role.issuer.grants(.issuer))
        #expect(!Role.issuer.grants(.creator))
        #expect(!Role.reviewer.grants(.admin))
    }
}
