@testable import BlasonApp
import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import Testing
import VaporTesting

@Suite("Earners: award e-mails, claim links, the passport")
struct EarnerTests {
    static func award(_ client: WebClient, _ badge: UUID, _ recipients: String, language: String = "fr") async throws {
        let path = "/issuer/badge-classes/\(badge.uuidString.lowercased())/award"
        try await client.get(path)
        let response = try await client.postMultipart(path, [("recipients", recipients), ("language", language)])
        #expect(response.status == .seeOther, "\(response.body.string.prefix(2000))")
    }

    @Test func threeRecipientsGetAMailInTheirLanguageAndAcceptIntoTheirSpace() async throws {
        try await TestApp.run { app in
            let issuer = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(issuer)
            let path = "/issuer/badge-classes/\(badge.uuidString.lowercased())/award"
            try await issuer.get(path)
            let csv = "email,name,evidence_url,narrative,language\nanne@example.org,Anne,,,fr\nbill@example.org,Bill,,,en\ncarla@example.org,,,,\n"
            #expect(try await issuer.postMultipart(path, [], files: [("csv", "r.csv", "text/csv", Data(csv.utf8))]).status == .seeOther)

            let mails = try await Mailbox.messages(app)
            #expect(mails.count == 3)
            let bill = try #require(mails.first { $0.toAddress == "bill@example.org" })
            #expect(bill.languageCode == "en")
            #expect(bill.subject == "You have received the badge “Welcoming the public”")
            #expect(bill.textBody.contains("Hello Bill,"))
            let anne = try #require(mails.first { $0.toAddress == "anne@example.org" })
            #expect(anne.subject == "Vous avez reçu le badge « Accueillir le public »")
            #expect(anne.htmlBody.contains("Voir et accepter mon badge"))
            #expect(mails.allSatisfy { $0.messageID.hasSuffix("@blason.test") && $0.status == .pending })

            // Anne follows her link, accepts, and finds the badge in her space.
            let earner = WebClient(app)
            let link = try #require(Mailbox.link(in: anne))
            let claim = try await earner.get(link)
            #expect(claim.status == .ok)
            #expect(claim.body.string.contains("Accueillir le public"))
            #expect(claim.headers.first(name: "Referrer-Policy") == "no-referrer")
            let accepted = try await earner.post(link + "/accept", [])
            #expect(accepted.status == .seeOther)
            #expect(WebClient.location(accepted) == "/passport")
            let passport = try await earner.get("/passport")
            #expect(passport.body.string.contains("Accueillir le public"))
            #expect(passport.body.string.contains("Badge accepté"))
            let award = try #require(try await Award.query(on: app.db).filter(\.$recipientEmail == "anne@example.org").first())
            #expect(award.earnerState == .accepted)
        }
    }

    @Test func proposalIsInvisibleUntilAcceptedAndDeclinedStaysInvisible() async throws {
        try await TestApp.run { app in
            let issuer = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(issuer)
            let operations = AdminOperations(app: app)
            _ = try await operations.issue(badge: badge.uuidString, email: "yes@example.org", name: nil, evidence: nil, propose: true)
            _ = try await operations.issue(badge: badge.uuidString, email: "no@example.org", name: nil, evidence: nil, propose: true)
            let yes = try #require(try await Award.query(on: app.db).filter(\.$recipientEmail == "yes@example.org").first())
            let no = try #require(try await Award.query(on: app.db).filter(\.$recipientEmail == "no@example.org").first())
            let visitor = WebClient(app)
            func publicStatuses(_ award: Award) async throws -> [HTTPStatus] {
                let id = award.id!.uuidString.lowercased()
                return [
                    try await visitor.get("/assertions/\(id)", headers: ["Accept": "application/ld+json"]).status,
                    try await visitor.get("/assertions/\(id)", headers: ["Accept": "text/html"]).status,
                    try await visitor.get("/assertions/\(id)/image").status,
                    try await visitor.get("/assertions/\(id)/baked.png").status,
                    try await visitor.get("/assertions/\(id)/baked.svg").status,
                ]
            }
            #expect(try await publicStatuses(yes).allSatisfy { $0 == .notFound })
            let proposal = try #require(try await Mailbox.messages(app, to: "yes@example.org").first)
            #expect(proposal.subject == "Proposition d'acceptation du badge « Accueillir le public »")

            let earner = WebClient(app)
            let link = try #require(Mailbox.link(in: proposal))
            #expect(try await earner.get(link).body.string.contains("Refuser"))
            #expect(try await earner.post(link + "/accept", []).status == .seeOther)
            #expect(try await publicStatuses(yes).allSatisfy { $0 == .ok })

            let other = WebClient(app)
            let declineLink = try await Mailbox.latestLink(app, to: "no@example.org")
            try await other.get(declineLink)
            #expect(try await other.post(declineLink + "/decline", []).status == .seeOther)
            try await other.get("/passport")
            #expect(try await publicStatuses(no).allSatisfy { $0 == .notFound })
            // Declining is for good: the earner cannot accept it from their space afterwards.
            let lateAccept = try await other.post("/passport/awards/\(no.id!.uuidString.lowercased())/accept", []).status
            #expect(lateAccept == .conflict)
            #expect(try await Award.find(no.id, on: app.db)?.earnerState == .declined)
        }
    }

    /// The secret with three of its characters changed: same length and alphabet, another secret.
    static func tampered(_ secret: String) -> String {
        var characters = Array(secret)
        for index in [0, characters.count / 2, characters.count - 1] where characters.indices.contains(index) {
            characters[index] = characters[index] == "A" ? "B" : "A"
        }
        return String(characters)
    }

    /// The stored one-time link behind a secret sent by e-mail (only its hash is stored).
    static func token(_ app: Application, secret: String) async throws -> OneTimeToken {
        try #require(try await OneTimeToken.query(on: app.db).filter(\.$tokenHash == SecureToken.sha256Hex(secret)).first())
    }

    @Test func badLinksGetAClearPageAndChangeNothing() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock.clock) { app in
            let issuer = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(issuer)
            try await Self.award(issuer, badge, "a@example.org\nb@example.org")
            let linkA = try await Mailbox.latestLink(app, to: "a@example.org")
            let linkB = try await Mailbox.latestLink(app, to: "b@example.org")
            let parts = linkA.split(separator: "/").map(String.init) // claim, award id, token
            let (awardA, secretA) = (parts[1], parts[2])
            let partsB = linkB.split(separator: "/").map(String.init)
            let (awardB, secretB) = (partsB[1], partsB[2])
            let idA = try #require(UUID(uuidString: awardA)), idB = try #require(UUID(uuidString: awardB))
            let stateAtA = try #require(try await Award.find(idA, on: app.db)).earnerStateAt
            let stateAtB = try #require(try await Award.find(idB, on: app.db)).earnerStateAt

            /// Opens `path` and posts its accept and hide forms: each gets the clear page (`status`,
            /// `message`) and the database is left as it was.
            func refused(_ client: WebClient, _ path: String, _ status: HTTPStatus, _ message: String, what: String,
                         sourceLocation: SourceLocation = #_sourceLocation) async throws {
                try await DatabaseSnapshot.expectUnchanged(app, what, sourceLocation: sourceLocation) {
                    let page = try await client.get(path)
                    #expect(page.status == status, "\(what): GET", sourceLocation: sourceLocation)
                    #expect(PageText.of(page.body.string).contains(message), "\(what): GET", sourceLocation: sourceLocation)
                    for action in ["accept", "hide"] {
                        let answer = try await client.post(path + "/" + action, [])
                        #expect(answer.status == status, "\(what): POST \(action)", sourceLocation: sourceLocation)
                        #expect(PageText.of(answer.body.string).contains(message), "\(what): POST \(action)", sourceLocation: sourceLocation)
                    }
                }
            }
            /// Nobody was signed in by the refused answers.
            func expectNoSession(_ client: WebClient, sourceLocation: SourceLocation = #_sourceLocation) async throws {
                let passport = try await client.get("/passport")
                #expect(passport.status == .seeOther && WebClient.location(passport) == "/passport/sign-in", sourceLocation: sourceLocation)
            }
            func expectUntouched(_ id: UUID, _ secret: String, stateAt: Date?, sourceLocation: SourceLocation = #_sourceLocation) async throws {
                let award = try #require(try await Award.find(id, on: app.db), sourceLocation: sourceLocation)
                #expect(award.earnerState == .pending && award.earnerStateAt == stateAt, sourceLocation: sourceLocation)
                #expect(try await Self.token(app, secret: secret).usedAt == nil, "the link is still unused", sourceLocation: sourceLocation)
            }

            // A tampered link, from a visitor who has the real page open (so the forms carry a valid anti-forgery token).
            let visitor = WebClient(app)
            #expect(try await visitor.get(linkA).status == .ok)
            try await refused(visitor, "/claim/\(awardA)/\(Self.tampered(secretA))", .notFound, "Lien non valide", what: "tampered link")
            try await expectNoSession(visitor)
            try await expectUntouched(idA, secretA, stateAt: stateAtA)

            // A's link used on B's award: someone else's link.
            try await refused(visitor, "/claim/\(awardB)/\(secretA)", .badRequest, "Lien d'une autre personne", what: "link of another earner")
            try await expectNoSession(visitor)
            try await expectUntouched(idA, secretA, stateAt: stateAtA)
            try await expectUntouched(idB, secretB, stateAt: stateAtB)

            // Accepting, then accepting again: by the used link and from the passport.
            let earner = WebClient(app)
            try await earner.get(linkA)
            #expect(try await earner.post(linkA + "/accept", []).status == .seeOther)
            let accepted = try #require(try await Award.find(idA, on: app.db))
            #expect(accepted.earnerState == .accepted)
            #expect(try await Self.token(app, secret: secretA).usedAt != nil)
            try await earner.get("/passport") // signing in started a new session, with its own form token
            try await refused(earner, linkA, .conflict, "Lien déjà utilisé", what: "used link")
            try await DatabaseSnapshot.expectUnchanged(app, "accepting again from the passport") {
                let twice = try await earner.post("/passport/awards/\(awardA)/accept", [])
                #expect(twice.status == .conflict)
                #expect(PageText.of(twice.body.string).contains("Cette action n'est plus possible."))
            }
            let still = try #require(try await Award.find(idA, on: app.db))
            #expect(still.earnerState == .accepted && still.earnerStateAt == accepted.earnerStateAt)

            // B opened the page, then came back after the link's lifetime.
            let late = WebClient(app)
            #expect(try await late.get(linkB).status == .ok)
            clock.advance(days: 91)
            try await refused(late, linkB, .gone, "Lien expiré", what: "expired link")
            try await expectNoSession(late)
            try await expectUntouched(idB, secretB, stateAt: stateAtB)

            try await DatabaseSnapshot.expectUnchanged(app, "made-up verification code") {
                let wrongCode = try await WebClient(app).get("/passport/emails/verify?code=not-a-real-code")
                #expect(wrongCode.status == .notFound)
                #expect(wrongCode.body.string.contains("Lien non valide"))
            }

            let states = try await Award.query(on: app.db).sort(\.$recipientEmail).all().map(\.earnerState)
            #expect(states == [.accepted, .pending])
        }
    }

    /// An earner who accepted a badge sent to their home address; another waits at their work address.
    static func earnerWithABadgeAtHomeAndOneAtWork(_ app: Application) async throws -> WebClient {
        let issuer = try await Scenario.organisationAdmin(app)
        let badge = try await Scenario.badgeClass(issuer)
        try await award(issuer, badge, "home@example.org")
        try await award(issuer, try await Scenario.badgeClass(issuer, name: "Badge travail"), "work@example.org")
        let earner = WebClient(app)
        let claim = try await Mailbox.latestLink(app, to: "home@example.org")
        try await earner.get(claim)
        #expect(try await earner.post(claim + "/accept", []).status == .seeOther)
        return earner
    }

    @Test func wrongVerificationCodeChangesNothing() async throws {
        try await TestApp.run { app in
            let earner = try await Self.earnerWithABadgeAtHomeAndOneAtWork(app)
            let workClaim = try await Mailbox.latestLink(app, to: "work@example.org")

            // The signed-in earner adds a second address through the form of their passport.
            try await earner.get("/passport/emails")
            #expect(try await earner.post("/passport/emails", [("email", "work@example.org")]).status == .seeOther)
            let verification = try #require(try await Mailbox.messages(app, to: "work@example.org").last { $0.event == "email-verification" })
            let link = try #require(Mailbox.link(in: verification))
            let code = try #require(URLComponents(string: link)?.queryItems?.first { $0.name == "code" }?.value)
            func workAddress() async throws -> UserEmail {
                try #require(try await UserEmail.query(on: app.db).filter(\.$email == "work@example.org").first())
            }
            #expect(try await workAddress().verifiedAt == nil)
            let home = try #require(try await UserEmail.query(on: app.db).filter(\.$email == "home@example.org").first())
            #expect(try await workAddress().$user.id == home.$user.id)

            let wrongCodes = [(Self.tampered(code), "tampered code"),
                              (String(workClaim.split(separator: "/")[2]), "the secret of another kind of link (the award's claim link)"),
                              ("", "no code")]
            for (wrong, what) in wrongCodes {
                try await DatabaseSnapshot.expectUnchanged(app, what) {
                    let page = try await earner.get("/passport/emails/verify?code=\(wrong)")
                    #expect(page.status == .notFound, "\(what)")
                    #expect(PageText.of(page.body.string).contains("Lien non valide"), "\(what)")
                }
                #expect(try await workAddress().verifiedAt == nil, "\(what)")
                #expect(try await Self.token(app, secret: code).usedAt == nil, "\(what): the real code is still usable")
                let passport = try await earner.get("/passport")
                #expect(passport.status == .ok, "\(what): still signed in")
                #expect(passport.body.string.contains("Accueillir le public"))
                #expect(!passport.body.string.contains("Badge travail"), "\(what): the badge sent to the unverified address stays out of the passport")
            }

            // The real code works.
            let verified = try await earner.get(link)
            #expect(verified.status == .seeOther && WebClient.location(verified) == "/passport")
            #expect(try await workAddress().verifiedAt != nil)
            #expect(try await Self.token(app, secret: code).usedAt != nil)
            #expect(try await earner.get("/passport").body.string.contains("Badge travail"))
            // And only once.
            try await DatabaseSnapshot.expectUnchanged(app, "verification link used twice") {
                let again = try await earner.get(link)
                #expect(again.status == .conflict)
                #expect(PageText.of(again.body.string).contains("Lien déjà utilisé"))
            }
        }
    }

    @Test func resendRetiresTheOldLink() async throws {
        try await TestApp.run { app in
            let issuer = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(issuer)
            try await Self.award(issuer, badge, "a@example.org")
            let first = try await Mailbox.latestLink(app, to: "a@example.org")
            let award = try #require(try await Award.query(on: app.db).first())
            try await issuer.get("/issuer/awards/\(award.id!.uuidString.lowercased())")
            #expect(try await issuer.post("/issuer/awards/\(award.id!.uuidString.lowercased())/resend", []).status == .seeOther)
            let mails = try await Mailbox.messages(app)
            #expect(mails.count == 2)
            #expect(mails[0].messageID != mails[1].messageID)
            let second = try #require(Mailbox.link(in: mails[1]))
            #expect(try await WebClient(app).get(first).status == .gone)
            #expect(try await WebClient(app).get(second).status == .ok)
        }
    }

    @Test func passportHideProfileExportAndDelete() async throws {
        try await TestApp.run { app in
            let issuer = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(issuer)
            try await Self.award(issuer, badge, "Zoé <zoe@example.org>")
            let second = try await Scenario.badgeClass(issuer, name: "Deuxième badge")
            try await Self.award(issuer, second, "zoe@example.org")
            let mails = try await Mailbox.messages(app, to: "zoe@example.org")
            let earner = WebClient(app)
            let link = try #require(Mailbox.link(in: mails[0]))
            try await earner.get(link)
            try await earner.post(link + "/accept", [])
            let awards = try await Award.query(on: app.db).sort(\.$createdAt).all()
            let kept = awards[0].id!.uuidString.lowercased(), dropped = awards[1].id!.uuidString.lowercased()

            try await earner.get("/passport")
            #expect(try await earner.post("/passport/awards/\(kept)/profile", []).status == .seeOther)
            #expect(try await earner.post("/passport/awards/\(dropped)/hide", []).status == .seeOther)
            let key = try #require(try await User.query(on: app.db).filter(\.$email == "zoe@example.org").first()?.profileKey)
            let profile = try await WebClient(app).get("/earners/\(key)")
            #expect(profile.status == .ok)
            #expect(profile.body.string.contains("Accueillir le public"))
            #expect(!profile.body.string.contains("Deuxième badge"))

            // An earner who came by e-mail link can choose a password, then sign in with it.
            try await earner.get("/passport/settings")
            #expect(try await earner.post("/passport/password", [("new_password", "short")]).status == .unprocessableEntity)
            #expect(try await earner.post("/passport/password", [("new_password", "mon nouveau mot de passe")]).status == .seeOther)
            let laptop = WebClient(app)
            try await laptop.get("/sign-in")
            #expect(try await laptop.post("/sign-in", [("email", "zoe@example.org"), ("password", "mon nouveau mot de passe")]).status == .seeOther)

            let export = try await earner.get("/passport/export.zip")
            #expect(export.status == .ok)
            #expect(export.headers.contentType == .zip)
            let zip = Data(export.body.readableBytesView)
            #expect(zip.starts(with: [0x50, 0x4B, 0x03, 0x04]))
            #expect(String(decoding: zip, as: UTF8.self).contains("account.json"))

            try await earner.get("/passport/settings")
            #expect(try await earner.post("/passport/delete", [("confirm", "someone@else.org")]).status == .unprocessableEntity)
            #expect(try await earner.post("/passport/delete", [("confirm", "zoe@example.org")]).status == .ok)
            #expect(try await User.query(on: app.db).filter(\.$email == "zoe@example.org").count() == 0)
            let visitor = WebClient(app)
            #expect(try await visitor.get("/assertions/\(kept)", headers: ["Accept": "application/json"]).status == .ok)
            #expect(try await visitor.get("/assertions/\(dropped)", headers: ["Accept": "application/json"]).status == .notFound)
            #expect(try await Award.find(awards[1].id, on: app.db)?.recipientEmail.contains("zoe") == false)
        }
    }

    @Test func signInLinkAndSecondAddress() async throws {
        try await TestApp.run { app in
            let earner = try await Self.earnerWithABadgeAtHomeAndOneAtWork(app)

            try await earner.get("/passport/emails")
            #expect(try await earner.post("/passport/emails", [("email", "work@example.org")]).status == .seeOther)
            let verification = try #require(try await Mailbox.messages(app, to: "work@example.org").last)
            #expect(verification.subject == "Confirmez votre adresse e-mail")
            #expect(!(try await earner.get("/passport")).body.string.contains("Badge travail"))
            #expect(try await earner.get(try #require(Mailbox.link(in: verification))).status == .seeOther)
            #expect(try await earner.get("/passport").body.string.contains("Badge travail"))

            // Later, from another device: ask for a sign-in link.
            let device = WebClient(app)
            try await device.get("/passport/sign-in")
            #expect(try await device.post("/passport/sign-in", [("email", "unknown@example.org")]).status == .seeOther)
            #expect(try await device.post("/passport/sign-in", [("email", "work@example.org")]).status == .seeOther)
            let signIn = try #require(try await Mailbox.messages(app, to: "work@example.org").last)
            #expect(signIn.subject == "Votre lien de connexion à Mon passeport")
            #expect(try await Mailbox.messages(app, to: "unknown@example.org").isEmpty)
            let opened = try await device.get(try #require(Mailbox.link(in: signIn)))
            #expect(WebClient.location(opened) == "/passport")
            #expect(try await device.get("/passport").body.string.contains("Accueillir le public"))
        }
    }

    @Test func organisationWordingIsUsed() async throws {
        try await TestApp.run { app in
            let issuer = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(issuer)
            try await issuer.get("/admin/mail-templates")
            #expect(try await issuer.post("/admin/mail-templates", [
                ("award-issued_fr_subject", "Bravo {recipient} : « {badge} »"), ("award-issued_fr_body", "L'équipe de {issuer} vous félicite."),
            ]).status == .seeOther)
            try await Self.award(issuer, badge, "Léo <leo@example.org>")
            let mail = try #require(try await Mailbox.messages(app).first)
            #expect(mail.subject == "Bravo Léo : « Accueillir le public »")
            #expect(mail.textBody.contains("L'équipe de Structure Test vous félicite."))
            #expect(Mailbox.link(in: mail) != nil, "the personal link is always there")
            let outbox = try await issuer.get("/admin/mail")
            #expect(outbox.body.string.contains("Bravo Léo"))
            #expect(outbox.body.string.contains("href=\"\(TestApp.publicURL)/claim/"))
        }
    }
}
