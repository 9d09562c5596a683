@testable import BlasonApp
import BlasonPersistence
import Fluent
import Testing
import VaporTesting

@Suite("Accounts, sessions and anti-forgery tokens")
struct AccountTests {
    @Test func signUpSignOutSignIn() async throws {
        try await TestApp.run { app in
            let client = try await Scenario.organisationAdmin(app)
            let dashboard = try await client.get("/dashboard")
            #expect(dashboard.status == .ok)
            #expect(dashboard.body.string.contains("Structure Test"))
            let signOut = try await client.post("/sign-out", [])
            #expect(signOut.status == .seeOther)
            #expect(try await client.get("/dashboard").status == .unauthorized)
            try await client.get("/sign-in")
            let wrong = try await client.post("/sign-in", [("email", "admin@structure.test"), ("password", "not the password")])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.body.string.contains("adresse e-mail ou mot de passe incorrect"))
            let right = try await client.post("/sign-in", [("email", "ADMIN@structure.test"), ("password", "correct horse battery")])
            #expect(right.status == .seeOther)
            #expect(try await client.get("/dashboard").status == .ok)
        }
    }

    /// Signing up with somebody else's address gives no access to their badges: the address
    /// counts as the account's only once the link sent to it is followed.
    @Test func theSignUpAddressIsVerifiedByAnEmailedLink() async throws {
        try await TestApp.run { app in
            let issuer = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(issuer)
            try await EarnerTests.award(issuer, badge, "nina@example.org")
            let client = WebClient(app)
            try await client.get("/sign-up")
            #expect(try await client.post("/sign-up", [("name", "Nina"), ("email", "nina@example.org"), ("password", "correct horse battery")])
                .status == .seeOther)
            #expect(!(try await client.get("/passport").body.string.contains("Accueillir le public")))
            let mail = try #require(try await Mailbox.messages(app, to: "nina@example.org").last)
            #expect(mail.event == "email-verification")
            let link = try #require(Mailbox.link(in: mail))
            #expect(try await client.get(link).status == .seeOther)
            #expect(try await client.get("/passport").body.string.contains("Accueillir le public"))
            // The link works once.
            #expect(try await WebClient(app).get(link).status == .conflict)
        }
    }

    @Test func signingInStartsANewSession() async throws {
        try await TestApp.run { app in
            _ = try await Scenario.organisationAdmin(app)
            let client = WebClient(app)
            try await client.get("/sign-in")
            let planted = try #require(client.sessionCookie)
            #expect(try await client.post("/sign-in", [("email", "admin@structure.test"), ("password", "correct horse battery")]).status == .seeOther)
            #expect(client.sessionCookie != planted)
            #expect(try await client.get("/dashboard").status == .ok)
            let attacker = WebClient(app)
            attacker.sessionCookie = planted
            #expect(try await attacker.get("/dashboard").status == .unauthorized)
        }
    }

    @Test func formWithoutTokenIsRefusedAndWritesNothing() async throws {
        try await TestApp.run { app in
            let client = WebClient(app)
            try await client.get("/sign-up")
            let response = try await client.post("/sign-up", [("name", "Bob"), ("email", "bob@example.org"), ("password", "long enough password")], withToken: false)
            #expect(response.status == .forbidden)
            #expect(response.body.string.contains("Le formulaire a expiré"))
            #expect(try await User.query(on: app.db).count() == 0)
            // A token from another session is no better.
            let other = WebClient(app)
            try await other.get("/sign-up")
            let stolen = try await client.post("/sign-up", [("name", "Bob"), ("email", "bob@example.org"), ("password", "long enough password"), ("_csrf", other.csrf ?? "")], withToken: false)
            #expect(stolen.status == .forbidden)
        }
    }

    @Test func signUpErrorsAreShownInTheVisitorsLanguage() async throws {
        try await TestApp.run { app in
            let client = WebClient(app)
            client.language = "en-GB,en;q=0.9"
            try await client.get("/sign-up")
            let response = try await client.post("/sign-up", [("name", ""), ("email", "not-an-email"), ("password", "short")])
            #expect(response.status == .unprocessableEntity)
            let html = response.body.string
            #expect(html.contains("lang=\"en\""))
            #expect(html.contains("is not a valid e-mail address"))
            #expect(html.contains("too short (at least 10 characters)"))
            #expect(try await User.query(on: app.db).count() == 0)
        }
    }

    @Test func duplicateAccountIsRefused() async throws {
        try await TestApp.run { app in
            _ = try await Scenario.organisationAdmin(app)
            let client = WebClient(app)
            try await client.get("/sign-up")
            let response = try await client.post("/sign-up", [("name", "Again"), ("email", "admin@structure.test"), ("password", "another long password")])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("un compte existe déjà"))
            #expect(try await User.query(on: app.db).count() == 1)
        }
    }

    @Test func languageSwitchIsRemembered() async throws {
        try await TestApp.run { app in
            let client = WebClient(app)
            let english = try await client.get("/?lang=en")
            #expect(english.body.string.contains("Recognising skills, simply"))
            let again = try await client.get("/help")
            #expect(again.body.string.contains("<html lang=\"en\">"))
            let french = try await client.get("/help?lang=fr")
            #expect(french.body.string.contains("Aide"))
        }
    }
}
