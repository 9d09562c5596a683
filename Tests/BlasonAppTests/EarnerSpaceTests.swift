@testable import BlasonApp
import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import OpenBadges
import Testing
import Vapor
import VaporTesting

/// The earner's space as the earner uses it: the data export read back as an unzip tool reads it,
/// the LinkedIn and JSON links of the passport, the award e-mail preference, how long links live,
/// and every public URL of a proposal staying dark until it is accepted.
@Suite("Earners: export, passport links, preferences, link lifetime, proposals")
struct EarnerSpaceTests {
    static func award(_ client: WebClient, _ badge: UUID, _ recipients: String, fields: [(String, String)] = []) async throws {
        let path = "/issuer/badge-classes/\(badge.uuidString.lowercased())/award"
        try await client.get(path)
        let response = try await client.postMultipart(path, [("recipients", recipients)] + fields)
        #expect(response.status == .seeOther, "\(response.body.string.prefix(2000))")
    }

    static func awards(_ app: Application, to email: String) async throws -> [Award] {
        try await Award.query(on: app.db).filter(\.$recipientEmail == email).sort(\.$createdAt).all()
    }

    /// Follows the latest e-mailed link to `email` and accepts the badge; returns the earner's browser.
    static func accept(_ app: Application, _ email: String, in earner: WebClient? = nil) async throws -> WebClient {
        let earner = earner ?? WebClient(app)
        let link = try await Mailbox.latestLink(app, to: email)
        #expect(try await earner.get(link).status == .ok)
        let accepted = try await earner.post(link + "/accept", [])
        #expect(accepted.status == .seeOther, "\(accepted.body.string.prefix(1000))")
        try await earner.get("/passport")
        return earner
    }

    static func json(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    // MARK: e. The data export

    @Test func theExportHoldsTheAccountAndEachAwardWithItsBakedImage() async throws {
        try await TestApp.run { app in
            let issuer = try await Scenario.organisationAdmin(app)
            let first = try await Scenario.badgeClass(issuer)
            let second = try await Scenario.badgeClass(issuer, name: "Orienter les visiteurs")
            try await Self.award(issuer, first, "Zoé Durand <zoe@example.org>")
            try await Self.award(issuer, second, "Zoé Durand <zoe@example.org>")
            try await Self.award(issuer, first, "zoe.travail@example.org")
            try await Self.award(issuer, second, "someone.else@example.org")
            let earner = try await Self.accept(app, "zoe@example.org")

            // A second address, confirmed by its link.
            try await earner.get("/passport/emails")
            #expect(try await earner.post("/passport/emails", [("email", "zoe.travail@example.org")]).status == .seeOther)
            let verification = try #require(try await Mailbox.messages(app, to: "zoe.travail@example.org").last { $0.event == "email-verification" })
            #expect(try await earner.get(try #require(Mailbox.link(in: verification))).status == .seeOther)

            let export = try await earner.get("/passport/export.zip")
            #expect(export.status == .ok)
            #expect(export.headers.contentType == .zip)
            let entries = try ZipReader.entries(Data(export.body.readableBytesView))

            let account = try Self.json(try #require(entries["account.json"], "account.json in \(entries.keys.sorted())"))
            #expect(account["email"] as? String == "zoe@example.org")
            #expect(account["name"] as? String == "Zoé Durand")
            let addresses = try #require(account["emails"] as? [[String: String]])
            #expect(Set(addresses.compactMap { $0["email"] }) == ["zoe@example.org", "zoe.travail@example.org"])
            #expect(addresses.allSatisfy { $0["verified"] == "yes" }, "\(addresses)")

            let mine = try await Self.awards(app, to: "zoe@example.org") + Self.awards(app, to: "zoe.travail@example.org")
            #expect(mine.count == 3)
            var expected: Set<String> = ["account.json"]
            for award in mine {
                let id = try award.requireID().uuidString.lowercased()
                expected.formUnion(["awards/\(id).json", "awards/\(id).png"])
                let record = try Self.json(try #require(entries["awards/\(id).json"], "the JSON of award \(id)"))
                let badgeClass = try #require(try await BadgeClass.find(award.$badgeClass.id, on: app.db))
                #expect(record["badge"] as? String == badgeClass.nameFR)
                let assertion = try #require(record["assertion"] as? [String: Any])
                #expect(assertion["id"] as? String == "\(TestApp.publicURL)/assertions/\(id)")
                #expect((assertion["recipient"] as? [String: Any])?["identity"] as? String == award.identityHash)

                let png = try #require(entries["awards/\(id).png"], "the baked PNG of award \(id)")
                #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
                let baked = try #require(try PNGBaker.unbake(png), "award \(id): the PNG carries its assertion")
                let bakedAssertion = try Self.json(Data(baked.utf8))
                #expect(bakedAssertion["id"] as? String == "\(TestApp.publicURL)/assertions/\(id)")
            }
            #expect(Set(entries.keys) == expected, "nothing of anyone else's, nothing missing")
        }
    }

    // MARK: f. The passport's LinkedIn and JSON links

    @Test func thePassportOffersLinkedInAndTheOpenBadgesJSON() async throws {
        try await TestApp.run { app in
            let issuer = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(issuer)
            try await Self.award(issuer, badge, "leo@example.org", fields: [("issued_on", "2024-03-15")])
            let earner = try await Self.accept(app, "leo@example.org")
            let award = try #require(try await Self.awards(app, to: "leo@example.org").first)
            let id = try award.requireID().uuidString.lowercased()
            let passport = try await earner.get("/passport")
            #expect(passport.status == .ok)

            let linkedIn = try #require(Self.link(labelled: "Ajouter à mon profil LinkedIn", in: passport.body.string), "the LinkedIn link")
            let components = try #require(URLComponents(string: linkedIn))
            #expect(components.host == "www.linkedin.com" && components.path == "/profile/add")
            let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { a, _ in a })
            #expect(query["startTask"] == "CERTIFICATION_NAME")
            #expect(query["name"] == "Accueillir le public")
            #expect(query["organizationName"] == "Structure Test")
            #expect(query["issueYear"] == "2024")
            #expect(query["issueMonth"] == "3")
            #expect(query["certUrl"] == "\(TestApp.publicURL)/assertions/\(id)")

            let jsonPath = try #require(Self.link(labelled: "Données Open Badges (JSON)", in: passport.body.string), "the JSON link")
            #expect(jsonPath == "/assertions/\(id)?format=json")
            // Opened as a browser opens a link: asking for HTML first, and getting JSON all the same.
            let json = try await earner.get(jsonPath, headers: ["Accept": "text/html,application/xhtml+xml,*/*;q=0.8"])
            #expect(json.status == .ok)
            #expect(json.headers.contentType?.subType == "ld+json")
            let assertion = try Self.json(Data(json.body.readableBytesView))
            #expect(assertion["id"] as? String == "\(TestApp.publicURL)/assertions/\(id)")
            #expect(assertion["type"] as? String == "Assertion")
        }
    }

    /// A badge awarded on the first day of a month, as the issuer typed it and the passport shows it:
    /// 1 March 2024 in Paris is 29 February 23:00 UTC, and LinkedIn must be told March.
    @Test func theLinkedInMonthIsTheMonthOfTheIssueDay() async throws {
        try await TestApp.run { app in
            let issuer = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(issuer)
            try await Self.award(issuer, badge, "mai@example.org", fields: [("issued_on", "2024-03-01")])
            let earner = try await Self.accept(app, "mai@example.org")
            let passport = try await earner.get("/passport")
            #expect(passport.body.string.contains("1 mars 2024"), "the passport shows the day typed")
            let linkedIn = try #require(Self.link(labelled: "Ajouter à mon profil LinkedIn", in: passport.body.string))
            let query = Dictionary((URLComponents(string: linkedIn)?.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { a, _ in a })
            #expect(query["issueYear"] == "2024")
            #expect(query["issueMonth"] == "3")
        }
    }

    /// The `href` of the link whose text is `label`, with HTML entities undone.
    static func link(labelled label: String, in html: String) -> String? {
        guard let end = html.range(of: ">\(label)</a>") else { return nil }
        let before = html[..<end.lowerBound]
        guard let start = before.range(of: "href=\"", options: .backwards) else { return nil }
        let rest = before[start.upperBound...]
        guard let close = rest.firstIndex(of: "\"") else { return nil }
        return PageText.of(String(rest[..<close]))
    }

    // MARK: g. The award e-mail preference

    @Test func anEarnerWhoTurnsAwardMailsOffGetsTheBadgeWithoutAnEmail() async throws {
        try await TestApp.run { app in
            let issuer = try await Scenario.organisationAdmin(app)
            let badges = [try await Scenario.badgeClass(issuer), try await Scenario.badgeClass(issuer, name: "Deuxième badge"),
                          try await Scenario.badgeClass(issuer, name: "Troisième badge")]
            try await Self.award(issuer, badges[0], "pat@example.org")
            let earner = try await Self.accept(app, "pat@example.org")

            let settings = try await earner.get("/passport/settings")
            #expect(settings.body.string.contains("name=\"award_mail\""))
            // Unchecked: the box is left out of the form, as a browser does.
            #expect(try await earner.post("/passport/settings", [("language", "fr")]).status == .seeOther)
            let off = try await earner.get("/passport/settings")
            #expect(!Self.isChecked("award_mail", in: off.body.string), "the settings show the choice")

            let mailsBefore = try await Mailbox.messages(app, to: "pat@example.org").count
            let linksBefore = try await OneTimeToken.query(on: app.db).filter(\.$email == "pat@example.org").count()
            try await Self.award(issuer, badges[1], "pat@example.org\nother@example.org")
            #expect(try await Mailbox.messages(app, to: "pat@example.org").count == mailsBefore, "no e-mail to the earner who said no")
            #expect(try await OneTimeToken.query(on: app.db).filter(\.$email == "pat@example.org").count() == linksBefore)
            #expect(try await Mailbox.messages(app, to: "other@example.org").count == 1, "others are e-mailed as usual")
            #expect(try await Self.awards(app, to: "pat@example.org").count == 2, "the badge is awarded all the same")
            #expect(try await earner.get("/passport").body.string.contains("Deuxième badge"), "and is in the passport")

            try await earner.get("/passport/settings")
            #expect(try await earner.post("/passport/settings", [("award_mail", "on"), ("language", "fr")]).status == .seeOther)
            #expect(Self.isChecked("award_mail", in: try await earner.get("/passport/settings").body.string))
            try await Self.award(issuer, badges[2], "pat@example.org")
            let mails = try await Mailbox.messages(app, to: "pat@example.org")
            #expect(mails.count == mailsBefore + 1)
            #expect(mails.last?.event == "award-issued")
            #expect(mails.last?.subject.contains("Troisième badge") == true)
        }
    }

    static func isChecked(_ name: String, in html: String) -> Bool {
        guard let range = html.range(of: "name=\"\(name)\"") else { return false }
        let start = html[..<range.lowerBound].range(of: "<input", options: .backwards)?.lowerBound ?? range.lowerBound
        let tag = html[start...].prefix { $0 != ">" }
        return tag.contains("checked")
    }

    // MARK: h. How long links live

    /// Two awards' links, answered after `early` days and after `late` days.
    static func linkLifetime(_ app: Application, clock: TestClock, early: Double, late: Double) async throws {
        let issuer = try await Scenario.organisationAdmin(app)
        let badge = try await Scenario.badgeClass(issuer)
        try await Self.award(issuer, badge, "early@example.org\nlate@example.org")
        let earlyLink = try await Mailbox.latestLink(app, to: "early@example.org")
        let lateLink = try await Mailbox.latestLink(app, to: "late@example.org")

        clock.advance(days: early)
        let earner = WebClient(app)
        #expect(try await earner.get(earlyLink).status == .ok, "after \(early) days")
        #expect(try await earner.post(earlyLink + "/accept", []).status == .seeOther, "after \(early) days")
        #expect(try await Self.awards(app, to: "early@example.org").first?.earnerState == .accepted)

        clock.advance(days: late - early)
        let other = WebClient(app)
        let expired = try await other.get(lateLink)
        #expect(expired.status == .gone, "after \(late) days")
        #expect(PageText.of(expired.body.string).contains("Lien expiré"))
        #expect(try await Self.awards(app, to: "late@example.org").first?.earnerState == .pending)
    }

    @Test func withoutSettingLinksLiveNinetyDays() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock.clock, environment: [:]) { app in
            #expect(app.blason.configuration.linkLifetimeDays == 90)
            try await Self.linkLifetime(app, clock: clock, early: 89, late: 91)
        }
    }

    @Test func linksLiveTheDaysOperatorsSet() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock.clock, environment: ["BLASON_LINK_DAYS": "7"]) { app in
            #expect(app.blason.configuration.linkLifetimeDays == 7)
            try await Self.linkLifetime(app, clock: clock, early: 6, late: 8)
        }
    }

    // MARK: i. Every public URL of a proposal

    @Test func aProposalHasNoPublicURLUntilAccepted() async throws {
        try await TestApp.run { app in
            let issuer = try await Scenario.organisationAdmin(app)
            try await issuer.get("/creator/badge-classes/new")
            let created = try await issuer.postMultipart("/creator/badge-classes/new", [
                ("name_fr", "Badge signé"), ("description_fr", "Un badge aux assertions signées."), ("criteria_fr", "Être là."),
                ("signed_assertions", "on"),
            ], files: [("image", "badge.png", "image/png", Fixtures.squarePNG)])
            #expect(created.status == .seeOther, "\(created.body.string.prefix(2000))")
            let badge = try #require(WebClient.location(created).flatMap { UUID(uuidString: String($0.split(separator: "/").last ?? "")) })
            #expect(try await BadgeClassService(db: app.db).signedAssertions(badge), "the badge class signs its assertions")

            let operations = AdminOperations(app: app)
            _ = try await operations.issue(badge: badge.uuidString, email: "oui@example.org", name: nil, evidence: nil, propose: true)
            _ = try await operations.issue(badge: badge.uuidString, email: "non@example.org", name: nil, evidence: nil, propose: true)
            let yes = try #require(try await Self.awards(app, to: "oui@example.org").first)
            let no = try #require(try await Self.awards(app, to: "non@example.org").first)

            let visitor = WebClient(app)
            func statuses(_ award: Award) async throws -> [String: HTTPStatus] {
                let id = try award.requireID().uuidString.lowercased()
                let json: HTTPHeaders = ["Accept": "application/ld+json"]
                return [
                    "assertion ?format=json": try await visitor.get("/assertions/\(id)?format=json").status,
                    "signed.jws": try await visitor.get("/assertions/\(id)/signed.jws").status,
                    "signed.png": try await visitor.get("/assertions/\(id)/signed.png").status,
                    "OB 3.0 credential": try await visitor.get("/ob3/credentials/\(id)", headers: json).status,
                    "OB 3.0 credential as VC-JWT": try await visitor.get("/ob3/credentials/\(id)", headers: ["Accept": "application/vc+jwt"]).status,
                    "OB 3.0 credential.jwt": try await visitor.get("/ob3/credentials/\(id)/credential.jwt").status,
                    "OB 3.0 baked.png": try await visitor.get("/ob3/credentials/\(id)/baked.png").status,
                    "OB 3.0 baked.svg": try await visitor.get("/ob3/credentials/\(id)/baked.svg").status,
                ]
            }
            for (url, status) in try await statuses(yes) { #expect(status == .notFound, "pending proposal, \(url): \(status)") }
            for (url, status) in try await statuses(no) { #expect(status == .notFound, "pending proposal, \(url): \(status)") }

            let earner = WebClient(app)
            let link = try await Mailbox.latestLink(app, to: "oui@example.org")
            try await earner.get(link)
            #expect(try await earner.post(link + "/accept", []).status == .seeOther)
            for (url, status) in try await statuses(yes) { #expect(status == .ok, "accepted, \(url): \(status)") }
            let id = try yes.requireID().uuidString.lowercased()
            let jws = try await visitor.get("/assertions/\(id)/signed.jws").body.string
            #expect(jws.split(separator: ".").count == 3, "a compact JWS")
            let jwt = try await visitor.get("/ob3/credentials/\(id)/credential.jwt").body.string
            #expect(jwt.split(separator: ".").count == 3, "a compact VC-JWT")

            let other = WebClient(app)
            let declineLink = try await Mailbox.latestLink(app, to: "non@example.org")
            try await other.get(declineLink)
            #expect(try await other.post(declineLink + "/decline", []).status == .seeOther)
            for (url, status) in try await statuses(no) { #expect(status == .notFound, "declined, \(url): \(status)") }
        }
    }
}
