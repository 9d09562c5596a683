import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import SQLKit

/// The programme's automatic proposals: an award of a linked partner badge makes a *proposed* award
/// of the linked programme badge to the same earner, from the programme's operator, with the partner
/// award as evidence. At most one per earner and programme badge; revoking the partner award
/// withdraws a proposal still pending.
struct ProposalService {
    let db: any Database
    let clock: Clock
    let configuration: BlasonConfiguration
    var awardHooks = AwardHooks()

    /// The award hooks that wire proposals into every award and revocation.
    static func hooks(clock: Clock, configuration: BlasonConfiguration) -> (issued: AwardHooks.Issued, revoked: AwardHooks.Revoked) {
        let issued: AwardHooks.Issued = { awards, badgeClass, db in
            guard awards.contains(where: { $0.kind == .issued }) else { return }
            let links = try await ProgrammeLink.query(on: db).filter(\.$partnerBadgeClass.$id == badgeClass.requireID()).filter(\.$endedAt == nil).all()
            guard !links.isEmpty else { return }
            try await ProposalService(db: db, clock: clock, configuration: configuration).propose(for: awards, links: links)
        }
        let revoked: AwardHooks.Revoked = { award, db in
            try await ProposalService(db: db, clock: clock, configuration: configuration).withdrawPending(from: award)
        }
        return (issued, revoked)
    }

    func propose(for awards: [Award], links: [ProgrammeLink]) async throws {
        let sql = db as! any SQLDatabase
        for link in links {
            guard let regionBadge = try await BadgeClass.find(link.$regionBadgeClass.id, on: db), !regionBadge.isArchived else { continue }
            let partnerBadge = try await BadgeClass.find(link.$partnerBadgeClass.id, on: db)
            let owner = try await Organisation.find(partnerBadge?.$organisation.id, on: db)
            let already = try await Award.query(on: db).filter(\.$badgeClass.$id == regionBadge.requireID())
                .filter(\.$recipientEmail ~~ awards.map(\.recipientEmail)).all()
            var seen = Set(already.map(\.recipientEmail))
            var proposals: [Award] = []
            for source in awards where source.kind == .issued && !source.isRevoked && !seen.contains(source.recipientEmail) {
                // Hold the source award: a revocation racing this proposal either comes first (and the
                // update finds it revoked) or waits for this transaction and then withdraws the proposal.
                let held = try await sql.update(Award.schema).set("revoked_at", to: SQLLiteral.null)
                    .where("id", .equal, source.requireID()).where("revoked_at", .is, SQLLiteral.null).returning("id").all()
                guard !held.isEmpty, let email = EmailAddress(source.recipientEmail) else { continue }
                seen.insert(source.recipientEmail)
                let evidence = SiteRoute.assertion(try source.requireID()).absolute(configuration.publicURL)
                // A partner awarding the badge through a shared link is the structure the earner dealt with.
                let structure = source.$awardedBy.id == nil ? owner : try await Organisation.find(source.$awardedBy.id, on: db)
                let narrative = "Badge « \(partnerBadge?.nameFR ?? "") » délivré par \(structure?.name ?? "")."
                let draft = AwardDraft(recipients: [Recipient(email: email, name: source.recipientName, evidenceURL: evidence, narrative: narrative,
                                                              language: source.language)],
                                       issuedOn: clock.now, language: source.language, kind: .proposed)
                let proposal = try AwardService(db: db, clock: clock, configuration: configuration).prepare(regionBadge, draft: draft, issuedBy: nil)
                proposal.forEach { $0.sourceAwardID = source.id }
                proposals += proposal
            }
            guard !proposals.isEmpty else { continue }
            try await AwardService(db: db, clock: clock, configuration: configuration, hooks: awardHooks).insert(proposals, badgeClass: regionBadge)
        }
    }

    /// Withdraws the still-pending proposals made from `award`.
    func withdrawPending(from award: Award) async throws {
        try await Award.query(on: db).filter(\.$sourceAwardID == award.requireID())
            .filter(\.$earnerStateName == EarnerState.pending.rawValue)
            .set(\.$earnerStateName, to: EarnerState.withdrawn.rawValue)
            .set(\.$earnerStateAt, to: clock.now)
            .update()
    }
}
