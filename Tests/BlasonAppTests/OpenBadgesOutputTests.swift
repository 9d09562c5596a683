@testable import BlasonApp
import BlasonPersistence
import Fluent
import Foundation
import OpenBadges
import Testing
import VaporTesting

@Suite("Open Badges 2.0 documents at their public URLs")
struct OpenBadgesOutputTests {
    static func json(_ response: TestingHTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
    }

    @Test func assertionBadgeClassAndProfileLinkTogether() async throws {
        try await TestApp.run { app in
            let client = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(client)
            let path = "/issuer/badge-classes/\(badge.uuidString.lowercased())/award"
            try await client.get(path)
            try await client.postMultipart(path, [("recipients", "Alice <Alice@Example.org>")])
            let award = try #require(try await Award.query(on: app.db).first())
            let id = award.id!.uuidString.lowercased()

            let machine = WebClient(app)
            let assertion = try await machine.get("/assertions/\(id)", headers: ["Accept": "application/ld+json, application/json, image/png, image/svg+xml"])
            #expect(assertion.status == .ok)
            #expect(assertion.headers.contentType?.description.hasPrefix("application/ld+json") == true)
            let document = try Self.json(assertion)
            #expect(document["@context"] as? String == OB2.context)
            #expect(document["id"] as? String == "\(TestApp.publicURL)/assertions/\(id)")
            #expect((document["verification"] as? [String: Any])?["type"] as? String == "hosted")
            let recipient = try #require(document["recipient"] as? [String: Any])
            let identity = OB2.IdentityObject(type: "email", hashed: true, salt: recipient["salt"] as? String, identity: recipient["identity"] as! String)
            #expect(identity.matches(email: "alice@example.org"))
            #expect(!identity.matches(email: "bob@example.org"))
            #expect(!String(decoding: assertion.body.readableBytesView, as: UTF8.self).contains("alice@example.org"), "the e-mail never appears in clear")

            let badgeURL = try #require(document["badge"] as? String)
            let badgeDocument = try Self.json(try await machine.get(String(badgeURL.dropFirst(TestApp.publicURL.count)), headers: ["Accept": "application/json"]))
            #expect(badgeDocument["name"] as? String == "Accueillir le public")
            #expect((badgeDocument["criteria"] as? [String: Any])?["narrative"] as? String == "- Accueillir\n- Orienter")
            let issuerURL = try #require(badgeDocument["issuer"] as? String)
            let profile = try Self.json(try await machine.get(String(issuerURL.dropFirst(TestApp.publicURL.count)), headers: ["Accept": "application/ld+json"]))
            #expect(profile["type"] as? String == "Issuer")
            #expect(profile["email"] as? String == "admin@structure.test")
            #expect((profile["revocationList"] as? String)?.hasSuffix("/revocations") == true)

            // Browsers get a page in their language.
            let french = try await machine.get("/assertions/\(id)", headers: ["Accept": "text/html,application/xhtml+xml,*/*;q=0.8", "Accept-Language": "fr-FR"])
            #expect(french.headers.contentType == .html)
            #expect(french.body.string.contains("Ce badge est valide."))
            #expect(french.body.string.contains("Alice"))
            let english = try await machine.get("/assertions/\(id)?lang=en", headers: ["Accept": "text/html"])
            #expect(english.body.string.contains("This badge is valid."))
            #expect(english.body.string.contains("Welcoming the public"))

            // Baked images carry the assertion.
            let png = try await machine.get("/assertions/\(id)/baked.png")
            #expect(png.headers.contentType?.description == "image/png")
            let baked = try #require(try PNGBaker.unbake(Data(png.body.readableBytesView)))
            #expect(baked.contains("\"id\":\"\(TestApp.publicURL)/assertions/\(id)\""))
            let svg = try await machine.get("/assertions/\(id)/baked.svg")
            let unbaked = try #require(try SVGBaker.unbake(Data(svg.body.readableBytesView)))
            #expect(unbaked.payload?.contains("/assertions/\(id)") == true)
        }
    }

    @Test func revocationAnswers410AndIsListed() async throws {
        try await TestApp.run { app in
            let client = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(client)
            let path = "/issuer/badge-classes/\(badge.uuidString.lowercased())/award"
            try await client.get(path)
            try await client.postMultipart(path, [("recipients", "a@example.org\nb@example.org")])
            let awards = try await Award.query(on: app.db).sort(\.$recipientEmail).all()
            let revoked = awards[0].id!.uuidString.lowercased()
            try await client.get("/issuer/awards/\(revoked)")
            try await client.post("/issuer/awards/\(revoked)/revoke", [("reason", "Obtenu par erreur")])

            let machine = WebClient(app)
            let gone = try await machine.get("/assertions/\(revoked)", headers: ["Accept": "application/ld+json"])
            #expect(gone.status == .gone)
            let document = try Self.json(gone)
            #expect(document["revoked"] as? Bool == true)
            #expect(document["revocationReason"] as? String == "Obtenu par erreur")
            #expect(document["recipient"] == nil)
            #expect(try await machine.get("/assertions/\(revoked)/baked.png").status == .gone)
            let page = try await machine.get("/assertions/\(revoked)", headers: ["Accept": "text/html"])
            #expect(page.body.string.contains("Ce badge a été révoqué"))

            let organisation = awards[0].$organisation.id.uuidString.lowercased()
            let list = try Self.json(try await machine.get("/issuers/\(organisation)/revocations"))
            let entries = try #require(list["revokedAssertions"] as? [[String: Any]])
            #expect(entries.count == 1)
            #expect(entries[0]["id"] as? String == "\(TestApp.publicURL)/assertions/\(revoked)")
            #expect(entries[0]["revocationReason"] as? String == "Obtenu par erreur")
            let stillValid = try await machine.get("/assertions/\(awards[1].id!.uuidString.lowercased())", headers: ["Accept": "application/json"])
            #expect(stillValid.status == .ok)
        }
    }

    @Test func unknownObjectsAre404() async throws {
        try await TestApp.run { app in
            let machine = WebClient(app)
            #expect(try await machine.get("/assertions/\(UUID().uuidString)", headers: ["Accept": "application/json"]).status == .notFound)
            let malformed = try await machine.get("/badges/not-a-uuid").status
            #expect(malformed == .badRequest || malformed == .notFound)
        }
    }
}
