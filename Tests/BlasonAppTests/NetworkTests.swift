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
            let endorsement = try #require(try await Endorsement.query(on: app.db).first())
            let id = endorsement.id!.uuidString.lowercased()
            #expect(endorsement.status == .awaitingApproval)
            let answered = try #require(try await EndorsementRequest.query(on: app.db).filter(\.$externalEmail == "expert@example.org").first())
            #expect(answered.status == .accepted && answered.$endorsement.id == endorsement.id)

            // The used link: neither its page nor its form writes a second endorsement.
            try await DatabaseSnapshot.expectUnchanged(app, "reused link") {
                let reused = try await WebClient(app).get(link)
                #expect(reused.status == .conflict, "a used link cannot write a second endorsement")
                #expect(PageText.of(reused.body.string).contains("Lien déjà utilisé"))
                let again = try await outsider.post(link, [("name", "Dr Jeanne Roux"), ("affiliation", "Université de Caen"),
                                                           ("comment", "Une seconde fois, encore mieux.")])
                #expect(again.status == .conflict)
                #expect(PageText.of(again.body.string).contains("Lien déjà utilisé"))
            }
            #expect(try await Endorsement.query(on: app.db).count() == 1)
            #expect(try await EndorsementRequest.query(on: app.db).count() == 1)
            #expect(try await Endorsement.find(endorsement.id, on: app.db)?.comment == "Une structure exemplaire.")
            #expect(try await WebClient(app).get("/endorsements/\(id)", headers: ["Accept": "application/json"]).status == .notFound)

            // Another organisation's admin may not approve it: neither on the website nor through the API.
            let intruder = try await Scenario.organisationAdmin(app, email: "intrus@example.org", organisation: "Intrus", slug: "intrus")
            try await intruder.get("/network")
            let forbidden = try await DatabaseSnapshot.expectUnchanged(app, "approval by another organisation's admin") {
                try await intruder.post("/network/endorsements/\(id)/approve", [])
            }
            #expect(forbidden.status == .forbidden)
            let third = try await APITests.caller(app, email: "tiers@example.org")
            #expect(try await third.send(.GET, "/api/v1/organisations/api-tiers").status == .ok, "the token itself is good")
            let refused = try await DatabaseSnapshot.expectUnchanged(app, "approval through the API by a third organisation's admin") {
                try await third.send(.POST, "/api/v1/endorsements/\(id)/review", json: #"{"approve":true}"#)
            }
            #expect(refused.status == .forbidden, "\(refused.status) \(refused.body.string.prefix(300))")
            let waiting = try #require(try await Endorsement.find(endorsement.id, on: app.db))
            #expect(waiting.status == .awaitingApproval && waiting.publishedAt == nil)
            #expect(try await WebClient(app).get("/endorsements/\(id)", headers: ["Accept": "application/json"]).status == .notFound)

            try await admin.get("/network")
            #expect(try await admin.post("/network/endorsements/\(id)/approve", []).status == .seeOther)
            let profile = try await WebClient(app).get("/issuers/\(organisation.id!.uuidString.lowercased())", headers: ["Accept": "application/ld+json"])
            #expect(profile.body.string.contains(id))
            let endorser = try await WebClient(app).get("/endorsements/\(id)/endorser", headers: ["Accept": "application/json"])
            #expect(endorser.body.string.contains("Dr Jeanne Roux"))

            // An expired link: the outsider opened the page, and writes after the link's lifetime.
            try await admin.get("/network")
            #expect(try await admin.post("/network/requests", [("email", "late@example.org")]).status == .seeOther)
            let late = try await Mailbox.latestLink(app, to: "late@example.org")
            let latecomer = WebClient(app)
            #expect(try await latecomer.get(late).status == .ok)
            clock.advance(days: 91)
            try await DatabaseSnapshot.expectUnchanged(app, "expired link") {
                let expired = try await WebClient(app).get(late)
                #expect(expired.status == .gone)
                #expect(PageText.of(expired.body.string).contains("Lien expiré"))
                let written = try await latecomer.post(late, [("name", "Marc Tardif"), ("affiliation", "Lycée du Havre"), ("comment", "Enfin écrit.")])
                #expect(written.status == .gone)
                #expect(PageText.of(written.body.string).contains("Lien expiré"))
            }
            #expect(try await Endorsement.query(on: app.db).count() == 1)
            #expect(try await EndorsementRequest.query(on: app.db).count() == 2)
            let lateRequest = try #require(try await EndorsementRequest.query(on: app.db).filter(\.$externalEmail == "late@example.org").first())
            #expect(lateRequest.status == .pending && lateRequest.$endorsement.id == nil && lateRequest.respondedAt == nil)
            #expect(try await Endorsement.find(endorsement.id, on: app.db)?.status == .published)
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
        // Day 1 is 2026-03-10; Paris is at UTC+1 all through the test (summer time starts on the 29th).
        let start = try #require(CalendarDay.parse("2026-03-10T00:00:00+01:00"))
        let clock = TestClock(start.addingTimeInterval(6 * 3600))
        /// `hour` o'clock, Paris time, on day `day` of the test.
        func at(day: Int, hour: Int) -> Date { start.addingTimeInterval(Double(day - 1) * 86_400 + Double(hour) * 3600) }
        try await RestartableApp.run(clock: clock.clock) { server in
            var app = server.app
            var region = try await Scenario.organisationAdmin(app, email: "admin@region.example.org", organisation: "Région Test", slug: "region-test")
            _ = try await Scenario.organisationAdmin(app, email: "quiet@region.example.org", organisation: "Autre", slug: "autre")
            let regionID = try await Self.organisation(app, "region-test").id!
            // The quiet user is an admin of the Region too, but did not tick the box.
            try await region.get("/admin/members")
            #expect(try await region.post("/admin/members", [("email", "quiet@region.example.org"), ("role", "admin")]).status == .seeOther)
            let quietUser = try #require(try await User.query(on: app.db).filter(\.$email == "quiet@region.example.org").first())
            #expect(try await Membership.query(on: app.db).filter(\.$user.$id == quietUser.id!).filter(\.$organisation.$id == regionID).count() == 1)
            try await region.get("/network")
            #expect(try await region.post("/network/digest", [("digest", "on")]).status == .seeOther)
            for slug in ["s1", "s2"] {
                let structure = try await Scenario.organisationAdmin(app, email: "admin@\(slug).example.org", organisation: "Structure \(slug)", slug: slug)
                try await structure.get("/network")
                #expect(try await structure.post("/network/partners", [("organisation", regionID.uuidString)]).status == .seeOther)
            }
            for partnership in try await Partnership.query(on: app.db).all() {
                try await region.get("/network")
                #expect(try await region.post("/network/partnerships/\(partnership.id!.uuidString.lowercased())/accept", []).status == .seeOther)
            }
            /// The structure `slug` asks the Region for an endorsement.
            func ask(_ slug: String) async throws {
                let structure = WebClient(server.app)
                try await structure.get("/sign-in")
                #expect(try await structure.post("/sign-in", [("email", "admin@\(slug).example.org"), ("password", "correct horse battery")]).status == .seeOther)
                try await structure.get("/network")
                #expect(try await structure.post("/network/requests", [("partner", regionID.uuidString), ("message", "Endossement de \(slug)")]).status == .seeOther)
            }
            try await ask("s1")
            try await ask("s2")
            let s1 = try await Self.organisation(app, "s1").id!, s2 = try await Self.organisation(app, "s2").id!
            func pendingRequest(of requester: UUID) async throws -> EndorsementRequest {
                try #require(try await EndorsementRequest.query(on: server.app.db).filter(\.$requester.$id == requester)
                    .filter(\.$statusName == EndorsementRequestStatus.pending.rawValue).first())
            }
            /// Runs the digest job of whichever application is running, as its scheduler would.
            func tick() async -> [String] {
                let app = server.app
                return await Scheduler(db: app.db, clock: clock.clock, jobs: Scheduler.standardJobs(configuration: app.blason.configuration, masterKey: app.blason.masterKey)
                    .filter { $0.name == "endorsement-digest" }, logger: app.logger).tick()
            }
            func digests(_ email: String) async throws -> [OutboxMessage] {
                try await Mailbox.messages(server.app, to: email).filter { $0.event == "endorsement-digest" }
            }
            /// The Region's admin has had `count` digests; the last one lists exactly `listed`, and the
            /// user who did not tick has had none.
            func expectDigests(_ count: Int, lastListing listed: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws {
                let sent = try await digests("admin@region.example.org")
                #expect(sent.count == count, sourceLocation: sourceLocation)
                #expect(try await digests("quiet@region.example.org").isEmpty, "the user who did not tick gets none", sourceLocation: sourceLocation)
                guard let last = sent.last, sent.count == count else { return }
                #expect(last.subject == "Demandes d'endossement en attente : \(listed.count)", sourceLocation: sourceLocation)
                for name in ["Structure s1", "Structure s2"] {
                    #expect(last.textBody.contains("- \(name) : ") == listed.contains(name),
                            "\(name) \(listed.contains(name) ? "missing from" : "listed in") digest \(count):\n\(last.textBody)", sourceLocation: sourceLocation)
                }
            }

            #expect(await tick().isEmpty, "not before 08:00")
            try await expectDigests(0, lastListing: [])

            // Day 1, 09:00 and 10:00: one e-mail listing both requests; the 10:00 run sends nothing more.
            clock.set(at(day: 1, hour: 9))
            #expect(await tick() == ["endorsement-digest"])
            clock.set(at(day: 1, hour: 10))
            #expect(await tick() == ["endorsement-digest"], "the job runs every hour…")
            try await expectDigests(1, lastListing: ["Structure s1", "Structure s2"])

            // Later on day 1, the Region declines s1's request. Day 2 lists s2's only.
            clock.set(at(day: 1, hour: 15))
            try await region.get("/network")
            #expect(try await region.post("/network/requests/\(try await pendingRequest(of: s1).id!.uuidString.lowercased())/decline", []).status == .seeOther)
            clock.set(at(day: 2, hour: 9))
            #expect(await tick() == ["endorsement-digest"])
            try await expectDigests(2, lastListing: ["Structure s2"])

            // The server restarts; at 14:00 the new one runs the job again: nothing more that day.
            let cookie = region.sessionCookie
            app = try await server.restart()
            #expect(server.starts == 2)
            clock.set(at(day: 2, hour: 14))
            #expect(await tick() == ["endorsement-digest"], "the restarted server runs the job for its hour")
            try await expectDigests(2, lastListing: ["Structure s2"])

            // Day 3: s2's request still waits, and is listed again.
            clock.set(at(day: 3, hour: 9))
            #expect(await tick() == ["endorsement-digest"])
            try await expectDigests(3, lastListing: ["Structure s2"])

            // Day 4: the last request answered before 08:00; no digest, although the user is still subscribed.
            region = WebClient(app)
            region.sessionCookie = cookie // the session is in the database: it outlives the restart
            #expect(try await region.get("/network").status == .ok)
            clock.set(at(day: 4, hour: 7))
            #expect(try await region.post("/network/requests/\(try await pendingRequest(of: s2).id!.uuidString.lowercased())/accept",
                                          [("comment", "Un partenaire sérieux.")]).status == .seeOther)
            #expect(try await EndorsementRequest.query(on: app.db).filter(\.$statusName == EndorsementRequestStatus.pending.rawValue).count() == 0)
            clock.set(at(day: 4, hour: 9))
            #expect(await tick() == ["endorsement-digest"])
            try await expectDigests(3, lastListing: ["Structure s2"])
            let regionAdmin = try #require(try await User.query(on: app.db).filter(\.$email == "admin@region.example.org").first())
            #expect(try await NotificationPreference.query(on: app.db).filter(\.$user.$id == regionAdmin.id!).filter(\.$kind == EndorsementDigest.kind)
                .filter(\.$enabled == true).count() == 1, "still subscribed")

            // Day 5: s1 asks again; the digest is back, with that request only.
            clock.set(at(day: 5, hour: 7))
            try await ask("s1")
            clock.set(at(day: 5, hour: 9))
            #expect(await tick() == ["endorsement-digest"])
            try await expectDigests(4, lastListing: ["Structure s1"])

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
            // Day 6: s1's request still waits, but no digest after unsubscribing.
            clock.set(at(day: 6, hour: 9))
            #expect(await tick() == ["endorsement-digest"])
            #expect(try await pendingRequest(of: s1).status == .pending)
            try await expectDigests(4, lastListing: ["Structure s1"])
        }
    }
}
