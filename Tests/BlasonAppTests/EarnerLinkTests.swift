@testable import BlasonApp
import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import Testing
import VaporTesting

/// Whose link it is: an e-mailed link acts only for the person it was sent to, opens only a
/// password-less earner's space, and the e-mails follow the earner's own choices.
@Suite("Earners: links act for their own person only")
struct EarnerLinkTests {
    static func award(_ client: WebClient, _ badge: UUID, _ recipients: String, language: String? = nil) async throws {
        let path = "/issuer/badge-classes/\(badge.uuidString.lowercased())/award"
        try await client.get(path)
        let response = try await client.postMultipart(path, [("recipients", recipients)] + (language.map { [("language", $0)] } ?? []))
        #expect(response.status == .seeOther, "\(response.body.string.prefix(2000))")
    }

    static func award(_ app: Application, to email: String) async throws -> Award {
        try #require(try await Award.query(on: app.db).filter(\.$recipientEmail == email).sort(\.$issuedOn, .descending).first())
    }

    @Test func anotherAccountSignedInCannotAnswerTheLink() async throws {
        try await TestApp.run { app in
            let issuer = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(issuer)
            try await Self.award(issuer, badge, "anne@example.org\nbob@example.org")
            // Anne answers her own link and is in her space.
            let anne = WebClient(app)
            let anneLink = try await Mailbox.latestLink(app, to: "anne@example.org")
            try await anne.get(anneLink)
            #expect(try await anne.post(anneLink + "/accept", []).status == .seeOther)
            let tokensBefore = try await OneTimeToken.query(on: app.db).filter(\.$usedAt == nil).count()

            // On the same browser, Bob's link: a clear page, Bob's award untouched, Anne still signed in.
            let bobLink = try await Mailbox.latestLink(app, to: "bob@example.org")
            let shown = try await anne.get(bobLink)
            #expect(shown.status == .forbidden)
            #expect(shown.body.string.contains("Lien destiné à un autre compte"))
            let answered = try await anne.post(bobLink + "/accept", [])
            #expect(answered.status == .forbidden)
            #expect(answered.body.string.contains("Déconnectez-vous pour l'ouvrir"))
            #expect(try await Self.award(app, to: "bob@example.org").earnerState == .pending)
            #expect(try await OneTimeToken.query(on: app.db).filter(\.$usedAt == nil).count() == tokensBefore)
            let passport = try await anne.get("/passport")
            #expect(passport.status == .ok)
            let anneAward = try await Self.award(app, to: "anne@example.org").id!.uuidString.lowercased()
            let bobAward = try await Self.award(app, to: "bob@example.org").id!.uuidString.lowercased()
            #expect(passport.body.string.contains(anneAward))
            #expect(!passport.body.string.contains(bobAward))

            // Signed out, Bob's link works for Bob.
            let bob = WebClient(app)
            try await bob.get(bobLink)
            #expect(try await bob.post(bobLink + "/accept", []).status == .seeOther)
            #expect(try await Self.award(app, to: "bob@example.org").earnerState == .accepted)
        }
    }

    @Test func aClaimLinkDoesNotOpenAnAccountWithAPasswordOrAnOrganisation() async throws {
        try await TestApp.run { app in
            let issuer = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(issuer)
            // The organisation's admin receives a badge at their own address; the e-mail is forwarded.
            try await Self.award(issuer, badge, "admin@structure.test")
            let link = try await Mailbox.latestLink(app, to: "admin@structure.test")
            let stranger = WebClient(app)
            try await stranger.get(link)
            let answered = try await stranger.post(link + "/accept", [])
            #expect(answered.status == .ok)
            #expect(answered.body.string.contains("Votre réponse est enregistrée"))
            #expect(try await Self.award(app, to: "admin@structure.test").earnerState == .accepted)
            // No session was opened: the organisation's pages still ask for a sign-in.
            let admin = try await stranger.get("/admin/members")
            #expect(admin.status == .unauthorized || WebClient.location(admin)?.hasPrefix("/sign-in") == true, "\(admin.status)")
            #expect(try await stranger.get("/issuer").status != .ok)
            #expect(WebClient.location(try await stranger.get("/passport")) == "/passport/sign-in")
        }
    }

    @Test func awardMailsUseTheEarnersOwnLanguageUnlessTheIssuerChose() async throws {
        try await TestApp.run { app in
            let issuer = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(issuer)
            try await Self.award(issuer, badge, "erin@example.org", language: "fr")
            let erin = WebClient(app)
            let link = try await Mailbox.latestLink(app, to: "erin@example.org")
            try await erin.get(link)
            #expect(try await erin.post(link + "/accept", []).status == .seeOther)
            try await erin.get("/passport/settings")
            #expect(try await erin.post("/passport/settings", [("award_mail", "on"), ("language", "en")]).status == .seeOther)

            // Left to the recipients: Erin's account says English; a stranger gets French.
            try await Self.award(issuer, badge, "erin@example.org\nnew@example.org")
            #expect(try await Mailbox.messages(app, to: "erin@example.org").last?.subject == "You have received the badge “Welcoming the public”")
            #expect(try await Mailbox.messages(app, to: "new@example.org").last?.subject == "Vous avez reçu le badge « Accueillir le public »")
            #expect(try await Self.award(app, to: "erin@example.org").language == .en)
            // The issuer's explicit choice wins.
            try await Self.award(issuer, badge, "erin@example.org", language: "fr")
            #expect(try await Mailbox.messages(app, to: "erin@example.org").last?.subject == "Vous avez reçu le badge « Accueillir le public »")
            // The award form offers the choice, the recipients' own language first.
            let form = try await issuer.get("/issuer/badge-classes/\(badge.uuidString.lowercased())/award")
            #expect(form.body.string.contains("La langue de chaque bénéficiaire"))
        }
    }

    @Test func aLinkIsResentOnlyWhileTheEarnerHasSomethingToAnswer() async throws {
        try await TestApp.run { app in
            let issuer = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(issuer)
            try await Self.award(issuer, badge, "done@example.org\nquiet@example.org")
            let done = WebClient(app)
            let link = try await Mailbox.latestLink(app, to: "done@example.org")
            try await done.get(link)
            #expect(try await done.post(link + "/accept", []).status == .seeOther)
            let accepted = try await Self.award(app, to: "done@example.org")
            let detail = try await issuer.get("/issuer/awards/\(accepted.id!.uuidString.lowercased())")
            #expect(!detail.body.string.contains("/resend"))
            let mailsBefore = try await Mailbox.messages(app).count
            #expect(try await issuer.post("/issuer/awards/\(accepted.id!.uuidString.lowercased())/resend", []).status == .conflict)

            // An earner who turned award e-mails off: the re-send is refused and the old link lives on.
            let quiet = try await Self.award(app, to: "quiet@example.org")
            let quietLink = try await Mailbox.latestLink(app, to: "quiet@example.org")
            let user = User(email: EmailAddress("quiet@example.org")!, name: "Quiet", passwordHash: nil, language: .fr)
            try await user.create(on: app.db)
            try await UserEmail(userID: user.requireID(), email: EmailAddress("quiet@example.org")!, verifiedAt: Date()).create(on: app.db)
            try await NotificationPreference(userID: user.requireID(), kind: NotificationSettings.Kind.awardMail.rawValue, enabled: false).create(on: app.db)
            let refused = try await issuer.post("/issuer/awards/\(quiet.id!.uuidString.lowercased())/resend", [])
            #expect(refused.status == .conflict)
            #expect(refused.body.string.contains("ne plus recevoir de courriels de badges"))
            #expect(try await Mailbox.messages(app).count == mailsBefore)
            #expect(try await WebClient(app).get(quietLink).status == .ok)
        }
    }

    @Test func deletingTheAccountTakesTheirEmailsAndLinks() async throws {
        try await TestApp.run { app in
            let issuer = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(issuer)
            try await Self.award(issuer, badge, "Gil <gil@example.org>\nother@example.org")
            let gil = WebClient(app)
            let link = try await Mailbox.latestLink(app, to: "gil@example.org")
            try await gil.get(link)
            #expect(try await gil.post(link + "/accept", []).status == .seeOther)
            try await Self.award(issuer, badge, "gil@example.org")
            #expect(try await Mailbox.messages(app, to: "gil@example.org").count == 2)

            try await gil.get("/passport/settings")
            let deleted = try await gil.post("/passport/delete", [("confirm", "gil@example.org")])
            #expect(deleted.status == .ok)
            #expect(!deleted.body.string.contains("Erreur"))
            #expect(try await Mailbox.messages(app, to: "gil@example.org").isEmpty)
            #expect(try await OneTimeToken.query(on: app.db).filter(\.$email == "gil@example.org").count() == 0)
            // Someone else's e-mail and link stay.
            #expect(try await Mailbox.messages(app, to: "other@example.org").count == 1)
            #expect(try await OneTimeToken.query(on: app.db).filter(\.$email == "other@example.org").count() == 1)
        }
    }
}
