@testable import BlasonApp
import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import NIOCore
import Testing
import Vapor
import VaporTesting

/// The foundation's promises that no other test held it to: API bodies of the wrong type on
/// every endpoint, expired awards as verifiers and people see them, API tokens made and revoked
/// in the interface, and refused recipient lists that write nothing anywhere.
@Suite("Foundation: wrong API bodies, expiry, tokens in the interface, refused lists")
struct PlatformGapTests {
    /// Expects a problem document (`application/problem+json`, 400 or 422) whose `detail` contains `names`.
    static func expectProblem(_ response: TestingHTTPResponse, naming names: String, field: String? = nil, _ what: String,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(response.status == .badRequest || response.status == .unprocessableEntity, "\(what): \(response.status)", sourceLocation: sourceLocation)
        #expect(response.headers.contentType?.description.hasPrefix("application/problem+json") == true,
                "\(what): \(response.headers.contentType?.description ?? "no content type")", sourceLocation: sourceLocation)
        let problem = try APITests.object(response)
        #expect(problem["status"] as? Int == Int(response.status.code), "\(what)", sourceLocation: sourceLocation)
        let detail = problem["detail"] as? String ?? ""
        #expect(detail.contains(names), "\(what): the detail « \(detail) » does not name \(names)", sourceLocation: sourceLocation)
        if let field {
            let fields = (problem["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
            #expect(fields.contains(field), "\(what): errors name \(fields), not \(field)", sourceLocation: sourceLocation)
        }
    }

    static func createBadgeClass(_ api: APITests.Caller, slug: String = "api-api") async throws -> String {
        let created = try await api.send(.POST, "/api/v1/organisations/\(slug)/badge-classes", multipart: (
            [("name_fr", "Badge de l'API"), ("description_fr", "Créé par l'API."), ("criteria_fr", "Appeler l'API.")],
            [("image", "b.png", "image/png", Fixtures.squarePNG)]))
        #expect(created.status == .created, "\(created.body.string)")
        return try #require(try APITests.object(created)["id"] as? String)
    }

    // MARK: a. API bodies with wrong types

    @Test func wrongTypesOnEachEndpointAreProblemsThatNameTheFieldAndWriteNothing() async throws {
        try await TestApp.run { app in
            let api = try await APITests.caller(app)
            let badgeID = try await Self.createBadgeClass(api)
            let awarded = try await api.send(.POST, "/api/v1/badge-classes/\(badgeID)/awards", json: #"{"recipients":[{"email":"a@example.org"}]}"#)
            #expect(awarded.status == .created, "\(awarded.body.string)")
            let awardID = try #require((try APITests.object(awarded)["awards"] as? [[String: Any]])?.first?["id"] as? String)
            let before = try await RowCounts.take(app)

            let organisation = try await api.send(.POST, "/api/v1/organisations", json: #"{"name":42,"contactEmail":"c@example.org"}"#)
            try Self.expectProblem(organisation, naming: "« name »", "POST /api/v1/organisations {name: 42}")

            let token = try await app.testing().sendRequest(.POST, "/api/v1/tokens", headers: ["Content-Type": "application/json"],
                                                           body: ByteBuffer(string: #"{"email":5,"password":true}"#))
            try Self.expectProblem(token, naming: "« email »", "POST /api/v1/tokens {email: 5, password: true}")
            // The password alone of the wrong type is named too.
            let password = try await app.testing().sendRequest(.POST, "/api/v1/tokens", headers: ["Content-Type": "application/json"],
                                                              body: ByteBuffer(string: #"{"email":"api@example.org","password":true}"#))
            try Self.expectProblem(password, naming: "« password »", "POST /api/v1/tokens {password: true}")

            let revoke = try await api.send(.POST, "/api/v1/awards/\(awardID)/revoke", json: #"{"reason":5}"#)
            try Self.expectProblem(revoke, naming: "« reason »", "POST /api/v1/awards/{id}/revoke {reason: 5}")

            let notAnImage = try await api.send(.POST, "/api/v1/organisations/api-api/badge-classes", multipart: (
                [("name_fr", "Badge texte"), ("description_fr", "D"), ("criteria_fr", "C")],
                [("image", "notes.txt", "text/plain", Data("Ceci n'est pas une image.\n".utf8))]))
            try Self.expectProblem(notAnImage, naming: "Image", field: "image", "badge class with a text file as image")
            #expect(notAnImage.status == .unprocessableEntity)

            let noFrenchName = try await api.send(.POST, "/api/v1/organisations/api-api/badge-classes", multipart: (
                [("name_en", "English only"), ("description_fr", "D"), ("criteria_fr", "C")],
                [("image", "b.png", "image/png", Fixtures.squarePNG)]))
            try Self.expectProblem(noFrenchName, naming: "Nom (français)", field: "name_fr", "badge class without a French name")
            #expect(noFrenchName.status == .unprocessableEntity)

            let after = try await RowCounts.take(app)
            #expect(after == before, "before: \(before)\nafter: \(after)")
            let award = try #require(try await Award.find(UUID(uuidString: awardID), on: app.db))
            #expect(award.revokedAt == nil && award.revocationReason == nil)
            #expect(try await BadgeClass.query(on: app.db).filter(\.$nameFR == "Badge texte").count() == 0)
        }
    }

    // MARK: b. Expired awards

    @Test func anAwardIssuedWithAPastExpiryIsShownAsExpiredAndKeepsItsDate() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock.clock) { app in
            let api = try await APITests.caller(app)
            let badgeID = try await Self.createBadgeClass(api)
            let awarded = try await api.send(.POST, "/api/v1/badge-classes/\(badgeID)/awards",
                                             json: #"{"recipients":[{"email":"ancien@example.org"}],"issuedOn":"2024-01-15","expires":"2024-06-30"}"#)
            #expect(awarded.status == .created, "\(awarded.body.string)")
            let id = try #require((try APITests.object(awarded)["awards"] as? [[String: Any]])?.first?["id"] as? String)
            let stored = try #require(try await Award.find(UUID(uuidString: id), on: app.db))
            #expect(CalendarDay.format(try #require(stored.expires)) == "2024-06-30")

            try await Self.expectExpired(app, id: id, now: clock.now)
        }
    }

    @Test func anAwardIsExpiredOnceTheClockPassesItsExpiry() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock.clock) { app in
            let api = try await APITests.caller(app)
            let badgeID = try await Self.createBadgeClass(api)
            let expiry = CalendarDay.format(clock.now.addingTimeInterval(10 * 86_400))
            let awarded = try await api.send(.POST, "/api/v1/badge-classes/\(badgeID)/awards",
                                             json: #"{"recipients":[{"email":"bientot@example.org"}],"expires":"\#(expiry)"}"#)
            #expect(awarded.status == .created, "\(awarded.body.string)")
            let id = try #require((try APITests.object(awarded)["awards"] as? [[String: Any]])?.first?["id"] as? String)
            let page = try await WebClient(app).get("/assertions/\(id)", headers: ["Accept": "text/html"])
            #expect(PageText.of(page.body.string).contains("Ce badge est valide."))
            #expect(!PageText.of(page.body.string).contains("Ce badge a expiré"))

            clock.advance(days: 11)
            try await Self.expectExpired(app, id: id, now: clock.now)
        }
    }

    /// The award's page says it has expired, in French and in English; its JSON-LD still carries
    /// the past `expires` (an expired assertion is not revoked: verifiers read the date).
    static func expectExpired(_ app: Application, id: String, now: Date, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let french = try await WebClient(app).get("/assertions/\(id)", headers: ["Accept": "text/html"])
        #expect(french.status == .ok, sourceLocation: sourceLocation)
        #expect(PageText.of(french.body.string).contains("Ce badge a expiré"), sourceLocation: sourceLocation)
        #expect(!PageText.of(french.body.string).contains("Ce badge est valide"), sourceLocation: sourceLocation)
        let switched = try await WebClient(app).get("/assertions/\(id)?lang=en", headers: ["Accept": "text/html"])
        #expect(switched.body.string.contains("This badge has expired"), "?lang=en", sourceLocation: sourceLocation)
        let negotiated = try await WebClient(app).get("/assertions/\(id)", headers: ["Accept": "text/html", "Accept-Language": "en-GB,en;q=0.9"])
        #expect(negotiated.body.string.contains("This badge has expired"), "Accept-Language: en", sourceLocation: sourceLocation)

        let json = try await WebClient(app).get("/assertions/\(id)", headers: ["Accept": "application/ld+json"])
        #expect(json.status == .ok, sourceLocation: sourceLocation)
        let assertion = try APITests.object(json)
        let expires = try #require((assertion["expires"] as? String).flatMap { try? Date($0, strategy: .iso8601) },
                                   "expires: \(String(describing: assertion["expires"]))", sourceLocation: sourceLocation)
        #expect(expires < now, sourceLocation: sourceLocation)
        #expect(assertion["revoked"] == nil, sourceLocation: sourceLocation)
    }

    // MARK: c. API tokens in the interface

    @Test func aTokenMadeOnTheTokensPageShowsOnceWorksAndStopsWhenRevoked() async throws {
        try await TestApp.run { app in
            let admin = try await Scenario.organisationAdmin(app)
            let page = try await admin.get("/admin/tokens")
            #expect(page.status == .ok)
            let created = try await admin.post("/admin/tokens", [("name", "Intégration tableur"), ("scope", "read"), ("organisation", ""),
                                                                 ("expires_in_days", "30")])
            #expect(created.status == .ok, "\(created.body.string.prefix(2000))")
            let secret = try #require(Self.newToken(in: created.body.string), "the new token is shown")
            #expect(secret.count >= 20)
            #expect(PageText.of(created.body.string).contains("il ne sera plus affiché"))
            let stored = try #require(try await APIToken.query(on: app.db).filter(\.$name == "Intégration tableur").first())
            #expect(stored.tokenHash != secret, "only a hash of the secret is stored")

            // Shown once: the next visit lists the token without its secret.
            let later = try await admin.get("/admin/tokens")
            #expect(later.body.string.contains("Intégration tableur"))
            #expect(!later.body.string.contains(secret))
            #expect(Self.newToken(in: later.body.string) == nil)

            func call() async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(.GET, "/api/v1/organisations/structure-test", headers: ["Authorization": "Bearer \(secret)"])
            }
            let working = try await call()
            #expect(working.status == .ok, "\(working.body.string)")
            #expect(try APITests.object(working)["slug"] as? String == "structure-test")

            // Revoked from the same page.
            let revokePath = "/admin/tokens/\(try stored.requireID().uuidString.lowercased())/revoke"
            #expect(later.body.string.contains("action=\"\(revokePath)\""), "the page offers the revocation")
            let revoked = try await admin.post(revokePath, [])
            #expect(revoked.status == .seeOther)
            #expect(WebClient.location(revoked) == "/admin/tokens")
            let refused = try await call()
            #expect(refused.status == .unauthorized)
            #expect(refused.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            #expect(try await APIToken.find(stored.id, on: app.db)?.revokedAt != nil)
            let listed = try await admin.get("/admin/tokens")
            #expect(!listed.body.string.contains("action=\"\(revokePath)\""), "a revoked token has nothing left to revoke")
        }
    }

    static func newToken(in html: String) -> String? {
        guard let range = html.range(of: "<code id=\"new-token\">") else { return nil }
        let rest = html[range.upperBound...]
        return rest.range(of: "</code>").map { String(rest[..<$0.lowerBound]) }
    }

    // MARK: d. Refused recipient lists write nothing anywhere

    @Test func refusedRecipientListsWriteNoAwardJobMailLinkOrAuditEvent() async throws {
        try await TestApp.run { app in
            let client = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(client)
            let path = "/issuer/badge-classes/\(badge.uuidString.lowercased())/award"
            try await client.get(path)
            let before = try await RowCounts.take(app)

            // 2,500 lines, one of them broken: large enough to go to a background job when valid.
            var lines = (1...2500).map { "Personne \($0) <personne\($0)@example.org>" }
            lines[1999] = "Personne 2000 <personne2000@example>"
            let list = try await client.postMultipart(path, [("recipients", lines.joined(separator: "\n")), ("narrative", "Promotion 2026")])
            #expect(list.status == .unprocessableEntity)
            #expect(list.body.string.contains("Ligne 2000"))
            let afterList = try await RowCounts.take(app)
            #expect(afterList == before, "the list: before \(before)\nafter \(afterList)")

            // A CSV without its evidence_url and narrative columns, of many valid rows.
            let rows = (1...2500).map { "csv\($0)@example.org,Personne \($0)" }
            let csv = "email,name\n" + rows.joined(separator: "\n") + "\n"
            let missing = try await client.postMultipart(path, [], files: [("csv", "beneficiaires.csv", "text/csv", Data(csv.utf8))])
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.body.string.contains("colonne(s) manquante(s) : evidence_url, narrative"))
            let afterCSV = try await RowCounts.take(app)
            #expect(afterCSV == before, "the CSV: before \(before)\nafter \(afterCSV)")

            // The same list corrected is accepted: the refusals were about the bad line, not the size.
            lines[1999] = "Personne 2000 <personne2000@example.org>"
            let fixed = try await client.postMultipart(path, [("recipients", lines.joined(separator: "\n"))])
            #expect(fixed.status == .seeOther)
            #expect(try await IssueJob.query(on: app.db).count() == before.issueJobs + 1)
        }
    }
}
