import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import Vapor

/// What the organisation dashboard leads with: what is waiting for someone of the organisation,
/// counted from the data, each with the page where it is done; then its awards month by month.
enum DashboardModel {
    static func todo(_ req: Request, organisationID: UUID, role: Role) async throws -> [DashboardPage.Todo] {
        let db = req.db
        var items: [DashboardPage.Todo] = []
        func add(_ count: Int, _ key: Catalogue.Key, _ route: SiteRoute, anchor: String = "") {
            if count > 0 { items.append(.init(count: count, label: req.t(key), link: route.path + anchor)) }
        }
        if role.grants(.reviewer) {
            add(try await BadgeApplication.query(on: db).filter(\.$organisation.$id == organisationID)
                .filter(\.$statusName == ApplicationStatus.pending.rawValue).count(), .todoApplications, .reviews)
        }
        if role == .admin {
            add(try await Partnership.query(on: db).filter(\.$partner.$id == organisationID)
                .filter(\.$statusName == PartnershipStatus.pending.rawValue).count(), .todoPartnerships, .network, anchor: "#partners")
            add(try await EndorsementRequest.query(on: db).filter(\.$endorser.$id == organisationID)
                .filter(\.$statusName == EndorsementRequestStatus.pending.rawValue).count(), .todoEndorsementRequests, .network, anchor: "#requests")
            add(try await Endorsement.query(on: db).filter(\.$subjectOrganisation.$id == organisationID)
                .filter(\.$statusName == EndorsementStatus.awaitingApproval.rawValue).count(), .todoExternalEndorsements, .network, anchor: "#external")
            // Badges submitted to a programme are answered by the programme's review, counted below:
            // only this organisation's pending shares are looked up among the submissions.
            let pendingShares = try await BadgeShare.query(on: db).filter(\.$partner.$id == organisationID)
                .filter(\.$statusName == ShareStatus.pending.rawValue).all().compactMap(\.id)
            let submitted = pendingShares.isEmpty ? 0
                : try await ProgrammeSubmission.query(on: db).filter(\.$share.$id ~~ pendingShares).count()
            add(pendingShares.count - submitted, .todoShares, .network, anchor: "#shared-with-us")
            for programme in try await Programme.query(on: db).all() where programme.$operatorOrganisation.id != organisationID {
                add(try await ProgrammeSubmission.query(on: db).filter(\.$programme.$id == programme.requireID())
                    .filter(\.$structure.$id == organisationID).filter(\.$statusName == SubmissionStatus.infoRequested.rawValue).count(),
                    .todoSubmissionsToAnswer, .programmeJoin(programme.key))
            }
        }
        if role.grants(.reviewer) {
            for programme in try await Programme.query(on: db).filter(\.$operatorOrganisation.$id == organisationID).all() {
                add(try await ProgrammeSubmission.query(on: db).filter(\.$programme.$id == programme.requireID())
                    .filter(\.$statusName == SubmissionStatus.submitted.rawValue).count(), .todoSubmissionsToDecide, .programmeReview(programme.key))
            }
        }
        if role.grants(.issuer) {
            add(try await Award.query(on: db).group(.or) { $0.filter(\.$organisation.$id == organisationID).filter(\.$awardedBy.$id == organisationID) }
                .filter(\.$kindName == AwardKind.proposed.rawValue).filter(\.$earnerStateName == EarnerState.pending.rawValue)
                .filter(\.$revokedAt == nil).count(), .todoProposals, .awards)
        }
        return items
    }

    /// Awards of the last six months (this one included), Paris time.
    static func awardsByMonth(_ req: Request, organisationID: UUID) async throws -> [SVGBarChart.Bar] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CalendarDay.timeZone
        let now = req.blason.clock.now
        let thisMonth = calendar.date(from: calendar.dateComponents([.year, .month], from: now)) ?? now
        let months = (0..<6).reversed().compactMap { calendar.date(byAdding: .month, value: -$0, to: thisMonth) }
        guard let start = months.first else { return [] }
        let issued = try await Award.query(on: req.db).filter(\.$organisation.$id == organisationID).filter(\.$issuedOn >= start)
            .field(\.$issuedOn).all().map(\.issuedOn)
        func key(_ date: Date) -> String {
            let parts = calendar.dateComponents([.year, .month], from: date)
            return String(format: "%04d-%02d", parts.year ?? 0, parts.month ?? 0)
        }
        let counts = Dictionary(grouping: issued, by: key).mapValues(\.count)
        return months.map { SVGBarChart.Bar(label: key($0), value: counts[key($0)] ?? 0) }
    }
}
