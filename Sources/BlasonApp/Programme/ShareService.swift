import BlasonCore
import BlasonPersistence
import Fluent
import Foundation

/// Sharing a badge class with partners, as a link or as a copy.
struct ShareService {
    let db: any Database
    let clock: Clock
    let configuration: BlasonConfiguration

    /// Offers `badgeClass` (of `sharerID`) to a partner. A programme operator may also be offered a
    /// badge without a partnership yet: the programme makes them partners when it accepts.
    func share(_ badgeClass: BadgeClass, by sharerID: UUID, with partnerID: UUID, mode: ShareMode, instructions: String,
               allowWithoutPartnership: Bool = false) async throws -> BadgeShare {
        guard badgeClass.$organisation.id == sharerID else { throw BlasonError.notFound }
        guard partnerID != sharerID else { throw BlasonError.invalid("partners", .partnerSelf) }
        guard !badgeClass.isArchived else { throw BlasonError.conflict(.badgeClassArchived) }
        if !allowWithoutPartnership {
            guard try await NetworkService(db: db, clock: clock, configuration: configuration).isPartner(sharerID, partnerID) else {
                throw BlasonError.invalid("partners", .notPartner)
            }
        }
        let text = instructions.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count <= 10_000 else { throw BlasonError.invalid("instructions", .tooLong(max: 10_000)) }
        let existing = try await BadgeShare.query(on: db).filter(\.$badgeClass.$id == badgeClass.requireID()).filter(\.$partner.$id == partnerID)
            .filter(\.$statusName ~~ [ShareStatus.pending.rawValue, ShareStatus.accepted.rawValue]).first()
        guard existing == nil else { throw BlasonError.invalid("partners", .alreadyShared) }
        let share = BadgeShare(badgeClassID: try badgeClass.requireID(), sharerID: sharerID, partnerID: partnerID, mode: mode, instructions: text)
        try await db.transactionRetrying { db in
            try await share.create(on: db)
            try await AuditLog(db: db, clock: clock).record("share.sent", organisation: sharerID, object: "share", id: share.id,
                                                            detail: "\(badgeClass.nameFR) → \(partnerID.lowercased) (\(mode.rawValue))")
        }
        return share
    }

    /// The receiving partner accepts (a copy becomes its own badge class) or declines.
    func respond(_ shareID: UUID, by partnerID: UUID, accept: Bool) async throws {
        guard let share = try await BadgeShare.query(on: db).filter(\.$id == shareID).with(\.$badgeClass).first() else { throw BlasonError.notFound }
        guard share.$partner.id == partnerID else { throw share.$sharer.id == partnerID ? BlasonError.forbidden : BlasonError.notFound }
        guard share.status == .pending else { throw BlasonError.conflict(.notAllowedNow) }
        // A badge submitted to a programme is answered by the programme's review, not here.
        if try await ProgrammeSubmission.query(on: db).filter(\.$share.$id == shareID).count() > 0 { throw BlasonError.conflict(.notAllowedNow) }
        try await db.transactionRetrying { db in
            if accept, share.mode == .copy {
                let original = share.badgeClass
                let copy = BadgeClass(organisationID: partnerID, draft: original.draft, imageData: original.imageData, imageType: original.imageType)
                try await copy.create(on: db)
                share.$copy.id = copy.id
            }
            share.status = accept ? .accepted : .declined
            share.respondedAt = clock.now
            try await share.save(on: db)
            try await AuditLog(db: db, clock: clock).record(accept ? "share.accepted" : "share.declined", organisation: partnerID, object: "share",
                                                            id: share.id, detail: share.badgeClass.nameFR)
        }
    }

    /// The sharer ends a share: the partner can no longer award a linked badge.
    func end(_ shareID: UUID, by sharerID: UUID) async throws {
        guard let share = try await BadgeShare.find(shareID, on: db), share.$sharer.id == sharerID else { throw BlasonError.notFound }
        guard share.status == .pending || share.status == .accepted else { throw BlasonError.conflict(.notAllowedNow) }
        let now = clock.now
        try await db.transactionRetrying { db in
            share.status = .ended
            share.endedAt = now
            try await share.save(on: db)
            try await AuditLog(db: db, clock: clock).record("share.ended", organisation: sharerID, object: "share", id: share.id, detail: "")
            // Ending the share of a badge linked in a programme ends the link: no more proposals from it.
            let submissions = try await ProgrammeSubmission.query(on: db).filter(\.$share.$id == shareID).all().compactMap(\.id)
            if !submissions.isEmpty {
                try await ProgrammeLink.query(on: db).filter(\.$submission.$id ~~ submissions).filter(\.$endedAt == nil).set(\.$endedAt, to: now).update()
            }
        }
    }

    /// "Badges partagés avec les partenaires" (sent) and "Badges partagés avec nous" (received).
    func shares(sentBy organisationID: UUID) async throws -> [BadgeShare] {
        try await BadgeShare.query(on: db).filter(\.$sharer.$id == organisationID).with(\.$badgeClass).with(\.$partner)
            .sort(\.$createdAt, .descending).all()
    }

    func shares(receivedBy organisationID: UUID) async throws -> [BadgeShare] {
        try await BadgeShare.query(on: db).filter(\.$partner.$id == organisationID).with(\.$badgeClass).with(\.$sharer)
            .sort(\.$createdAt, .descending).all()
    }

    /// A badge class `organisationID` may award: its own, or one a partner shares with it as a link
    /// (then awards carry the partner's name: `awardedBy`).
    func awardable(_ badgeClassID: UUID, by organisationID: UUID) async throws -> (badgeClass: BadgeClass, viaShare: Bool) {
        guard let badgeClass = try await BadgeClass.find(badgeClassID, on: db) else { throw BlasonError.notFound }
        if badgeClass.$organisation.id == organisationID { return (badgeClass, false) }
        let share = try await BadgeShare.query(on: db).filter(\.$badgeClass.$id == badgeClassID).filter(\.$partner.$id == organisationID)
            .filter(\.$statusName == ShareStatus.accepted.rawValue).filter(\.$modeName == ShareMode.link.rawValue).first()
        guard share != nil else { throw BlasonError.notFound }
        return (badgeClass, true)
    }
}
