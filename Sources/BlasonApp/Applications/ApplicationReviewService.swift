import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import SQLKit

/// The reviewers' side: who may review what, decisions, jury votes, comments.
struct ApplicationReviewService {
    let db: any Database
    let clock: Clock
    let configuration: BlasonConfiguration
    let hooks: ApplicationHooks
    var awardHooks = AwardHooks()

    struct ApproveOptions: Sendable {
        /// Added to the approval e-mail.
        var message: String?
        /// The approval e-mail's whole text as the reviewer edited it (the note is then not added).
        var body: String?
        var expires: Date?
        /// Published with the award as its narrative, after the badge class's criteria.
        var criteriaAddendum: String?
    }

    /// What a user may do on a form's applications.
    struct Rights: Equatable, Sendable {
        var decide = false
        var vote = false
        var isFinalReviewer = false
        /// Sees the application and writes in its thread without deciding or voting.
        var follow = false
        var canSee: Bool { decide || vote || follow }
    }

    func rights(of userID: UUID?, memberships: [RequestContext.Membership], form: ApplicationForm) async throws -> Rights {
        guard let userID else { return Rights() }
        var rights = Rights()
        let organisationReviewer = memberships.contains { $0.organisationID == form.$organisation.id && $0.role.grants(.reviewer) }
        if organisationReviewer { rights.decide = true }
        // A jury with a final reviewer decides through its votes and that one person: the
        // organisation's other reviewers follow the application but may not short-cut the jury.
        if organisationReviewer, form.reviewMethod == .jury,
           try await ApplicationReviewer.query(on: db).filter(\.$form.$id == form.requireID()).filter(\.$roleName == ApplicationReviewer.Role.final.rawValue).first() != nil {
            rights.decide = false
            rights.follow = true
        }
        let rows = try await ApplicationReviewer.query(on: db).filter(\.$form.$id == form.requireID()).filter(\.$user.$id == userID).all()
        for row in rows {
            switch row.role {
            case .jury: rights.vote = form.reviewMethod == .jury
            case .final: rights.decide = true; rights.isFinalReviewer = true
            case .outside: rights.decide = true
            }
        }
        return rights
    }

    /// 403 unless the user may review this application.
    func requireRights(_ application: BadgeApplication, userID: UUID?, memberships: [RequestContext.Membership]) async throws -> (ApplicationForm, Rights) {
        let form = try await application.$form.get(on: db)
        let rights = try await rights(of: userID, memberships: memberships, form: form)
        guard rights.canSee else { throw userID == nil ? BlasonError.unauthenticated : BlasonError.forbidden }
        return (form, rights)
    }

    // MARK: Decisions

    func approve(_ application: BadgeApplication, form: ApplicationForm, by userID: UUID?, authorName: String, options: ApproveOptions) async throws {
        try await db.transactionRetrying { db in
            let service = ApplicationReviewService(db: db, clock: clock, configuration: configuration, hooks: hooks, awardHooks: awardHooks)
            let unmet = try await hooks.unmet(\.beforeApprove, form: form, application: application, db: db, t: Localizer(language: .fr))
            guard unmet.isEmpty else { throw BlasonError.invalid([FieldIssue(field: nil, problem: .preconditionFailed(unmet.joined(separator: " ; ")))]) }
            try await service.transition(application, to: .approved, note: options.message)
            let badgeClass = try await application.$badgeClass.get(on: db)
            guard let email = EmailAddress(application.applicantEmail) else { throw BlasonError.invalid("email", .invalidEmail(application.applicantEmail)) }
            let awards = AwardService(db: db, clock: clock, configuration: configuration, hooks: awardHooks)
            let draft = AwardDraft(
                recipients: [Recipient(email: email, name: application.applicantName, language: application.language,
                                       organisationID: application.$applicantOrganisation.id)],
                issuedOn: clock.now, expires: options.expires, narrative: options.criteriaAddendum.nilIfBlank, language: application.language)
            let issued = try awards.prepare(badgeClass, draft: draft, issuedBy: userID)
            try await awards.insert(issued, badgeClass: badgeClass)
            application.$award.id = issued.first?.id
            try await application.save(on: db)
            try await service.record(application, .approved, userID: userID, authorName: authorName, body: options.message ?? "")
            try await ApplicationMail(db: db, clock: clock, configuration: configuration).send(.applicationApproved, application, note: options.message, body: options.body)
            try await hooks.run(\.afterApprove, form: form, application: application, db: db)
        }
    }

    func returnForRevision(_ application: BadgeApplication, by userID: UUID?, authorName: String, comment: String) async throws {
        let text = try ApplicationService.checkedComment(comment)
        try await db.transactionRetrying { db in
            let service = ApplicationReviewService(db: db, clock: clock, configuration: configuration, hooks: hooks, awardHooks: awardHooks)
            try await service.transition(application, to: .returned, note: text)
            try await service.record(application, .returned, userID: userID, authorName: authorName, body: text)
            try await ApplicationMail(db: db, clock: clock, configuration: configuration).send(.applicationReturned, application, note: text)
        }
    }

    func reject(_ application: BadgeApplication, by userID: UUID?, authorName: String, reason: String) async throws {
        let text = try ApplicationService.checkedComment(reason, field: "reason")
        try await db.transactionRetrying { db in
            let service = ApplicationReviewService(db: db, clock: clock, configuration: configuration, hooks: hooks, awardHooks: awardHooks)
            try await service.transition(application, to: .rejected, note: text)
            try await service.record(application, .rejected, userID: userID, authorName: authorName, body: text)
            try await ApplicationMail(db: db, clock: clock, configuration: configuration).send(.applicationRejected, application, note: text)
        }
    }

    /// A jury member's vote on the current revision (a new vote replaces their earlier one). Without
    /// a final reviewer, reaching the threshold (or making it unreachable) decides; with one, the
    /// tally is their advice and they decide.
    func vote(_ application: BadgeApplication, form: ApplicationForm, userID: UUID, authorName: String, inFavour: Bool, comment: String) async throws {
        guard application.status == .pending else { throw BlasonError.conflict(.alreadyDecided) }
        let votes = try await ApplicationEvent.query(on: db).filter(\.$application.$id == application.requireID())
            .filter(\.$kindName == ApplicationEvent.Kind.vote.rawValue).filter(\.$revision == application.revision).all()
        for earlier in votes where earlier.$author.id == userID { try await earlier.delete(on: db) }
        try await record(application, .vote, userID: userID, authorName: authorName,
                         body: comment.trimmingCharacters(in: .whitespacesAndNewlines), vote: inFavour, reviewersOnly: true)
        let reviewers = try await ApplicationReviewer.query(on: db).filter(\.$form.$id == form.requireID()).all()
        guard !reviewers.contains(where: { $0.role == .final }) else { return }
        switch try await tally(application, form: form) {
        case .approved:
            try await approve(application, form: form, by: nil, authorName: "jury", options: .init())
        case .rejected:
            try await reject(application, by: nil, authorName: "jury", reason: Localizer(language: application.language).pick(
                "Le jury n'a pas retenu la demande.", "The jury did not approve the application."))
        case .undecided:
            break
        }
    }

    func tally(_ application: BadgeApplication, form: ApplicationForm) async throws -> JuryOutcome {
        let members = try await ApplicationReviewer.query(on: db).filter(\.$form.$id == form.requireID())
            .filter(\.$roleName == ApplicationReviewer.Role.jury.rawValue).count()
        let votes = try await ApplicationEvent.query(on: db).filter(\.$application.$id == application.requireID())
            .filter(\.$kindName == ApplicationEvent.Kind.vote.rawValue).filter(\.$revision == application.revision).all()
        return JuryOutcome.tally(yes: votes.filter { $0.vote == true }.count, no: votes.filter { $0.vote == false }.count,
                                 members: members, threshold: form.juryThreshold)
    }

    /// A reviewer's message: to the applicant (e-mailed), or an internal note for reviewers only.
    func comment(_ application: BadgeApplication, userID: UUID, authorName: String, body: String, isInternal: Bool) async throws {
        let text = try ApplicationService.checkedComment(body, field: "body")
        try await db.transactionRetrying { db in
            let service = ApplicationReviewService(db: db, clock: clock, configuration: configuration, hooks: hooks, awardHooks: awardHooks)
            try await service.record(application, .comment, userID: userID, authorName: authorName, body: text, reviewersOnly: isInternal)
            if !isInternal {
                try await ApplicationMail(db: db, clock: clock, configuration: configuration).send(.applicationComment, application, note: text)
            }
        }
    }

    /// Moves a pending application to `status`, guarded on the state read: deciding twice, or two
    /// reviewers deciding at once, leaves exactly one decision.
    private func transition(_ application: BadgeApplication, to status: ApplicationStatus, note: String?) async throws {
        let changed = try await (db as! any SQLDatabase).update(BadgeApplication.schema)
            .set("status", to: status.rawValue)
            .set("decided_at", to: status.isDecided ? clock.now : nil)
            .set("decision_note", to: note)
            .where("id", .equal, application.requireID())
            .where("status", .equal, ApplicationStatus.pending.rawValue)
            .returning("id").all()
        guard !changed.isEmpty else { throw BlasonError.conflict(.alreadyDecided) }
        application.status = status
        application.decidedAt = status.isDecided ? clock.now : nil
        application.decisionNote = note
        // A candidacy for a programme's participant badge is part of that programme's procedure.
        let programme = try await Programme.query(on: db).filter(\.$participantBadgeClass.$id == application.$badgeClass.id).first()?.key
        try await AuditLog(db: db, clock: clock).record("application.\(status.rawValue)", organisation: application.$organisation.id, programme: programme,
                                                        object: "application", id: application.id, detail: application.applicantName)
    }

    private func record(_ application: BadgeApplication, _ kind: ApplicationEvent.Kind, userID: UUID?, authorName: String, body: String,
                        vote: Bool? = nil, reviewersOnly: Bool = false) async throws {
        try await ApplicationEvent(applicationID: application.requireID(), kind: kind, authorUserID: userID, authorName: authorName,
                                   fromApplicant: false, reviewersOnly: reviewersOnly, body: body, vote: vote,
                                   revision: application.revision, at: clock.now).create(on: db)
    }
}
