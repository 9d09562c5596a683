import BlasonCore
import BlasonPersistence
import Fluent
import Foundation

/// Badges submitted to a programme: the structure shares one of its badge classes as a link with
/// the operator, answering the procedure's four questions; the operator asks for information,
/// accepts (linking it to a programme badge at a level) or rejects.
struct SubmissionService {
    let db: any Database
    let clock: Clock
    let configuration: BlasonConfiguration
    var awardHooks = AwardHooks()

    private var mail: ProgrammeMail { ProgrammeMail(db: db, clock: clock, configuration: configuration) }

    /// One submission per badge class and programme; the answers are also written as the share's
    /// instructions, so the text reads like the procedure's.
    func submit(_ referential: ProgrammeReferential, badgeClassID: UUID, by structureID: UUID, answers raw: SubmissionAnswers) async throws -> ProgrammeSubmission {
        let programme = referential.programme
        guard let badgeClass = try await BadgeClass.find(badgeClassID, on: db), badgeClass.$organisation.id == structureID else {
            throw BlasonError.invalid("badge_class", .required)
        }
        let answers = try raw.validated(against: referential.rules)
        guard let (competency, level) = referential.level(answers.competency, answers.level) else { throw BlasonError.invalid("level", .notAllowedValue(String(answers.level))) }
        if try await ProgrammeSubmission.query(on: db).filter(\.$programme.$id == programme.requireID()).filter(\.$badgeClass.$id == badgeClassID).first() != nil {
            throw BlasonError.invalid("badge_class", .alreadySubmitted)
        }
        let instructions = Self.instructions(answers, competency: competency, level: level)
        return try await db.transactionRetrying { db in
            let share = try await ShareService(db: db, clock: clock, configuration: configuration).share(
                badgeClass, by: structureID, with: programme.$operatorOrganisation.id, mode: .link, instructions: instructions, allowWithoutPartnership: true)
            let submission = ProgrammeSubmission(programmeID: try programme.requireID(), shareID: try share.requireID(), badgeClassID: badgeClassID,
                                                 structureID: structureID, levelID: level.id, answers: answers)
            do {
                try await submission.create(on: db)
            } catch let error as any DatabaseError where error.isConstraintFailure {
                throw BlasonError.invalid("badge_class", .alreadySubmitted)
            }
            // Applied first, shared after: the pending candidacy shows this submission too.
            let candidacies = try await BadgeApplication.query(on: db).filter(\.$badgeClass.$id == programme.$participantBadgeClass.id)
                .filter(\.$applicantOrganisation.$id == structureID).filter(\.$statusName == ApplicationStatus.pending.rawValue).all()
            for candidacy in candidacies {
                try await ApplicationLink(applicationID: candidacy.requireID(), kind: ProgrammeHooks.submissionLink, targetID: submission.requireID()).create(on: db)
            }
            try await Self.audit("submission.sent", submission, detail: "\(badgeClass.nameFR) — \(competency.key) \(level.number)", db: db, clock: clock)
            return submission
        }
    }

    /// The four questions and their answers, as the procedure asks them to be written.
    static func instructions(_ answers: SubmissionAnswers, competency: ProgrammeReferential.Competency, level: ProgrammeReferential.Level) -> String {
        let covered: String
        if answers.coversAll {
            covered = "Oui"
        } else {
            let skills = answers.coveredSkills.compactMap { $0 < level.skills.count ? "  - " + level.skills[$0].fr : nil }
            covered = "Non" + (skills.isEmpty ? "" : " — compétences couvertes :\n" + skills.joined(separator: "\n"))
        }
        return """
        A quel badge Région souhaitez-vous qu'il soit rattaché ? \(competency.name.fr)
        A quel Niveau correspond-il : \(level.number == 1 ? "Je pratique" : "Je maîtrise") (\(level.name.fr))
        Selon moi, il couvre toutes les compétences attendues dans le badge Région : \(covered)
        Remarques et précisions éventuelles : \(answers.remarks.isEmpty ? "—" : answers.remarks)
        """
    }

    func submissions(of structureID: UUID, in programmeID: UUID) async throws -> [ProgrammeSubmission] {
        try await ProgrammeSubmission.query(on: db).filter(\.$programme.$id == programmeID).filter(\.$structure.$id == structureID)
            .with(\.$badgeClass).sort(\.$createdAt).all()
    }

    /// The operator asks for more information; the structure is e-mailed.
    func requestInformation(_ submission: ProgrammeSubmission, by author: String, message: String) async throws {
        let text = try ApplicationService.checkedComment(message, field: "message")
        guard submission.status.isOpen else { throw BlasonError.conflict(.alreadyDecided) }
        try await db.transactionRetrying { db in
            submission.status = .infoRequested
            try await submission.save(on: db)
            try await Self.audit("submission.information-requested", submission, detail: text, db: db, clock: clock)
            try await SubmissionMessage(submissionID: submission.requireID(), fromOperator: true, authorName: author, body: text, at: clock.now).create(on: db)
            try await ProgrammeMail(db: db, clock: clock, configuration: configuration).toStructure(.submissionInfoRequested, submission, note: text)
        }
    }

    /// The structure answers; the submission is back with the operator, who is e-mailed.
    func reply(_ submission: ProgrammeSubmission, by author: String, message: String) async throws {
        let text = try ApplicationService.checkedComment(message, field: "message")
        guard submission.status.isOpen else { throw BlasonError.conflict(.alreadyDecided) }
        try await db.transactionRetrying { db in
            submission.status = .submitted
            try await submission.save(on: db)
            try await Self.audit("submission.replied", submission, detail: text, db: db, clock: clock)
            try await SubmissionMessage(submissionID: submission.requireID(), fromOperator: false, authorName: author, body: text, at: clock.now).create(on: db)
            try await ProgrammeMail(db: db, clock: clock, configuration: configuration).toOperator(.submissionReply, submission, note: text)
        }
    }

    /// Accepts, linking the badge class to the programme badge of `finalLevel` (which may differ from
    /// the one asked); with `proposeToPastEarners`, the badge's earlier earners get proposals too.
    func accept(_ submission: ProgrammeSubmission, referential: ProgrammeReferential, finalLevelID: UUID, note: String?, proposeToPastEarners: Bool) async throws {
        guard let (_, level) = referential.level(id: finalLevelID) else { throw BlasonError.invalid("final_level", .notAllowedValue(finalLevelID.uuidString)) }
        guard submission.status.isOpen else { throw BlasonError.conflict(.alreadyDecided) }
        let awardHooks = self.awardHooks
        try await db.transactionRetrying { db in
            submission.status = .accepted
            submission.$finalLevel.id = finalLevelID
            submission.decisionNote = note.nilIfBlank
            submission.decidedAt = clock.now
            try await submission.save(on: db)
            try await BadgeShare.query(on: db).filter(\.$id == submission.$share.id)
                .set(\.$statusName, to: ShareStatus.accepted.rawValue).set(\.$respondedAt, to: clock.now).update()
            let link = ProgrammeLink(programmeID: submission.$programme.id, submissionID: try submission.requireID(),
                                     partnerBadgeClassID: submission.$badgeClass.id, levelID: level.id, regionBadgeClassID: level.badgeClassID)
            try await link.create(on: db)
            try await Self.audit("submission.accepted", submission, detail: "link \(link.id?.lowercased ?? "") — level \(level.number)", db: db, clock: clock)
            try await ProgrammeMail(db: db, clock: clock, configuration: configuration).toStructure(.submissionAccepted, submission, note: note, level: level)
            if proposeToPastEarners {
                let past = try await Award.query(on: db).filter(\.$badgeClass.$id == submission.$badgeClass.id).filter(\.$revokedAt == nil)
                    .filter(\.$kindName == AwardKind.issued.rawValue).all().filter(\.isPublic)
                try await ProposalService(db: db, clock: clock, configuration: configuration, awardHooks: awardHooks).propose(for: past, links: [link])
            }
        }
    }

    /// A change of a submission goes to its structure's log and to the programme's.
    static func audit(_ action: String, _ submission: ProgrammeSubmission, detail: String, db: any Database, clock: Clock) async throws {
        let key = try await Programme.find(submission.$programme.id, on: db)?.key
        try await AuditLog(db: db, clock: clock).record(action, organisation: submission.$structure.id, programme: key, object: "submission",
                                                        id: submission.id, detail: detail)
    }

    func reject(_ submission: ProgrammeSubmission, reason: String) async throws {
        let text = try ApplicationService.checkedComment(reason, field: "reason")
        guard submission.status.isOpen else { throw BlasonError.conflict(.alreadyDecided) }
        try await db.transactionRetrying { db in
            submission.status = .rejected
            submission.decisionNote = text
            submission.decidedAt = clock.now
            try await submission.save(on: db)
            try await Self.audit("submission.rejected", submission, detail: text, db: db, clock: clock)
            try await BadgeShare.query(on: db).filter(\.$id == submission.$share.id)
                .set(\.$statusName, to: ShareStatus.declined.rawValue).set(\.$respondedAt, to: clock.now).update()
            try await ProgrammeMail(db: db, clock: clock, configuration: configuration).toStructure(.submissionRejected, submission, note: text)
        }
    }
}

/// E-mails of a programme: to a structure's contact address, or to the programme's contact.
struct ProgrammeMail {
    let db: any Database
    let clock: Clock
    let configuration: BlasonConfiguration

    func toStructure(_ event: MailComposer.Event, _ submission: ProgrammeSubmission, note: String?, level: ProgrammeReferential.Level? = nil) async throws {
        guard let structure = try await Organisation.find(submission.$structure.id, on: db) else { return }
        try await send(event, to: structure.contactEmail, name: structure.name, organisationID: structure.id, submission: submission, note: note, level: level)
    }

    func toOperator(_ event: MailComposer.Event, _ submission: ProgrammeSubmission, note: String?) async throws {
        guard let programme = try await Programme.find(submission.$programme.id, on: db) else { return }
        try await send(event, to: programme.contactEmail, name: nil, organisationID: programme.$operatorOrganisation.id, submission: submission, note: note, level: nil)
    }

    private func send(_ event: MailComposer.Event, to address: String, name: String?, organisationID: UUID?, submission: ProgrammeSubmission,
                      note: String?, level: ProgrammeReferential.Level?) async throws {
        let programme = try await Programme.find(submission.$programme.id, on: db)
        let badge = try await BadgeClass.find(submission.$badgeClass.id, on: db)
        let structure = try await Organisation.find(submission.$structure.id, on: db)
        var values = ["recipient": name ?? "", "badge": badge?.nameFR ?? "", "programme": programme?.nameFR ?? "", "note": note ?? "",
                      "organisation": structure?.name ?? "", "region": ""]
        if let level, let regionBadge = try await BadgeClass.find(level.badgeClassID, on: db) { values["region"] = regionBadge.nameFR }
        let composed = MailComposer().compose(event, language: .fr, values: values,
                                              link: SiteRoute.programmeJoin(programme?.key ?? "").absolute(configuration.publicURL), linkExpires: nil)
        try await Outbox(db: db, configuration: configuration, clock: clock).enqueue([
            Outbox.Draft(event: event, organisationID: organisationID, to: address, toName: name, language: .fr, composed: composed),
        ])
    }
}
