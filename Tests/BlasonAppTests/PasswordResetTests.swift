@testable import BlasonApp
import BlasonPersistence
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("Password reset by e-mail link, and signing out everywhere")
struct PasswordResetTests {
    @Test func aResetLinkSetsANewPasswordOnceAndClosesEverySession() async throws {
        try await TestApp.run { app in
            let signedIn = try await Scenario.organisationAdmin(app, email: "lea@structure.test")
            let visitor = WebClient(app)
            // The same answer for an unknown address: nothing tells who has an account.
            try await visitor.get("/password/forgot")
            let unknown = try await visitor.post("/password/forgot", [("email", "nobody@structure.test")])
            #expect(unknown.status == .seeOther)
            #expect(try await Mailbox.messages(app, to: "nobody@structure.test").isEmpty)
            try await visitor.get("/password/forgot")
            let asked = try await visitor.post("/password/forgot", [("email", "Lea@Structure.test")])
            #expect(asked.status == .seeOther)
            #expect(try await visitor.get("/sign-in").body.string.contains("un lien pour choisir un nouveau mot de passe vient d'y être envoyé"))
            let link = try await Mailbox.latestLink(app, to: "lea@structure.test")
            #expect(link.hasPrefix("/password/reset/"))
            let mail = try #require(try await Mailbox.messages(app, to: "lea@structure.test").last)
            #expect(mail.subject == "Choisir un nouveau mot de passe Blason")

            let form = try await visitor.get(link)
            #expect(form.status == .ok)
            #expect(form.headers.first(name: "Referrer-Policy") == "no-referrer")
            let short = try await visitor.post(link, [("password", "court")])
            #expect(short.status == .unprocessableEntity, "a too short password re-shows the form")
            #expect(short.body.string.contains("Nouveau mot de passe"))
            let changed = try await visitor.post(link, [("password", "a new horse battery staple")])
            #expect(changed.status == .seeOther)

            // The session opened before is closed; the old password no longer works, the new one does.
            let dashboard = try await signedIn.get("/dashboard")
            #expect(dashboard.status == .unauthorized, "signed out everywhere")
            let again = WebClient(app)
            try await again.get("/sign-in")
            #expect(try await again.post("/sign-in", [("email", "lea@structure.test"), ("password", "correct horse battery")]).status == .unauthorized)
            try await again.get("/sign-in")
            #expect(try await again.post("/sign-in", [("email", "lea@structure.test"), ("password", "a new horse battery staple")]).status == .seeOther)
            // The link works once.
            #expect(try await visitor.get(link).status == .conflict)
            #expect(try await WebClient(app).get("/password/reset/not-a-real-token").status == .notFound)
        }
    }

    @Test func theFormCannotFloodAMailbox() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock.clock) { app in
            _ = try await Scenario.organisationAdmin(app, email: "lea@structure.test")
            let visitor = WebClient(app)
            for _ in 1...5 {
                try await visitor.get("/password/forgot")
                #expect(try await visitor.post("/password/forgot", [("email", "lea@structure.test")]).status == .seeOther,
                        "the same answer every time")
            }
            #expect(try await Mailbox.messages(app, to: "lea@structure.test").count == PasswordResetService.mailsPerHour)
            clock.advance(seconds: PasswordResetService.lifetime + 1)
            try await visitor.get("/password/forgot")
            _ = try await visitor.post("/password/forgot", [("email", "lea@structure.test")])
            #expect(try await Mailbox.messages(app, to: "lea@structure.test").count == PasswordResetService.mailsPerHour + 1,
                    "an hour later, one more")
        }
    }

    @Test func signingOutEverywhereClosesTheOtherSessions() async throws {
        try await TestApp.run { app in
            let phone = try await Scenario.organisationAdmin(app, email: "lea@structure.test")
            let laptop = WebClient(app)
            try await laptop.get("/sign-in")
            #expect(try await laptop.post("/sign-in", [("email", "lea@structure.test"), ("password", "correct horse battery")]).status == .seeOther)
            #expect(try await laptop.get("/dashboard").status == .ok)
            try await phone.get("/passport/settings")
            let out = try await phone.post("/sign-out/everywhere", [])
            #expect(out.status == .seeOther)
            let laptopAfter = try await laptop.get("/dashboard")
            #expect(laptopAfter.status == .unauthorized, "the laptop's session is closed too: \(laptopAfter.status)")
            let phoneAfter = try await phone.get("/dashboard")
            #expect(phoneAfter.status == .unauthorized, "\(phoneAfter.status)")
        }
    }
}
