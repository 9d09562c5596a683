@testable import BlasonApp
import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import Testing
import VaporTesting

@Suite("La Normandie badge les compétences, end to end")
struct ProgrammeTests {
    typealias S = ProgrammeScenario

    static func json(_ response: TestingHTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
    }

    /// The whole procedure, in its order, through HTTP only.
    @Test func theWholeProcedure() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock.clock) { app in
            let region = try await S.regionReviewer(app)
            let regionID = try await S.regionID(app)
            let structure = try await S.structure(app)

            // The public presentation: the referential and the contact.
            let presentation = try await WebClient(app).get("/programmes/normandie")
            #expect(presentation.status == .ok)
            #expect(presentation.body.string.contains("Présentation des compétences attendues sur les badges Région"))
            #expect(presentation.body.string.contains("badges-formation@normandie.fr"))

            // 1. Partner with the Region, which accepts.
            let join = try await structure.client.get("/programmes/normandie/join")
            #expect(join.body.string.contains("Ajouter la Région comme partenaire"))
            #expect(join.body.string.contains("1 étape sur 6 terminée."), "only the account and organisation are done")
            #expect(join.body.string.contains("brouillon, pas encore envoyé"), "the structure's badge is listed as a draft")
            #expect(try await structure.client.post("/network/partners", [("organisation", regionID.uuidString)]).status == .seeOther)
            let partnership = try #require(try await Partnership.query(on: app.db).filter(\.$requester.$id == structure.id).first())
            try await region.get("/network")
            #expect(try await region.post("/network/partnerships/\(partnership.id!.uuidString.lowercased())/accept", []).status == .seeOther)

            // 2. Share the badge as a link, answering the four questions.
            let sent = try await S.submit(structure)
            #expect(sent.status == .seeOther, "\(sent.body.string.prefix(2000))")
            let submission = try await S.submission(app, badge: structure.badgeID)
            #expect(submission.status == .submitted)
            #expect(submission.coveredSkills == [0, 2])
            // What waits leads both dashboards of the Region: the submission to decide.
            let waiting = "<strong class=\"todo-count\">1</strong> badge(s) soumis à la démarche, en attente de décision"
            #expect(try await region.get("/programmes/normandie/dashboard").body.string.contains(waiting))
            #expect(try await region.get("/dashboard").body.string.contains(waiting))
            let share = try #require(try await BadgeShare.find(submission.$share.id, on: app.db))
            #expect(share.mode == .link && share.$partner.id == regionID && share.status == .pending)
            #expect(share.instructions.contains("A quel badge Région souhaitez-vous qu'il soit rattaché ? Organiser"))
            #expect(share.instructions.contains("Selon moi, il couvre toutes les compétences attendues dans le badge Région : Non"))
            let network = try await structure.client.get("/network")
            #expect(network.body.string.contains("Animer un atelier"))
            #expect(try await region.get("/network").body.string.contains("Animer un atelier"))

            // 3. Apply for the participant badge: the application shows the submission.
            let applyPage = try await structure.client.get("/apply/\(try await S.participantBadgeID(app).uuidString.lowercased())")
            #expect(applyPage.body.string.contains("Animer un atelier"))
            #expect(try await S.apply(app, structure).status == .seeOther)
            let candidacy = try await S.candidacy(app, structure)
            #expect(candidacy.status == .pending)
            let links = try await ApplicationLink.query(on: app.db).filter(\.$application.$id == candidacy.id!).all()
            #expect(links.map(\.targetID) == [submission.id!])

            // 4. The Region's queue shows the candidacy, its submission, and the referential beside the answers.
            let queue = try await region.get("/programmes/normandie/review")
            #expect(queue.status == .ok)
            #expect(queue.body.string.contains("Maison des jeunes de Caen"))
            let detail = try await region.get(S.path(submission))
            #expect(detail.body.string.contains("Identifier et prioriser les tâches à effectuer dans le cadre d&apos;une activité simple")
                    || detail.body.string.contains("Identifier et prioriser les tâches à effectuer dans le cadre d'une activité simple"))
            #expect(detail.body.string.contains("non couverte"))
            let reviewPage = try await region.get("/reviews/\(candidacy.id!.uuidString.lowercased())")
            #expect(reviewPage.body.string.contains(S.path(submission)))

            // 5. More information, asked and answered, e-mailed both ways.
            #expect(try await region.post(S.path(submission, "info"), [("message", "Combien d'heures dure l'atelier ?")]).status == .seeOther)
            #expect(try await S.submission(app, badge: structure.badgeID).status == .infoRequested)
            #expect(try await Mailbox.messages(app, to: structure.email).contains { $0.event == "submission-info-requested" })
            try await structure.client.get(S.path(submission))
            #expect(try await structure.client.post(S.path(submission, "reply"), [("message", "Vingt heures, sur cinq semaines.")]).status == .seeOther)
            #expect(try await Mailbox.messages(app, to: "badges-formation@normandie.fr").contains { $0.event == "submission-reply" })
            let thread = try await region.get(S.path(submission))
            #expect(thread.body.string.contains("Vingt heures, sur cinq semaines."))

            // 6. The Region accepts the submission (linked), then the candidacy (participant badge).
            #expect(try await S.accept(app, region, submission).status == .seeOther)
            let link = try #require(try await ProgrammeLink.query(on: app.db).first())
            let organiser1 = try await S.level(app, "organiser", 1)
            #expect(link.$partnerBadgeClass.id == structure.badgeID && link.$regionBadgeClass.id == organiser1.$badgeClass.id)
            let accepted = try await Mailbox.messages(app, to: structure.email).first { $0.event == "submission-accepted" }
            #expect(accepted?.textBody.contains("N'oubliez pas de demander l'endossement") == true)
            try await region.get("/reviews/\(candidacy.id!.uuidString.lowercased())")
            #expect(try await region.post("/reviews/\(candidacy.id!.uuidString.lowercased())/approve", []).status == .seeOther)
            let participant = try #require(try await Award.query(on: app.db).filter(\.$badgeClass.$id == S.participantBadgeID(app)).first())
            #expect(participant.$recipientOrganisation.id == structure.id)
            #expect(participant.recipientEmail == structure.email)
            #expect(try await WebClient(app).get("/programmes/normandie").body.string.contains("Maison des jeunes de Caen"))

            // 7. The structure asks for the endorsement of its linked badge; the Region endorses it.
            let reminder = try await structure.client.get("/programmes/normandie/join")
            #expect(reminder.body.string.contains("Demander l&apos;endossement") || reminder.body.string.contains("Demander l'endossement"))
            #expect(try await structure.client.post("/network/requests", [("partner", regionID.uuidString), ("badge_class", structure.badgeID.uuidString),
                                                                          ("message", "N'oubliez pas de demander l'endossement de ce badge à la Région.")]).status == .seeOther)
            let request = try #require(try await EndorsementRequest.query(on: app.db).filter(\.$requester.$id == structure.id).first())
            try await region.get("/network")
            #expect(try await region.post("/network/requests/\(request.id!.uuidString.lowercased())/accept",
                                          [("comment", "La Région Normandie reconnaît ce badge dans la démarche.")]).status == .seeOther)
            #expect(try await Endorsement.query(on: app.db).filter(\.$subjectBadgeClass.$id == structure.badgeID).first()?.status == .published)
            // Every step of « Rejoindre la démarche » now shows as done, the participant badge with its page.
            let done = try await structure.client.get("/programmes/normandie/join").body.string
            #expect(done.contains("6 étapes sur 6 terminées.") && done.contains("endossé par la Région") && done.contains("Votre organisation a reçu le badge participant."),
                    "\(done.prefix(4000))")

            // 8. Three earners: one Region proposal e-mail each.
            clock.advance(seconds: 5)
            try await EarnerTests.award(structure.client, structure.badgeID, "Léa Martin <lea@example.org>\nmax@example.org")
            try await EarnerTests.award(structure.client, structure.badgeID, "noe@example.org", language: "en")
            let regionBadge = organiser1.$badgeClass.id
            for earner in ["lea@example.org", "max@example.org", "noe@example.org"] {
                let proposals = try await Mailbox.messages(app, to: earner).filter { $0.event == "award-proposed" }
                #expect(proposals.count == 1, "\(earner)")
                #expect(proposals.first?.subject.contains("Organis") == true)
            }
            #expect(try await Mailbox.messages(app, to: "noe@example.org").first { $0.event == "award-proposed" }?.languageCode == "en")
            let proposals = try await Award.query(on: app.db).filter(\.$badgeClass.$id == regionBadge).all()
            #expect(proposals.count == 3 && proposals.allSatisfy { $0.kind == .proposed && $0.earnerState == .pending })

            // One accepts, one declines, one does nothing.
            func answer(_ email: String, _ action: String) async throws {
                let message = try #require(try await Mailbox.messages(app, to: email).first { $0.event == "award-proposed" })
                let claim = try #require(Mailbox.link(in: message))
                let earner = WebClient(app)
                #expect(try await earner.get(claim).status == .ok)
                #expect(try await earner.post(claim + "/\(action)", []).status == .seeOther)
            }
            try await answer("lea@example.org", "accept")
            try await answer("max@example.org", "decline")

            let lea = try #require(try await Award.query(on: app.db).filter(\.$badgeClass.$id == regionBadge).filter(\.$recipientEmail == "lea@example.org").first())
            let source = try #require(try await Award.query(on: app.db).filter(\.$badgeClass.$id == structure.badgeID).filter(\.$recipientEmail == "lea@example.org").first())
            let published = try await WebClient(app).get("/assertions/\(lea.id!.uuidString.lowercased())", headers: ["Accept": "application/ld+json"])
            #expect(published.status == .ok)
            let document = try Self.json(published)
            let evidence = try #require((document["evidence"] as? [[String: Any]])?.first ?? (document["evidence"] as? [String: Any]))
            #expect(evidence["id"] as? String == "\(TestApp.publicURL)/assertions/\(source.id!.uuidString.lowercased())")
            #expect((evidence["narrative"] as? String)?.contains("Maison des jeunes de Caen") == true)
            for email in ["max@example.org", "noe@example.org"] {
                let award = try #require(try await Award.query(on: app.db).filter(\.$badgeClass.$id == regionBadge).filter(\.$recipientEmail == email).first())
                #expect(try await WebClient(app).get("/assertions/\(award.id!.uuidString.lowercased())", headers: ["Accept": "application/ld+json"]).status == .notFound)
            }

            // Another award of the linked badge to an earner already proposed: no second proposal.
            try await EarnerTests.award(structure.client, structure.badgeID, "lea@example.org")
            #expect(try await Mailbox.messages(app, to: "lea@example.org").filter { $0.event == "award-proposed" }.count == 1)

            // The dashboard counts it all; the structure sees its own part; the CSV lists the submission.
            let dashboard = try await region.get("/programmes/normandie/dashboard")
            #expect(dashboard.status == .ok)
            #expect(dashboard.body.string.contains("<svg"))
            let referential = try await ProgrammeService(db: app.db).referential(key: "normandie")
            let figures = try await ProgrammeFigures.compute(referential, structureID: nil, db: app.db, language: .fr)
            #expect(figures.structuresApplied == 1 && figures.structuresAccepted == 1 && figures.submissions == 1 && figures.linkedBadges == 1)
            #expect(figures.proposalsSent == 3 && figures.proposalsAccepted == 1 && figures.proposalsDeclined == 1 && figures.proposalsPending == 1)
            #expect(figures.byLevel.first { $0.competency == "organiser" && $0.level == 1 }?.accepted == 1)
            #expect(try await structure.client.get("/programmes/normandie/dashboard").status == .ok)
            let csv = try await region.get("/programmes/normandie/export.csv")
            #expect(csv.headers.contentType?.description.hasPrefix("text/csv") == true)
            #expect(csv.body.string.contains("Maison des jeunes de Caen;Animer un atelier;Organiser;1;non;accepted;Organiser;1"))
        }
    }

    /// The reverse order: apply first, with the sharing done from the application page.
    @Test func applyFirstThenShareFromTheApplicationPage() async throws {
        try await TestApp.run { app in
            let structure = try await S.structure(app, slug: "centre-social", name: "Centre social du Havre", badge: "Conduire un projet")
            let applyPath = "/apply/\(try await S.participantBadgeID(app).uuidString.lowercased())"
            let page = try await structure.client.get(applyPath)
            #expect(page.body.string.contains("/programmes/normandie/join?then=apply"))
            // Sending it now is refused, in French, and nothing is written.
            let refused = try await S.apply(app, structure)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("au moins un badge"))
            #expect(try await BadgeApplication.query(on: app.db).count() == 0)
            // The structure follows the link, submits its badge, and is sent back to the application.
            let form = try await structure.client.get("/programmes/normandie/join?then=apply")
            #expect(form.body.string.contains("name=\"then\" value=\"apply\""))
            let sent = try await structure.client.post("/programmes/normandie/join", [
                ("badge_class", structure.badgeID.uuidString), ("competency", "adapter"), ("level", "2"), ("covers_all", "yes"), ("remarks", ""), ("then", "apply"),
            ])
            #expect(WebClient.location(sent) == applyPath)
            #expect(try await S.apply(app, structure).status == .seeOther)
            let candidacy = try await S.candidacy(app, structure)
            #expect(try await ApplicationLink.query(on: app.db).filter(\.$application.$id == candidacy.id!).count() == 1)
            // The candidacy came before any partnership: accepting it makes them partners.
            let region = try await S.regionReviewer(app)
            let submission = try await S.submission(app, badge: structure.badgeID)
            // The Region keeps Adapter but at level I.
            let adapter1 = try await S.level(app, "adapter", 1)
            #expect(try await S.accept(app, region, submission, level: adapter1).status == .seeOther)
            #expect(try await ProgrammeLink.query(on: app.db).first()?.$regionBadgeClass.id == adapter1.$badgeClass.id)
            try await region.get("/reviews/\(candidacy.id!.uuidString.lowercased())")
            #expect(try await region.post("/reviews/\(candidacy.id!.uuidString.lowercased())/approve", []).status == .seeOther)
            #expect(try await NetworkService(db: app.db, clock: .system, configuration: app.blason.configuration).isPartner(structure.id, S.regionID(app)))
        }
    }

    /// On accepting, the Region may also propose its badge to the partner badge's past earners.
    @Test func pastEarnersGetProposalsOnlyWhenChosen() async throws {
        try await TestApp.run { app in
            let region = try await S.regionReviewer(app)
            let first = try await S.structure(app)
            try await EarnerTests.award(first.client, first.badgeID, "ancien1@example.org\nancien2@example.org")
            try await S.submit(first)
            let submission = try await S.submission(app, badge: first.badgeID)
            let page = try await region.get(S.path(submission))
            #expect(page.body.string.contains("aux 2 personnes qui ont déjà obtenu ce badge"))
            try await S.accept(app, region, submission)
            #expect(try await Mailbox.messages(app, to: "ancien1@example.org").filter { $0.event == "award-proposed" }.isEmpty)

            let second = try await S.structure(app, slug: "mission-locale", name: "Mission locale", badge: "Travailler en équipe")
            try await EarnerTests.award(second.client, second.badgeID, "ancien3@example.org")
            try await S.submit(second, competency: "s-integrer", level: "2", coversAll: true, skills: [])
            let other = try await S.submission(app, badge: second.badgeID)
            try await S.accept(app, region, other, proposePast: true)
            #expect(try await Mailbox.messages(app, to: "ancien3@example.org").filter { $0.event == "award-proposed" }.count == 1)
        }
    }
}
