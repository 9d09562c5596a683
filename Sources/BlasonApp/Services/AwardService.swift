import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import OpenBadges
import SQLKit

/// Issuing and revoking awards.
struct AwardService {
    let db: any Database
    let clock: Clock
    let configuration: BlasonConfiguration
    var hooks = AwardHooks()

    /// Rows per INSERT: SQLite caps bound parameters per statement, and one award binds about 16.
    static let insertBatch = 500

    /// Awards `badgeClass` to every recipient of the draft, all or nothing: one transaction, batched inserts.
    /// `awardedBy`: the partner awarding a badge class shared with it as a link (the badge and its
    /// issuer stay the sharer's).
    func issue(_ badgeClass: BadgeClass, draft: AwardDraft, issuedBy userID: UUID?, awardedBy: UUID? = nil) async throws -> [Award] {
        guard !badgeClass.isArchived else { throw BlasonError.conflict(.badgeClassArchived) }
        let awards = try prepare(badgeClass, draft: try await inEarnersLanguages(draft), issuedBy: userID)
        awards.forEach { $0.$awardedBy.id = awardedBy }
        try await db.transactionRetrying { db in
            try await AwardService(db: db, clock: clock, configuration: configuration, hooks: hooks).insert(awards, badgeClass: badgeClass)
        }
        return awards
    }

    /// The draft with a language for every recipient the issuer left to their own: the one their
    /// account chose (from any of its confirmed addresses), else French.
    func inEarnersLanguages(_ draft: AwardDraft) async throws -> AwardDraft {
        guard draft.language == nil else { return draft }
        let open = draft.recipients.filter { $0.language == nil }.map(\.email.value)
        guard !open.isEmpty else { return draft }
        var known: [String: Language] = [:]
        for start in stride(from: 0, to: open.count, by: 500) {
            let owned = try await UserEmail.query(on: db).filter(\.$email ~~ Array(open[start..<min(start + 500, open.count)]))
                .filter(\.$verifiedAt != nil).with(\.$user).all()
            for record in owned { known[record.email] = record.user.language }
        }
        var resolved = draft
        resolved.recipients = draft.recipients.map { recipient in
            var recipient = recipient
            if recipient.language == nil { recipient.language = known[recipient.email.value] ?? .fr }
            return recipient
        }
        return resolved
    }

    /// The awards of a draft, validated, not yet stored.
    func prepare(_ badgeClass: BadgeClass, draft: AwardDraft, issuedBy userID: UUID?) throws -> [Award] {
        guard !badgeClass.isArchived else { throw BlasonError.conflict(.badgeClassArchived) }
        let draft = try draft.validated(now: clock.now)
        let badgeClassID = try badgeClass.requireID()
        let organisationID = badgeClass.$organisation.id
        let expires = draft.expires ?? badgeClass.expiry?.expiry(after: draft.issuedOn)
        let awards = draft.recipients.map { recipient in
            let salt = SecureToken.hex()
            return Award(
                id: UUID(), badgeClassID: badgeClassID, organisationID: organisationID, recipient: recipient, salt: salt,
                identityHash: OB2.IdentityObject.hash(recipient.email.value, salt: salt),
                issuedOn: draft.issuedOn, expires: expires,
                evidenceURL: recipient.evidenceURL ?? draft.evidenceURL, narrative: recipient.narrative ?? draft.narrative,
                issuedByUserID: userID, kind: draft.kind, language: recipient.language ?? draft.language ?? .fr)
        }
        for (award, recipient) in zip(awards, draft.recipients) { award.$recipientOrganisation.id = recipient.organisationID }
        return awards
    }

    /// Stores awards and queues their e-mails on `db`, which must be a transaction: no award without
    /// its e-mail, no e-mail without its award. Other features (applications) call it inside their own.
    func insert(_ awards: [Award], badgeClass: BadgeClass) async throws {
        let first = try await StatusAllocator(db: db).allocate(badgeClass.$organisation.id, count: awards.count)
        for (offset, award) in awards.enumerated() { award.statusIndex = first + offset }
        for start in stride(from: 0, to: awards.count, by: Self.insertBatch) {
            try await Array(awards[start..<min(start + Self.insertBatch, awards.count)]).create(on: db)
        }
        try await AwardMail(db: db, configuration: configuration, clock: clock).queue(awards, badgeClass: badgeClass)
        if let first = awards.first {
            let action = first.kind == .proposed ? "award.proposed" : "award.issued"
            try await AuditLog(db: db, clock: clock).record(action, organisation: first.$awardedBy.id ?? first.$organisation.id, object: "badge-class",
                                                            id: badgeClass.id, detail: "\(badgeClass.nameFR) — \(awards.count)")
        }
        for hook in hooks.afterIssue { try await hook(awards, badgeClass, db) }
    }

    /// Sends the earner a fresh claim link; earlier links of the award stop working. Only while the
    /// earner has something to answer (a link to an answered award would only say "already used"),
    /// and only when the e-mail can go (else the old link would die for nothing).
    func resend(_ award: Award) async throws {
        guard [.pending, .hidden].contains(award.earnerState), !award.isRevoked else { throw BlasonError.conflict(.notAllowedNow) }
        guard try await NotificationSettings(db: db).silenced(.awardMail, emails: [award.recipientEmail]).isEmpty else {
            throw BlasonError.conflict(.earnerMailOff)
        }
        let badgeClass = try await award.$badgeClass.get(on: db)
        try await db.transactionRetrying { db in
            try await OneTimeLinks(db: db, clock: clock).retireAwardLinks(award.requireID())
            try await AwardMail(db: db, configuration: configuration, clock: clock).queue([award], badgeClass: badgeClass)
        }
    }

    /// Revokes with a reason; revoking twice is refused rather than silently rewriting the first reason.
    func revoke(_ award: Award, reason: String) async throws {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw BlasonError.invalid("reason", .required) }
        guard reason.count <= 1000 else { throw BlasonError.invalid("reason", .tooLong(max: 1000)) }
        guard !award.isRevoked else { throw BlasonError.conflict(.alreadyRevoked) }
        let now = clock.now
        let hooks = self.hooks
        try await db.transactionRetrying { db in
            // A conditional update: of two revocations racing, only one finds the award unrevoked.
            let changed = try await (db as! any SQLDatabase).update(Award.schema)
                .set("revoked_at", to: now)
                .set("revocation_reason", to: reason)
                .where("id", .equal, award.requireID())
                .where("revoked_at", .is, SQLLiteral.null)
                .returning("id")
                .all()
            guard !changed.isEmpty else { throw BlasonError.conflict(.alreadyRevoked) }
            award.revokedAt = now
            award.revocationReason = reason
            try await AuditLog(db: db, clock: clock).record("award.revoked", organisation: award.$awardedBy.id ?? award.$organisation.id,
                                                            object: "award", id: award.id, detail: reason)
            for hook in hooks.afterRevoke { try await hook(award, db) }
        }
    }

    /// An award of `organisationID` (nil: any organisation, for public pages and the command line).
    /// An award of `organisationID`'s, or one it made of a badge shared with it as a link.
    func find(_ id: UUID, in organisationID: UUID?) async throws -> Award {
        guard let award = try await Award.query(on: db).filter(\.$id == id).with(\.$badgeClass).first(),
              organisationID == nil || award.$organisation.id == organisationID || award.$awardedBy.id == organisationID else {
            throw BlasonError.notFound
        }
        return award
    }

    /// An award as the public may see it: proposals not yet accepted, declined ones and withdrawn
    /// ones do not exist for anyone but the earner and the issuer.
    func findPublic(_ id: UUID) async throws -> Award {
        let award = try await find(id, in: nil)
        guard award.isPublic else { throw BlasonError.notFound }
        return award
    }

    /// The award as its public JSON-LD assertion needs it, in one query of its own columns. This
    /// is the URL every verifier asks for: loading the award with its badge class (image
    /// included) through Fluent, whose models are read by reflection, cost several times the rest
    /// of the request, and the document names the badge class by URL only. The `Award` returned
    /// has no badge class loaded.
    func findPublicAssertion(_ id: UUID) async throws -> Award {
        let sql = db as! any SQLDatabase
        guard let row = try await sql.raw("""
            SELECT badge_class_id, organisation_id, salt, identity_hash, issued_on, expires, evidence_url, narrative,
                   revoked_at, revocation_reason, kind, earner_state FROM awards WHERE id = \(bind: id)
            """).first() else { throw BlasonError.notFound }
        let award = Award()
        award.id = id
        award.$badgeClass.id = try row.decode(column: "badge_class_id", as: UUID.self)
        award.$organisation.id = try row.decode(column: "organisation_id", as: UUID.self)
        award.salt = try row.decode(column: "salt", as: String.self)
        award.identityHash = try row.decode(column: "identity_hash", as: String.self)
        award.issuedOn = try row.decode(column: "issued_on", as: Date.self)
        award.expires = try row.decode(column: "expires", as: Date?.self)
        award.evidenceURL = try row.decode(column: "evidence_url", as: String?.self)
        award.narrative = try row.decode(column: "narrative", as: String?.self)
        award.revokedAt = try row.decode(column: "revoked_at", as: Date?.self)
        award.revocationReason = try row.decode(column: "revocation_reason", as: String?.self)
        award.kindName = try row.decode(column: "kind", as: String.self)
        award.earnerStateName = try row.decode(column: "earner_state", as: String.self)
        guard award.isPublic else { throw BlasonError.notFound }
        return award
    }

    func status(of award: Award) -> AwardStatus {
        if award.isRevoked { return .revoked }
        switch (award.kind, award.earnerState) {
        case (_, .withdrawn): return .withdrawn
        case (.proposed, .declined): return .declined
        case (.proposed, .pending), (.proposed, .hidden): return .proposed
        default: break
        }
        if award.isExpired(at: clock.now) { return .expired }
        return .valid
    }
}
