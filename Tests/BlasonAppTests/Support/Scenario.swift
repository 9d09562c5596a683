@testable import BlasonApp
import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Common steps of HTTP tests, done the way a person does them: through the forms.
enum Scenario {
    /// Signs up a new user and creates their organisation; returns the signed-in client.
    static func organisationAdmin(_ app: Application, email: String = "admin@structure.test", organisation: String = "Structure Test",
                                  slug: String = "structure-test") async throws -> WebClient {
        let client = WebClient(app)
        try await client.get("/sign-up")
        let signUp = try await client.post("/sign-up", [("name", "Alice Admin"), ("email", email), ("password", "correct horse battery")])
        #expect(signUp.status == .seeOther)
        // The new account confirms its address by the e-mailed link; that e-mail is then out of the
        // way of the tests that count the mails their own steps send.
        let verification = try #require(try await Mailbox.messages(app, to: email).last { $0.event == "email-verification" })
        let link = try #require(Mailbox.link(in: verification))
        #expect(try await client.get(link).status == .seeOther)
        try await verification.delete(on: app.db)
        try await client.get("/organisations/new")
        let created = try await client.postMultipart("/organisations/new", [
            ("name", organisation), ("slug", slug), ("contact_email", email), ("description_fr", "Une structure de test."),
        ])
        #expect(created.status == .seeOther, "\(created.body.string.prefix(2000))")
        try await client.get("/dashboard")
        return client
    }

    /// Creates a badge class through the creator form and returns its id.
    static func badgeClass(_ client: WebClient, name: String = "Accueillir le public", image: Data = Fixtures.squarePNG,
                           imageType: String = "image/png") async throws -> UUID {
        try await client.get("/creator/badge-classes/new")
        let response = try await client.postMultipart("/creator/badge-classes/new", [
            ("name_fr", name), ("name_en", "Welcoming the public"), ("description_fr", "Accueillir et orienter."),
            ("criteria_fr", "- Accueillir\n- Orienter"), ("tags", "accueil, public"),
        ], files: [("image", "badge.png", imageType, image)])
        #expect(response.status == .seeOther, "\(response.body.string.prefix(3000))")
        let location = try #require(WebClient.location(response))
        return try #require(UUID(uuidString: String(location.split(separator: "/").last ?? "")))
    }

    static func awardCount(_ app: Application) async throws -> Int {
        try await Award.query(on: app.db).count()
    }
}
