@testable import BlasonApp
import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import NIOCore
import Testing
import VaporTesting

@Suite("The partner network and endorsements")
struct NetworkTests {
    struct Pair {
        let a: WebClient, b: WebClient
        let aID: UUID, bID: UUID
    }

    static func organisation(_ app: Application, _ slug: String) async throws -> Organisation {
        try #require(try await Organisation.query(on: app.db).filter(\.$slug == slug).first())
    }

    /// Two organisations; `a` asks `b` to be partners and `b` accepts.
    static func partners(_ app: Application) async throws -> Pair {
        let a = try await Scenario.organisationAdmin(app, email: "admin@alpha.example.org", organisation: "Alpha Formation", slug: "alpha")
        let b = try await Scenario.organisationAdmin(app, email: "admin@beta.example.org", organisation: "Beta Insertion", slug: "beta")
        let aID = try await organisation(app, "alpha").id!, bID = try await organisation(app, "beta").id!
        let search = try await a.get("/network?search=beta")
        #expect(search.body.string.contains("Beta Insertion"))
        try await a.get("/network/partners/new?organisation=\(bID.uuidString.lowercased())")
        #expect(try await a.post("/network/partners", [("organisation", bID.uuidString), ("message", "Travaillons ensemble")]).status == .seeOther)
        let partnership = try #require(try await Partnership.query(on: app.db).first())
        try await b.get("/network")
        #expect(try await b.post("/network/partnerships/\(partnership.id!.uuidString.lowercased())/accept", []).status == .seeOther)
        return Pair(a: a, b: b, aID: aID, bID: bID)
    }

    @Test func partnersEndorseEachOtherAndTheMutualFilterListsThem() async throws {
        try await TestApp.run { app in
            let pair = try await Self.partners(app)
            #expect(try await Partnership.query(on: app.db).first()?.status == .accepted)
            #expect(try await Mailbox.messages(app, to: "admin@beta.example.org").first?.event == "partnership-request")
            try await pair.a.get("/network")
            #expect(try await pair.a.post("/network/endorse", [("organisation", pair.bID.uuidString), ("comment", "Un partenaire fiable.")]).status == .seeOther)
            let betaInList = "<li class=\"partner\"><p><a href=\"/issuers/\(pair.bID.uuidString.lowercased())\">"
            let alphaInList = "<li class=\"partner\"><p><a href=\"/issuers/\(pair.aID.uuidString.lowercased())\">"
            var mutual = try await pair.a.get("/network?filter=mutual")
            #expect(!mutual.body.string.contains(betaInList))
            #expect(try await pair.a.get("/network?filter=we-endorse").body.string.contains(betaInList))
            try await pair.b.get("/network")
            #expect(try await pair.b.post("/network/endorse", [("organisation", pair.aID.uuidString), ("comment", "Des formations de qualité.")]).status == .seeOther)
            mutual = try await pair.a.get("/network?filter=mutual")
            #expect(mutual.body.string.contains(betaInList))
            #expect(try await pair.b.get("/network?filter=mutual").body.string.contains(alphaInList))

            // Each organisation's Profile lists the endorsement it received.
            let profile = try await WebClient(app).get("/issuers/\(pair.bID.uuidString.lowercased())", headers: ["Accept": "application/ld+json"])
            let json = try #require(try JSONSerialization.jsonObject(with: Data(profile.body.readableBytesView)) as? [String: Any])
            let endorsementURL = try #require((json["endorsement"] as? [String])?.first)
            let endorsement = try await WebClient(app).get(String(endorsementURL.dropFirst(TestApp.publicURL.count)), headers: ["Accept": "application/ld+json"])
            let document = try #require(try JSONSerialization.jsonObject(with: Data(endorsement.body.readableBytesView)) as? [String: Any])
            #expect(document["type"] as? String == "Endorsement")
            #expect((document["claim"] as? [String: Any])?["endorsementComment"] as? String == "Un partenaire fiable.")
            #expect(document["issuer"] as? String == "\(TestApp.publicURL)/issuers/\(pair.aID.uuidString.lowercased())")

            // Withdrawn: revoked at its URL, gone from new output.
            let id = try #require(try await Endorsement.query(on: app.db).filter(\.$endorser.$id == pair.aID).first()?.id)
            try await pair.a.get("/network")
            #expect(try await pair.a.post("/network/endorsements/\(id.uuidString.lowercased())/withdraw", []).status == .seeOther)
            #expect(try await WebClient(app).get("/endorsements/\(id.uuidString.lowercased())", headers: ["Accept": "application/json"]).status == .gone)
            let after = try await WebClient(app).get("/issuers/\(pair.bID.uuidString.lowercased())", headers: ["Accept": "application/ld+json"])
            #expect(!after.body.string.contains(id.uuidString.lowercased()))
        }
    }

    @Test func badgeClassEndorsementShowsOnNewAwardsOnly() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock.clock) { app in
            let pair = try await Self.partners(app)
            let badge = try await Scenario.badgeClass(pair.a)
            try await EarnerTests.award(pair.a, badge, "before@example.org")
            clock.advance(seconds: 5)
            try await pair.a.get("/network")
            #expect(try await pair.a.post("/network/requests", [("partner", pair.bID.uuidString), ("badge_class", badge.uuidString),
                                                               ("message", "Pouvez-vous endosser notre badge ?")]).status == .seeOther)
            try await pair.b.get("/network#templates")
            #expect(try await pair.b.post("/network/templates", [("template_name", "Standard"), ("template_fr", "Badge reconnu par Beta Insertion.")]).status == .seeOther)
            let page = try await pair.b.get("/network")
            #expect(page.body.string.contains("Pouvez-vous endosser notre badge ?"))
            let request = try #require(try await EndorsementRequest.query(on: app.db).first())
            let template = try #require(try await EndorsementTemplate.query(on: app.db).first())
            #expect(try await pair.b.post("/network/requests/\(request.id!.uuidString.lowercased())/accept", [("template", template.id!.uuidString)]).status == .seeOther)
            let endorsement = try #require(try await Endorsement.query(on: app.db).first())
            #expect(endorsement.comment == "Badge reconnu par Beta Insertion.")
            clock.advance(seconds: 5)
            try await EarnerTests.award(pair.a, badge, "after@example.org")

            func badgeDocument(_ email: String) async throws -> [String: Any] {
                let award = try #require(try await Award.query(on: app.db).filter(\.$recipientEmail == email).first())
                let assertion = try await WebClient(app).get("/assertions/\(award.id!.uuidString.lowercased())", headers: ["Accept": "application/ld+json"])
                let json = try #require(try JSONSerialization.jsonObject(with: Data(assertion.body.readableBytesView)) as? [String: Any])
                let badgeURL = try #require(json["badge"] as? String)
                let badge = try await WebClient(app).get(String(badgeURL.dropFirst(TestApp.publicURL.count)), headers: ["Accept": "application/ld+json"])
                let document = try #require(try JSONSerialization.jsonObject(with: Data(badge.body.readableBytesView)) as? [String: Any])
                #expect(document["id"] as? String == badgeURL)
                return document
            }
            let endorsementURL = "\(TestApp.publicURL)/endorsements/\(endorsement.id!.uuidString.lowercased())"
            #expect((try await badgeDocument("after@example.org")["endorsement"] as? [String]) == [endorsementURL])
            #expect(try await badgeDocument("before@example.org")["endorsement"] == nil)
        }
    }

    @Test func externalEndorsementIsPublishedAfterApproval() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock.clock) { app in
            let admin = try await Scenario.organisationAdmin(app)
            let organisation = try await Self.organisation(app, "structure-test")
            try await admin.get("/network")
            #expect(try await admin.post("/network/requests", [("email", "expert@example.org"), ("message", "Votre avis compte.")]).status == .seeOther)
            let link = try await Mailbox.latestLink(app, to: "expert@example.org")
            let outsider = WebClient(app)
            let page = try await outsider.get(link)
            #expect(page.body.string.contains("Votre avis compte."))
            #expect(try await outsider.post(link, [("name", ""), ("comment", "Très bien.")]).status == .unprocessableEntity)
            #expect(try await outsider.post(link, [("name", "Dr Jeanne Roux"), ("affiliation", "Université de Caen"), ("comment", "Une structure exemplaire.")]).status == .ok)
            let reused = try await WebClient(app).get(link)
            #expect(reused.status == .conflict, "a used link cannot write a second endorsement")
            let endorsement = try #require(try await Endorsement.query(on: app.db).first())
            #expect(endorsement.status == .awaitingApproval)
            #expect(try await WebClient(app).get("/endorsements/\(endorsement.id!.uuidString.lowercased())", headers: ["Accept": "application/json"]).status == .notFound)

            // Another organisation's admin may not approve it.
            let intruder = try await Scenario.organisationAdmin(app, email: "intrus@example.org", organisation: "Intrus", slug: "intrus")
            try await intruder.get("/network")
            #expect(try await intruder.post("/network/endorsements/\(endorsement.id!.uuidString.lowercased())/approve", []).status == .forbidden)
            try await admin.get("/network")
            #expect(try await admin.post("/network/endorsements/\(endorsement.id!.uuidString.lowercased())/approve", []).status == .seeOther)
            let profile = try await WebClient(app).get("/issuers/\(organisation.id!.uuidString.lowercased())", headers: ["Accept": "application/ld+json"])
            #expect(profile.body.string.contains(endorsement.id!.uuidString.lowercased()))
            let endorser = try await WebClient(app).get("/endorsements/\(endorsement.id!.uuidString.lowercased())/endorser", headers: ["Accept": "application/json"])
            #expect(endorser.body.string.contains("Dr Jeanne Roux"))

            // An expired link.
            try await admin.post("/network/requests", [("email", "late@example.org")])
            let late = try await Mailbox.latestLink(app, to: "late@example.org")
            clock.advance(days: 91)
            #expect(try await WebClient(app).get(late).status == .gone)
        }
    }

    @Test func badInputChangesNothing() async throws {
        try await TestApp.run { app in
            let a = try await Scenario.organisationAdmin(app, email: "admin@alpha.example.org", organisation: "Alpha Formation", slug: "alpha")
            let b = try await Scenario.organisationAdmin(app, email: "admin@beta.example.org", organisation: "Beta Insertion", slug: "beta")
            let alpha = try await Self.organisation(app, "alpha"), beta = try await Self.organisation(app, "beta")
            try await a.get("/network")
            let own = try await a.post("/network/partners", [("organisation", alpha.id!.uuidString)])
            #expect(own.status == .unprocessableEntity)
            #expect(own.body.string.contains("partenaire d&apos;elle-même") || own.body.string.contains("partenaire d'elle-même"))
            beta.findable = false
            try await beta.save(on: app.db)
            let hidden = try await a.post("/network/partners", [("organisation", beta.id!.uuidString)])
            #expect(hidden.status == .unprocessableEntity)
            #expect(hidden.body.string.replacingOccurrences(of: "&apos;", with: "'").contains("n'apparaît pas dans l'annuaire"))
            #expect(try await Partnership.query(on: app.db).count() == 0)
            beta.findable = true
            try await beta.save(on: app.db)
            #expect(try await a.post("/network/partners", [("organisation", beta.id!.uuidString)]).status == .seeOther)
            let twice = try await a.post("/network/partners", [("organisation", beta.id!.uuidString)])
            #expect(twice.status == .unprocessableEntity)
            #expect(twice.body.string.contains("déjà partenaires"))
            #expect(try await Partnership.query(on: app.db).count() == 1)

            // Not (yet) partners: no endorsement of their badge class.
            let badge = try await Scenario.badgeClass(b)
            let refused = try await a.post("/network/endorse", [("organisation", beta.id!.uuidString), ("badge_class", badge.uuidString), ("comment", "Bien.")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("pas (encore) votre partenaire"))
            #expect(try await Endorsement.query(on: app.db).count() == 0)
            // The asking side cannot accept its own request.
            let partnership = try #require(try await Partnership.query(on: app.db).first())
            #expect(try await a.post("/network/partnerships/\(partnership.id!.uuidString.lowercased())/accept", []).status == .forbidden)
        }
    }

    @Test func dailyDigestOnceADay() async throws {
        // 2026-03-10 06:00 in Paris: before the 08:00 digest.
        let clock = TestClock(try #require(CalendarDay.parse("2026-03-10T05:00:00Z")))
        try await TestApp.run(clock: clock.clock) { app in
            let region = try await Scenario.organisationAdmin(app, email: "admin@region.example.org", organisation: "Région Test", slug: "region-test")
            let quiet = try await Scenario.organisationAdmin(app, email: "quiet@region.example.org", organisation: "Autre", slug: "autre")
            let regionID = try await Self.organisation(app, "region-test").id!
            // The quiet user is an admin of the Region too, but did not tick the box.
            try await region.get("/admin/members")
            try await region.post("/admin/members", [("email", "quiet@region.example.org"), ("role", "admin")])
            _ = quiet
            try await region.get("/network")
            #expect(try await region.post("/network/digest", [("digest", "on")]).status == .seeOther)
            for slug in ["s1", "s2"] {
                let structure = try await Scenario.organisationAdmin(app, email: "admin@\(slug).example.org", organisation: "Structure \(slug)", slug: slug)
                try await structure.get("/network")
                try await structure.post("/network/partners", [("organisation", regionID.uuidString)])
            }
            for partnership in try await Partnership.query(on: app.db).all() {
                try await region.get("/network")
                try await region.post("/network/partnerships/\(partnership.id!.uuidString.lowercased())/accept", [])
            }
            for slug in ["s1", "s2"] {
                let structure = WebClient(app)
                try await structure.get("/sign-in")
                try await structure.post("/sign-in", [("email", "admin@\(slug).example.org"), ("password", "correct horse battery")])
                try await structure.get("/network")
                try await structure.post("/network/requests", [("partner", regionID.uuidString), ("message", "Endossement de \(slug)")])
            }
            func scheduler() -> Scheduler {
                Scheduler(db: app.db, clock: clock.clock, jobs: Scheduler.standardJobs(configuration: app.blason.configuration, masterKey: app.blason.masterKey)
                    .filter { $0.name == "endorsement-digest" }, logger: app.logger)
            }
            func digests(_ email: String) async throws -> [OutboxMessage] {
                try await Mailbox.messages(app, to: email).filter { $0.event == "endorsement-digest" }
            }
            await scheduler().tick()
            #expect(try await digests("admin@region.example.org").isEmpty, "not before 08:00")

            // Day 1, 09:00 and 10:00: one e-mail listing both requests.
            clock.advance(hours: 4)
            await scheduler().tick()
            clock.advance(hours: 1)
            await scheduler().tick()
            var sent = try await digests("admin@region.example.org")
            #expect(sent.count == 1)
            #expect(sent[0].subject == "Demandes d'endossement en attente : 2")
            #expect(sent[0].textBody.contains("Structure s1") && sent[0].textBody.contains("Structure s2"))

            // Day 2: one request answered; a restart (a new scheduler) in between sends nothing more.
            let request = try #require(try await EndorsementRequest.query(on: app.db).sort(\.$createdAt).first())
            try await region.get("/network")
            try await region.post("/network/requests/\(request.id!.uuidString.lowercased())/decline", [])
            clock.advance(days: 1)
            await scheduler().tick()
            await scheduler().tick()
            clock.advance(hours: 3)
            await scheduler().tick()
            sent = try await digests("admin@region.example.org")
            #expect(sent.count == 2)
            #expect(sent[1].subject == "Demandes d'endossement en attente : 1")

            // Day 3: still one pending, one more e-mail; the user who did not tick gets none.
            clock.advance(days: 1)
            await scheduler().tick()
            #expect(try await digests("admin@region.example.org").count == 3)
            #expect(try await digests("quiet@region.example.org").isEmpty)

            // Each digest carries its way out: a link under the message and a one-click List-Unsubscribe (RFC 8058).
            let last = try #require(try await digests("admin@region.example.org").last)
            let stop = try #require(last.listUnsubscribe)
            #expect(last.textBody.contains("Ne plus recevoir ce récapitulatif :\n" + stop) && last.htmlBody.contains(stop))
            let path = String(stop.dropFirst(TestApp.publicURL.count))
            let tampered = String(path.dropLast()) + (path.hasSuffix("A") ? "B" : "A")
            #expect(try await WebClient(app).get(tampered).status == .notFound)
            let page = try await WebClient(app).get(path)
            #expect(page.status == .ok && page.body.string.contains("Me désabonner"), "opening the link changes nothing by itself")
            #expect(try await NotificationPreference.query(on: app.db).filter(\.$kind == EndorsementDigest.kind).filter(\.$enabled == true).count() == 1)
            var headers = HTTPHeaders()
            headers.contentType = .urlEncodedForm
            let oneClick = try await app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: "List-Unsubscribe=One-Click"))
            #expect(oneClick.status == .ok && oneClick.body.string.contains("vous ne recevrez plus ce récapitulatif"))
            clock.advance(days: 1)
            await scheduler().tick()
            #expect(try await digests("admin@region.example.org").count == 3, "no digest after unsubscribing")
        }
    }
}
