@testable import BlasonApp
import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import Testing
import VaporTesting

/// The rules around applications that a form on a page does not show by itself: posts refused
/// after closing or over the limit, errors in the applicant's own words, who may decide.
@Suite("Badge applications: limits, wording and who decides")
struct ApplicationRulesTests {
    /// The apply form's fields for the three questions of `ApplicationScenario.open`.
    static func answers(_ app: Application, badge: UUID, email: String) async throws -> [(String, String)] {
        let questions = try await ApplicationScenario.form(app, badge: badge).questions
        return [("name", "Dominique Late"), ("email", email),
                (AnswerValidation.field(questions[0]), "Deux ans"), (AnswerValidation.field(questions[1]), "debutant")]
    }

    static func signIn(_ app: Application, _ email: String, password: String = "correct horse battery") async throws -> WebClient {
        let client = WebClient(app)
        try await client.get("/sign-in")
        #expect(try await client.post("/sign-in", [("email", email), ("password", password)]).status == .seeOther)
        try await client.get("/dashboard")
        return client
    }

    @Test func postsAfterTheLimitOrTheClosingDateAreRefusedAndWriteNothing() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock.clock) { app in
            let admin = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(admin)
            let limited = try await Scenario.badgeClass(admin, name: "Deuxième badge")
            let path = "/apply/\(badge.uuidString.lowercased())"
            let limitedPath = "/apply/\(limited.uuidString.lowercased())"
            try await ApplicationScenario.open(admin, badge: badge, method: .single,
                                               fields: [("closes_at", CalendarDay.format(clock.now.addingTimeInterval(2 * 86_400)))])
            try await ApplicationScenario.open(admin, badge: limited, method: .single, fields: [("applicant_limit", "1")])

            // Two people open the forms while they are open, and send them too late.
            let late = WebClient(app), over = WebClient(app)
            #expect(try await late.get(path).status == .ok)
            #expect(try await over.get(limitedPath).status == .ok)
            _ = try await ApplicationScenario.submitted(app, badge: limited, email: "first@example.org")
            clock.advance(days: 3)
            let before = try await RowCounts.take(app)

            let closed = try await late.postMultipart(path, try await Self.answers(app, badge: badge, email: "late@example.org"))
            #expect(closed.status == .conflict)
            #expect(closed.body.string.contains("les demandes pour ce badge sont fermées"))
            let full = try await over.postMultipart(limitedPath, try await Self.answers(app, badge: limited, email: "over@example.org"))
            #expect(full.status == .conflict)
            #expect(full.body.string.contains("le nombre maximal de demandes"))
            #expect(try await RowCounts.take(app) == before)
        }
    }

    @Test func errorsNameTheQuestionAndTheBoxThePersonTypedIn() async throws {
        try await TestApp.run { app in
            let admin = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(admin)
            try await ApplicationScenario.open(admin, badge: badge, method: .single)
            let (_, missing) = try await ApplicationScenario.apply(app, badge: badge, experience: "")
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.body.string.contains("Votre expérience : ce champ est obligatoire."))
            let question = try await ApplicationScenario.form(app, badge: badge).questions[0]
            #expect(!missing.body.string.contains("\(AnswerValidation.field(question)) :"))

            let application = try await ApplicationScenario.submitted(app, badge: badge)
            let path = "/reviews/\(application.id!.uuidString.lowercased())"
            try await admin.get(path)
            let noReason = try await admin.post(path + "/reject", [("reason", "  ")])
            #expect(noReason.status == .unprocessableEntity)
            #expect(noReason.body.string.contains("Motif : ce champ est obligatoire."))
            #expect(noReason.body.string.contains("href=\"#field-reason\""))
            let noMessage = try await admin.post(path + "/comment", [("body", "")])
            #expect(noMessage.status == .unprocessableEntity)
            #expect(noMessage.body.string.contains("href=\"#field-body\""))
            #expect(try await ApplicationScenario.reload(app, application).status == .pending)
        }
    }

    @Test func theApprovalMessageIsShownToTheReviewerAndSentAsEdited() async throws {
        try await TestApp.run { app in
            let admin = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(admin)
            try await ApplicationScenario.open(admin, badge: badge, method: .single)
            let first = try await ApplicationScenario.submitted(app, badge: badge, email: "first@example.org")
            let second = try await ApplicationScenario.submitted(app, badge: badge, email: "second@example.org")
            let standard = "Bonne nouvelle : Structure Test a accepté votre demande du badge « Accueillir le public »."
            // The box holds the message that would go; sent untouched, it is the standard one.
            let page = try await admin.get("/reviews/\(first.id!.uuidString.lowercased())")
            let box = try #require(page.body.string.range(of: "name=\"message\""))
            #expect(page.body.string[box.upperBound...].prefix(400).replacingOccurrences(of: "&#39;", with: "'").contains(standard))
            #expect(try await admin.post("/reviews/\(first.id!.uuidString.lowercased())/approve", [("message", standard)]).status == .seeOther)
            let untouched = try #require(try await Mailbox.messages(app, to: "first@example.org").last { $0.event == "application-approved" })
            #expect(untouched.textBody.contains(standard))
            // Rewritten, it goes as rewritten, with the greeting and the link still there.
            try await admin.get("/reviews/\(second.id!.uuidString.lowercased())")
            let rewritten = "Félicitations Camille ! Votre atelier d'accueil a convaincu le jury de la structure."
            #expect(try await admin.post("/reviews/\(second.id!.uuidString.lowercased())/approve", [("message", rewritten)]).status == .seeOther)
            let edited = try #require(try await Mailbox.messages(app, to: "second@example.org").last { $0.event == "application-approved" })
            #expect(edited.textBody.contains(rewritten))
            #expect(!edited.textBody.contains("Bonne nouvelle"))
            #expect(edited.textBody.contains("/applications/"))
            #expect(edited.subject == "Demande acceptée : « Accueillir le public »")
        }
    }

    @Test func eachRevisionKeepsItsOwnAttachment() async throws {
        try await TestApp.run { app in
            let admin = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(admin)
            try await ApplicationScenario.open(admin, badge: badge, method: .single)
            let application = try await ApplicationScenario.submitted(app, badge: badge)
            let path = "/reviews/\(application.id!.uuidString.lowercased())"
            try await admin.get(path)
            #expect(try await admin.post(path + "/return", [("comment", "Joignez l'attestation signée.")]).status == .seeOther)
            let questions = try await ApplicationScenario.form(app, badge: badge).questions
            let returned = try #require(try await Mailbox.messages(app, to: "camille@example.org").last)
            let link = try #require(Mailbox.link(in: returned))
            let applicant = WebClient(app)
            try await applicant.get(link)
            let signed = Data("%PDF-1.4\n% attestation signée\ntrailer << >>\n%%EOF\n".utf8)
            #expect(try await applicant.postMultipart(link + "/resubmit", [
                (AnswerValidation.field(questions[0]), "Trois ans"), (AnswerValidation.field(questions[1]), "confirme"),
            ], files: [(AnswerValidation.field(questions[2]), "attestation.pdf", "application/pdf", signed)]).status == .seeOther)

            let file = "\(path)/files/\(questions[2].id.uuidString.lowercased())"
            #expect(Data(try await admin.get(file).body.readableBytesView) == signed)
            #expect(Data(try await admin.get(file + "?revision=1").body.readableBytesView) == ApplicationScenario.pdf)
            #expect(try await admin.get(path).body.string.contains("\(file)?revision=1"))
        }
    }

    @Test func anOutsideReviewerReviewsOnlyTheirBadgeClass() async throws {
        try await TestApp.run { app in
            let admin = try await Scenario.organisationAdmin(app)
            let theirs = try await Scenario.badgeClass(admin)
            let other = try await Scenario.badgeClass(admin, name: "Autre badge")
            try await ApplicationScenario.open(admin, badge: theirs, method: .single, fields: [("outside_reviewers", "expert@example.org")])
            try await ApplicationScenario.open(admin, badge: other, method: .single)
            let invitation = try await Mailbox.latestLink(app, to: "expert@example.org")
            let mine = try await ApplicationScenario.submitted(app, badge: theirs, email: "one@example.org")
            let notMine = try await ApplicationScenario.submitted(app, badge: other, email: "two@example.org")
            let expert = WebClient(app)
            try await expert.get(invitation)
            let queue = try await expert.get("/reviews").body.string
            #expect(queue.contains(mine.id!.uuidString.lowercased()))
            #expect(!queue.contains(notMine.id!.uuidString.lowercased()))
            #expect(try await expert.get("/reviews/\(mine.id!.uuidString.lowercased())").status == .ok)
            #expect(try await expert.get("/reviews/\(notMine.id!.uuidString.lowercased())").status == .forbidden)
            #expect(try await expert.post("/reviews/\(notMine.id!.uuidString.lowercased())/approve", []).status == .forbidden)
            #expect(try await ApplicationScenario.reload(app, notMine).status == .pending)
            // Nor the organisation's other pages: an outside reviewer is not a member.
            #expect(try await expert.get("/issuer").status != .ok)
        }
    }

    @Test func aJuryWithAFinalReviewerIsNotShortCutByTheOrganisation() async throws {
        try await TestApp.run { app in
            let admin = try await Scenario.organisationAdmin(app)
            let operations = AdminOperations(app: app)
            _ = try await operations.createUser(email: "juror@example.org", password: "correct horse battery", name: "Juror", organisation: nil, role: nil)
            _ = try await operations.createUser(email: "final@example.org", password: "correct horse battery", name: "Final", organisation: nil, role: nil)
            let badge = try await Scenario.badgeClass(admin)
            try await ApplicationScenario.open(admin, badge: badge, method: .jury,
                                               fields: [("jury", "juror@example.org"), ("jury_threshold", "1"), ("final_reviewer", "final@example.org")])
            // Reviewers who already have an account are told at once, with the way to their queue.
            for email in ["juror@example.org", "final@example.org"] {
                let invitation = try #require(try await Mailbox.messages(app, to: email).last)
                #expect(invitation.event == "reviewer-invitation")
                #expect(invitation.textBody.contains("/reviews"))
                #expect(!invitation.textBody.contains("/reviewers/join/"))
            }
            let application = try await ApplicationScenario.submitted(app, badge: badge)
            let path = "/reviews/\(application.id!.uuidString.lowercased())"
            // The organisation's admin follows the application but may not decide in the jury's place.
            let page = try await admin.get(path)
            #expect(page.status == .ok)
            #expect(!page.body.string.contains("\(path)/approve"))
            #expect(try await admin.post(path + "/approve", []).status == .forbidden)
            #expect(try await ApplicationScenario.reload(app, application).status == .pending)
            // The final reviewer may.
            let final = try await Self.signIn(app, "final@example.org")
            try await final.get(path)
            #expect(try await final.post(path + "/approve", []).status == .seeOther)
            #expect(try await ApplicationScenario.reload(app, application).status == .approved)
        }
    }

    @Test func aReviewerOfAnotherOrganisationIsRefused() async throws {
        try await TestApp.run { app in
            let admin = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(admin)
            try await ApplicationScenario.open(admin, badge: badge, method: .single)
            let application = try await ApplicationScenario.submitted(app, badge: badge)
            _ = try await Scenario.organisationAdmin(app, email: "boss@other.example.org", organisation: "Autre", slug: "autre")
            _ = try await AdminOperations(app: app).createUser(email: "reviewer@other.example.org", password: "correct horse battery",
                                                               name: "Reviewer", organisation: "autre", role: "reviewer")
            let reviewer = try await Self.signIn(app, "reviewer@other.example.org")
            let path = "/reviews/\(application.id!.uuidString.lowercased())"
            let before = try await RowCounts.take(app)
            #expect(try await reviewer.get(path).status == .forbidden)
            for (action, fields) in [("approve", []), ("return", [("comment", "À compléter")]), ("reject", [("reason", "Non")])] as [(String, [(String, String)])] {
                let refused = try await reviewer.post(path + "/" + action, fields)
                #expect(refused.status == .forbidden, "\(action)")
            }
            #expect(try await ApplicationScenario.reload(app, application).status == .pending)
            #expect(try await RowCounts.take(app) == before)

            // Deciding twice: the second answer says so, and writes nothing more.
            try await admin.get(path)
            #expect(try await admin.post(path + "/approve", []).status == .seeOther)
            let afterFirst = try await RowCounts.take(app)
            let again = try await admin.post(path + "/reject", [("reason", "Trop tard")])
            #expect(again.status == .conflict)
            #expect(again.body.string.contains("déjà fait l'objet d'une décision") || again.body.string.contains("déjà fait l&apos;objet d&apos;une décision"))
            #expect(try await RowCounts.take(app) == afterFirst)
        }
    }
}
