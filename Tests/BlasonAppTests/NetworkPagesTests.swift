@testable import BlasonApp
import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import Testing
import VaporTesting

/// Endorsements where people read them, a text started from a template, and the network's API
/// beyond the requests: the directory flag, the partner filter, the digest choice.
@Suite("The partner network: public pages, templates, API")
struct NetworkPagesTests {
    @Test func endorsementsShowOnThePublicPagesAsOnTheirOpenBadgesData() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock.clock) { app in
            let pair = try await NetworkTests.partners(app)
            let badge = try await Scenario.badgeClass(pair.a)
            try await EarnerTests.award(pair.a, badge, "before@example.org")
            clock.advance(seconds: 5)
            try await pair.b.get("/network")
            #expect(try await pair.b.post("/network/endorse", [("organisation", pair.aID.uuidString), ("comment", "Une structure sérieuse.")]).status == .seeOther)
            #expect(try await pair.b.post("/network/endorse", [("organisation", pair.aID.uuidString), ("badge_class", badge.uuidString),
                                                             ("comment", "Un badge exigeant.")]).status == .seeOther)
            clock.advance(seconds: 5)
            try await EarnerTests.award(pair.a, badge, "after@example.org")
            let visitor = WebClient(app)
            let html: HTTPHeaders = ["Accept": "text/html"]

            let issuer = try await visitor.get("/issuers/\(pair.aID.uuidString.lowercased())", headers: html).body.string
            #expect(issuer.contains("Une structure sérieuse."))
            #expect(issuer.contains("Beta Insertion"))
            #expect(!issuer.contains("Un badge exigeant."))
            let badgePage = try await visitor.get("/badges/\(badge.uuidString.lowercased())", headers: html).body.string
            #expect(badgePage.contains("Un badge exigeant."))
            func awardPage(_ email: String) async throws -> String {
                let award = try #require(try await Award.query(on: app.db).filter(\.$recipientEmail == email).first())
                return try await visitor.get("/assertions/\(award.id!.uuidString.lowercased())", headers: html).body.string
            }
            // An issuer's endorsement shows to all its earners; a badge class's, to awards made after it.
            let after = try await awardPage("after@example.org"), before = try await awardPage("before@example.org")
            #expect(after.contains("Une structure sérieuse.") && after.contains("Un badge exigeant."))
            #expect(before.contains("Une structure sérieuse.") && !before.contains("Un badge exigeant."))

            // Withdrawn: gone from the pages too.
            let withdrawn = try #require(try await Endorsement.query(on: app.db).filter(\.$subjectBadgeClass.$id == badge).first())
            try await pair.b.get("/network")
            #expect(try await pair.b.post("/network/endorsements/\(withdrawn.id!.uuidString.lowercased())/withdraw", []).status == .seeOther)
            #expect(!(try await awardPage("after@example.org")).contains("Un badge exigeant."))
            #expect(!(try await visitor.get("/badges/\(badge.uuidString.lowercased())", headers: html).body.string).contains("Un badge exigeant."))
        }
    }

    @Test func anEndorsementStartsFromATemplateAndIsEditedBeforePublishing() async throws {
        try await TestApp.run { app in
            let pair = try await NetworkTests.partners(app)
            try await pair.a.get("/network")
            #expect(try await pair.a.post("/network/requests", [("partner", pair.bID.uuidString), ("message", "Pouvez-vous nous endosser ?")]).status == .seeOther)
            try await pair.b.get("/network#templates")
            #expect(try await pair.b.post("/network/templates", [("template_name", "Standard"), ("template_fr", "Structure reconnue par Beta Insertion."),
                                                               ("template_en", "Organisation recognised by Beta Insertion.")]).status == .seeOther)
            let request = try #require(try await EndorsementRequest.query(on: app.db).first())
            let template = try #require(try await EndorsementTemplate.query(on: app.db).first())
            let path = "/network/requests/\(request.id!.uuidString.lowercased())/accept"
            try await pair.b.get("/network")

            // « Partir de ce modèle »: the page again, the text in the box, nothing published.
            let started = try await pair.b.post(path, [("template", template.id!.uuidString), ("step", "prefill")])
            #expect(started.status == .ok)
            let box = "id=\"request-comment-\(request.id!.uuidString.lowercased().prefix(8))\""
            let html = started.body.string
            let boxStart = try #require(html.range(of: box))
            #expect(html[boxStart.upperBound...].prefix(300).contains("Structure reconnue par Beta Insertion."))
            #expect(try await Endorsement.query(on: app.db).count() == 0)
            // In English, the template's English text.
            pair.b.language = "en"
            let english = try await pair.b.post(path, [("template", template.id!.uuidString), ("step", "prefill")])
            #expect(english.body.string.contains("Organisation recognised by Beta Insertion."))
            pair.b.language = nil
            // Without a template chosen: said so, nothing published.
            let none = try await pair.b.post(path, [("template", ""), ("step", "prefill")])
            #expect(none.status == .unprocessableEntity)
            #expect(try await Endorsement.query(on: app.db).count() == 0)

            // Edited, then published as edited.
            #expect(try await pair.b.post(path, [("template", template.id!.uuidString),
                                                 ("comment", "Structure reconnue par Beta Insertion, partenaire depuis 2024.")]).status == .seeOther)
            #expect(try await Endorsement.query(on: app.db).first()?.comment == "Structure reconnue par Beta Insertion, partenaire depuis 2024.")
        }
    }

    @Test func endingAPartnershipClosesItsPendingRequests() async throws {
        try await TestApp.run { app in
            let pair = try await NetworkTests.partners(app)
            try await pair.a.get("/network")
            #expect(try await pair.a.post("/network/requests", [("partner", pair.bID.uuidString), ("message", "Un endossement ?")]).status == .seeOther)
            #expect(try await EndorsementRequest.query(on: app.db).first()?.status == .pending)
            let partnership = try #require(try await Partnership.query(on: app.db).first())
            try await pair.b.get("/network")
            #expect(try await pair.b.post("/network/partnerships/\(partnership.id!.uuidString.lowercased())/end", []).status == .seeOther)
            #expect(try await EndorsementRequest.query(on: app.db).first()?.status == .declined)
            #expect(!(try await pair.b.get("/network").body.string).contains("Un endossement ?"))
        }
    }

    @Test func theAPISetsTheDirectoryFlagFiltersPartnersAndSetsTheDigest() async throws {
        try await TestApp.run { app in
            let pair = try await NetworkTests.partners(app)
            func token(_ email: String) async throws -> String {
                let response = try await app.testing().sendRequest(.POST, "/api/v1/tokens", headers: ["Content-Type": "application/json"],
                                                                   body: ByteBuffer(string: #"{"email":"\#(email)","password":"correct horse battery","name":"t"}"#))
                let json = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
                return try #require(json["token"] as? String)
            }
            let alpha = try await token("admin@alpha.example.org"), beta = try await token("admin@beta.example.org")
            func call(_ method: HTTPMethod, _ path: String, _ bearer: String, _ body: String? = nil) async throws -> (HTTPStatus, Any?) {
                var headers: HTTPHeaders = ["Authorization": "Bearer \(bearer)"]
                if body != nil { headers.contentType = .json }
                let response = try await app.testing().sendRequest(method, path, headers: headers, body: body.map { ByteBuffer(string: $0) })
                return (response.status, try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)))
            }
            let gamma = try await Scenario.organisationAdmin(app, email: "admin@gamma.example.org", organisation: "Gamma Emploi", slug: "gamma")
            _ = gamma
            func directory() async throws -> [String] {
                let (status, json) = try await call(.GET, "/api/v1/organisations/alpha/directory?search=Gamma", alpha)
                #expect(status == .ok)
                return (json as? [[String: Any]] ?? []).compactMap { $0["slug"] as? String }
            }
            #expect(try await directory() == ["gamma"])
            let gammaToken = try await token("admin@gamma.example.org")
            let (changed, organisation) = try await call(.PATCH, "/api/v1/organisations/gamma", gammaToken, #"{"findable":false,"city":"Caen"}"#)
            #expect(changed == .ok)
            #expect((organisation as? [String: Any])?["findable"] as? Bool == false)
            #expect((organisation as? [String: Any])?["city"] as? String == "Caen")
            #expect(try await directory().isEmpty)
            // Only an admin changes it; a wrong type is refused and changes nothing.
            #expect([.forbidden, .notFound].contains(try await call(.PATCH, "/api/v1/organisations/gamma", alpha, #"{"findable":true}"#).0))
            #expect(try await call(.PATCH, "/api/v1/organisations/gamma", gammaToken, #"{"findable":"yes"}"#).0 == .badRequest)
            #expect(try await NetworkTests.organisation(app, "gamma").findable == false)

            // The partner filter, as on the Réseau page.
            func partners(_ filter: String) async throws -> [[String: Any]] {
                let (status, json) = try await call(.GET, "/api/v1/organisations/alpha/partnerships?filter=\(filter)", alpha)
                #expect(status == .ok, "\(filter)")
                return json as? [[String: Any]] ?? []
            }
            #expect(try await partners("mutual").isEmpty)
            #expect(try await call(.POST, "/api/v1/organisations/alpha/endorsements", alpha, #"{"organisation":"beta","comment":"Fiable."}"#).0 == .created)
            #expect(try await partners("we-endorse").first?["weEndorse"] as? Bool == true)
            #expect(try await partners("mutual").isEmpty)
            #expect(try await call(.POST, "/api/v1/organisations/beta/endorsements", beta, #"{"organisation":"alpha","comment":"Sérieux."}"#).0 == .created)
            let mutual = try await partners("mutual")
            #expect(mutual.count == 1 && (mutual.first?["partner"] as? [String: Any])?["slug"] as? String == "beta")
            #expect(try await call(.GET, "/api/v1/organisations/alpha/partnerships?filter=nobody", alpha).0 == .unprocessableEntity)

            // The digest choice.
            let (read, before) = try await call(.GET, "/api/v1/me/notifications", alpha)
            #expect(read == .ok)
            #expect((before as? [String: Any])?["endorsementDigest"] as? Bool == false)
            let (set, after) = try await call(.PUT, "/api/v1/me/notifications", alpha, #"{"endorsementDigest":true}"#)
            #expect(set == .ok)
            #expect((after as? [String: Any])?["endorsementDigest"] as? Bool == true)
            #expect((after as? [String: Any])?["awardMail"] as? Bool == true)
            let page = try await pair.a.get("/network")
            let checkbox = try #require(page.body.string.range(of: "id=\"field-digest\""))
            #expect(page.body.string[checkbox.lowerBound...].prefix(120).contains("checked"))
        }
    }
}
