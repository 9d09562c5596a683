import BlasonCore
import BlasonPersistence
import Fluent
import Foundation

/// Keeps personal data no longer than it serves (GDPR's storage limitation), once a day:
/// - a proposal its earner never answered is withdrawn after `retentionProposalDays`, its
///   recipient's name and address erased (a proposal was never public: no verifier relies on it);
/// - an account whose address was never confirmed, and that belongs to no organisation, is deleted
///   after `retentionUnverifiedAccountDays`.
struct Retention {
    let db: any Database
    let clock: Clock
    let configuration: BlasonConfiguration

    static func job(configuration: BlasonConfiguration) -> Scheduler.Job {
        Scheduler.Job(name: "retention", period: { Scheduler.daily(at: 4, $0) }, run: { db, now in
            _ = try await Retention(db: db, clock: .fixed(now), configuration: configuration).apply()
        })
    }

    /// Returns how many proposals were withdrawn and accounts deleted.
    func apply() async throws -> (proposals: Int, accounts: Int) {
        (try await expireProposals(), try await deleteUnverifiedAccounts())
    }

    func expireProposals() async throws -> Int {
        let cutoff = clock.now.addingTimeInterval(-Double(configuration.retentionProposalDays) * 86_400)
        let stale = try await Award.query(on: db).filter(\.$kindName == AwardKind.proposed.rawValue)
            .filter(\.$earnerStateName == EarnerState.pending.rawValue).filter(\.$issuedOn < cutoff).all()
        guard !stale.isEmpty else { return 0 }
        let now = clock.now
        try await db.transactionRetrying { db in
            for award in stale {
                award.earnerState = .withdrawn
                award.earnerStateAt = now
                award.recipientName = nil
                award.recipientEmail = "withdrawn-\(try award.requireID().lowercased)@invalid"
                try await award.save(on: db)
                try await OneTimeToken.query(on: db).filter(\.$award.$id == award.requireID()).delete()
            }
            for (organisation, awards) in Dictionary(grouping: stale, by: { $0.$awardedBy.id ?? $0.$organisation.id }) {
                try await AuditLog(db: db, clock: clock).record("retention.proposals-withdrawn", organisation: organisation, object: "award",
                                                                id: nil, detail: "\(awards.count) > \(configuration.retentionProposalDays) d")
            }
        }
        return stale.count
    }

    func deleteUnverifiedAccounts() async throws -> Int {
        let cutoff = clock.now.addingTimeInterval(-Double(configuration.retentionUnverifiedAccountDays) * 86_400)
        let candidates = try await User.query(on: db).filter(\.$createdAt < cutoff).all()
        var deleted = 0
        for user in candidates {
            let id = try user.requireID()
            guard try await UserEmail.query(on: db).filter(\.$user.$id == id).filter(\.$verifiedAt != nil).count() == 0,
                  try await Membership.query(on: db).filter(\.$user.$id == id).count() == 0 else { continue }
            try await EarnerAccountService(db: db, clock: clock, configuration: configuration).deleteAccount(userID: id)
            deleted += 1
        }
        if deleted > 0 {
            try await AuditLog(db: db, clock: clock).record("retention.accounts-deleted", organisation: nil, object: "user", id: nil,
                                                            detail: "\(deleted) > \(configuration.retentionUnverifiedAccountDays) d")
        }
        return deleted
    }
}
