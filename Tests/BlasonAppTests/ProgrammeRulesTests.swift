@testable import BlasonApp
import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import Testing
import VaporTesting

@Suite("The programme: seeded texts and bad input")
struct ProgrammeRulesTests {
    typealias S = ProgrammeScenario

    /// The procedure as the Region wrote it, beside this repository (`shared/program`), or where
    /// `BLASON_PROGRAMME_PROCEDURE` points.
    static func procedure() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = ProcessInfo.processInfo.environment["BLASON_PROGRAMME_PROCEDURE"]
            ?? root.deletingLastPathComponent().appendingPathComponent("shared/program/normandie-badge-les-competences.txt").path
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    /// The table at the end of the procedure: competency name → its paragraph, tags removed.
    static func table(_ text: String) -> [String: String] {
        var rows: [String: String] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("<p>") && line.contains("\t") {
            let cells = line.split(separator: "\t").map {
                $0.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression).trimmingCharacters(in: .whitespaces)
            }
            if cells.count == 2 { rows[cells[0]] = cells[1] }
        }
        return rows
    }

    @Test func seededTextsMatchTheProcedure() async throws {
        let text = try Self.procedure()
        let rows = Self.table(text)
        try await TestApp.run { app in
            let programme = try await S.programme(app)
            #expect(programme.contactEmail == "badges-formation@normandie.fr")
            #expect(text.contains("merci d'envoyer un message à : \(programme.contactEmail)"))
            #expect(rows["Pour rappel"]?.contains(programme.levelReminder) == true)
            let competencies = try await ProgrammeCompetency.query(on: app.db).filter(\.$programme.$id == programme.id!).with(\.$levels).sort(\.$position).all()
            #expect(competencies.map(\.key) == ["communiquer", "organiser", "adapter", "s-integrer"])
            var levels = 0
            for competency in competencies {
                let heading = competency.nameFR.uppercased().replacingOccurrences(of: "É", with: "E")
                let paragraph = try #require(rows[heading], "\(heading)")
                #expect(competency.presentation == paragraph)
                for level in competency.levels {
                    levels += 1
                    // The level's own words, verbatim, and each expected skill of its checklist within them.
                    #expect(paragraph.contains(level.procedureText), "\(competency.key) \(level.number)")
                    #expect(!level.expectedSkills.isEmpty)
                    for skill in level.expectedSkills {
                        let words = skill.fr.lowercased().folding(options: .diacriticInsensitive, locale: nil)
                        #expect(level.procedureText.lowercased().folding(options: .diacriticInsensitive, locale: nil).contains(words),
                                "\(competency.key) \(level.number): \(skill.fr)")
                    }
                    let badge = try #require(try await BadgeClass.find(level.$badgeClass.id, on: app.db))
                    #expect(badge.descriptionFR.contains(level.procedureText))
                }
            }
            #expect(levels == 8)
            // The public page shows the eight texts and the contact.
            let page = try await WebClient(app).get("/programmes/normandie").body.string
            for competency in competencies {
                for level in competency.levels {
                    #expect(page.contains(level.expectedSkills[0].fr.replacingOccurrences(of: "'", with: "&apos;"))
                            || page.contains(level.expectedSkills[0].fr))
                }
            }
            #expect(page.contains("badges-formation@normandie.fr"))
        }
    }

    @Test func badInputIsRefusedAndChangesNothing() async throws {
        try await TestApp.run { app in
            let region = try await S.regionReviewer(app)
            let structure = try await S.structure(app)

            // Applying with no submission.
            let early = try await S.apply(app, structure)
            #expect(early.status == .unprocessableEntity)
            #expect(early.body.string.contains("partagez d&apos;abord au moins un badge") || early.body.string.contains("partagez d'abord au moins un badge"))
            #expect(try await BadgeApplication.query(on: app.db).count() == 0)

            // A fifth Region badge, a third level, no level: the form comes back in French, nothing written.
            let fifth = try await S.submit(structure, competency: "creer")
            #expect(fifth.status == .unprocessableEntity)
            #expect(fifth.body.string.contains("creer"))
            let third = try await S.submit(structure, competency: "adapter", level: "3")
            #expect(third.status == .unprocessableEntity)
            let wrongSkill = try await S.submit(structure, competency: "communiquer", level: "1", skills: [7])
            #expect(wrongSkill.status == .unprocessableEntity)
            #expect(try await ProgrammeSubmission.query(on: app.db).count() == 0)
            #expect(try await BadgeShare.query(on: app.db).count() == 0)

            // A badge of another organisation cannot be submitted.
            let other = try await S.structure(app, slug: "autre-structure", name: "Autre structure", badge: "Cuisiner")
            #expect(try await S.submit(structure, badge: other.badgeID).status == .unprocessableEntity)

            // One submission per badge.
            #expect(try await S.submit(structure).status == .seeOther)
            let again = try await S.submit(structure, competency: "communiquer", level: "2", skills: [1])
            #expect(again.status == .unprocessableEntity)
            #expect(again.body.string.contains("déjà soumis"))
            #expect(try await ProgrammeSubmission.query(on: app.db).count() == 1)

            // Another structure may not read it, nor answer for it; a stranger signed out is sent to sign in.
            let submission = try await S.submission(app, badge: structure.badgeID)
            try await other.client.get("/dashboard")
            #expect(try await other.client.get(S.path(submission)).status == .forbidden)
            #expect(try await other.client.post(S.path(submission, "reply"), [("message", "Intrusion")]).status == .forbidden)
            #expect(try await WebClient(app).get(S.path(submission)).status != .ok)
            // …nor act as the Region.
            #expect(try await structure.client.post(S.path(submission, "accept"), [("final_level", submission.$requestedLevel.id.uuidString)]).status == .forbidden)
            #expect(try await structure.client.get("/programmes/normandie/review").status == .forbidden)

            // Accepting the candidacy with no accepted submission.
            #expect(try await S.apply(app, structure).status == .seeOther)
            let candidacy = try await S.candidacy(app, structure)
            try await region.get("/reviews/\(candidacy.id!.uuidString.lowercased())")
            let premature = try await region.post("/reviews/\(candidacy.id!.uuidString.lowercased())/approve", [])
            #expect(premature.status == .unprocessableEntity)
            #expect(premature.body.string.contains("aucun badge soumis n&apos;a encore été accepté") || premature.body.string.contains("aucun badge soumis n'a encore été accepté"))
            #expect(try await ApplicationScenario.reload(app, candidacy).status == .pending)
            #expect(try await Award.query(on: app.db).filter(\.$badgeClass.$id == S.participantBadgeID(app)).count() == 0)

            // Accepting at a level that does not exist, or twice.
            try await region.get(S.path(submission))
            #expect(try await region.post(S.path(submission, "accept"), [("final_level", UUID().uuidString)]).status == .unprocessableEntity)
            #expect(try await ProgrammeLink.query(on: app.db).count() == 0)
            #expect(try await S.accept(app, region, submission).status == .seeOther)
            #expect(try await S.accept(app, region, submission).status == .conflict)
            #expect(try await ProgrammeLink.query(on: app.db).count() == 1)
            // Rejecting needs a reason.
            let second = try await Scenario.badgeClass(structure.client, name: "Deuxième badge")
            try await S.submit(structure, badge: second)
            let secondSubmission = try await S.submission(app, badge: second)
            try await region.get(S.path(secondSubmission))
            #expect(try await region.post(S.path(secondSubmission, "reject"), [("reason", " ")]).status == .unprocessableEntity)
            #expect(try await S.submission(app, badge: second).status == .submitted)
        }
    }

    /// The Region proposes its badge to past earners while the structure revokes some of their
    /// awards: whatever the order, no valid proposal is left from a revoked award.
    @Test func aProposalRacingARevocationLeavesNoValidProposal() async throws {
        try await TestApp.run { app in
            let region = try await S.regionReviewer(app)
            let structure = try await S.structure(app)
            let earners = (1...8).map { "personne\($0)@example.org" }
            try await EarnerTests.award(structure.client, structure.badgeID, earners.joined(separator: "\n"))
            try await S.submit(structure)
            let submission = try await S.submission(app, badge: structure.badgeID)
            try await region.get(S.path(submission))
            try await structure.client.get("/issuer/awards")
            let awards = try await Award.query(on: app.db).filter(\.$badgeClass.$id == structure.badgeID).sort(\.$recipientEmail).all()
            let revoked = Array(awards.prefix(4))
            let chosen = submission.$requestedLevel.id.uuidString
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    _ = try await region.post(S.path(submission, "accept"), [("final_level", chosen), ("propose_past", "on")])
                }
                for award in revoked {
                    group.addTask {
                        let revoker = structure.client
                        _ = try await revoker.post("/issuer/awards/\(award.id!.uuidString.lowercased())/revoke", [("reason", "Délivré par erreur")])
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await ProgrammeLink.query(on: app.db).count() == 1)
            let level = try #require(try await ProgrammeLevel.find(submission.$requestedLevel.id, on: app.db))
            let proposals = try await Award.query(on: app.db).filter(\.$badgeClass.$id == level.$badgeClass.id).all()
            for award in try await Award.query(on: app.db).filter(\.$badgeClass.$id == structure.badgeID).all() {
                let made = proposals.filter { $0.sourceAwardID == award.id }
                if award.isRevoked {
                    #expect(made.allSatisfy { $0.earnerState == .withdrawn }, "\(award.recipientEmail)")
                } else {
                    #expect(made.count == 1 && made[0].earnerState == .pending, "\(award.recipientEmail)")
                }
            }
            #expect(try await Award.query(on: app.db).filter(\.$badgeClass.$id == structure.badgeID).filter(\.$revokedAt != nil).count() == 4)
            // A withdrawn proposal's link no longer works, and its award is not public.
            for proposal in proposals where proposal.earnerState == .withdrawn {
                #expect(try await WebClient(app).get("/assertions/\(proposal.id!.uuidString.lowercased())", headers: ["Accept": "application/ld+json"]).status == .notFound)
            }
        }
    }
}
