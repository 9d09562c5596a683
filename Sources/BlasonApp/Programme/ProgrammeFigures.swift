import BlasonCore
import BlasonPersistence
import Fluent
import Foundation

/// A programme's figures for its dashboard, its CSV export and the API: the whole programme for
/// its operator, or one structure's part.
struct ProgrammeFigures: Codable, Sendable, Equatable {
    /// Submissions of one competency and level (the level retained once accepted, else the one asked).
    struct LevelCount: Codable, Sendable, Equatable {
        var competency: String
        var competencyName: String
        var level: Int
        var submitted = 0
        var infoRequested = 0
        var accepted = 0
        var rejected = 0
        var total: Int { submitted + infoRequested + accepted + rejected }
    }

    /// Activity of one calendar month (UTC), `yyyy-MM`.
    struct Month: Codable, Sendable, Equatable {
        var month: String
        var submissions = 0
        var proposalsSent = 0
        var proposalsAccepted = 0
        var proposalsDeclined = 0
    }

    struct LinkedBadge: Codable, Sendable, Equatable {
        var structure: String
        var badgeClassId: UUID
        var badgeName: String
        var regionBadgeClassId: UUID
        var regionBadgeName: String
        var since: Date
        var proposals: Int
    }

    /// One submission, as exported.
    struct SubmissionLine: Codable, Sendable, Equatable {
        var id: UUID
        var structure: String
        var badgeName: String
        var requestedCompetency: String
        var requestedLevel: Int
        var coversAll: Bool
        var status: SubmissionStatus
        var finalCompetency: String?
        var finalLevel: Int?
        var submittedAt: Date
        var decidedAt: Date?
    }

    var structuresApplied = 0
    var structuresAccepted = 0
    var submissions = 0
    var linkedBadges = 0
    var proposalsSent = 0
    var proposalsAccepted = 0
    var proposalsDeclined = 0
    var proposalsPending = 0
    var byLevel: [LevelCount] = []
    var byMonth: [Month] = []
    var linked: [LinkedBadge] = []
    var lines: [SubmissionLine] = []
}

extension ProgrammeFigures {
    /// Computes the figures; `structureID` limits them to that structure's part.
    static func compute(_ referential: ProgrammeReferential, structureID: UUID?, db: any Database, language: Language) async throws -> ProgrammeFigures {
        let programme = referential.programme
        let programmeID = try programme.requireID()
        var figures = ProgrammeFigures()

        var candidacies = BadgeApplication.query(on: db).filter(\.$badgeClass.$id == programme.$participantBadgeClass.id)
            .filter(\.$applicantOrganisation.$id != nil).filter(\.$statusName != ApplicationStatus.awaitingEmail.rawValue)
        if let structureID { candidacies = candidacies.filter(\.$applicantOrganisation.$id == structureID) }
        let applications = try await candidacies.all()
        figures.structuresApplied = Set(applications.compactMap { $0.$applicantOrganisation.id }).count
        figures.structuresAccepted = Set(applications.filter { $0.status == .approved }.compactMap { $0.$applicantOrganisation.id }).count

        var query = ProgrammeSubmission.query(on: db).filter(\.$programme.$id == programmeID).with(\.$badgeClass).with(\.$structure)
        if let structureID { query = query.filter(\.$structure.$id == structureID) }
        let submissions = try await query.sort(\.$createdAt).all()
        figures.submissions = submissions.count

        var cells: [String: LevelCount] = [:]
        for competency in referential.competencies {
            for level in competency.levels {
                cells["\(competency.key)-\(level.number)"] = LevelCount(competency: competency.key, competencyName: competency.name.text(in: language), level: level.number)
            }
        }
        var months: [String: Month] = [:]
        func month(_ date: Date) -> String { Self.monthKey(date) }
        for submission in submissions {
            let requested = referential.level(id: submission.$requestedLevel.id)
            let final = submission.$finalLevel.id.flatMap { referential.level(id: $0) }
            if let (competency, level) = final ?? requested {
                let key = "\(competency.key)-\(level.number)"
                switch submission.status {
                case .submitted: cells[key]?.submitted += 1
                case .infoRequested: cells[key]?.infoRequested += 1
                case .accepted: cells[key]?.accepted += 1
                case .rejected: cells[key]?.rejected += 1
                }
            }
            let created = submission.createdAt ?? Date(timeIntervalSince1970: 0)
            months[month(created), default: Month(month: month(created))].submissions += 1
            figures.lines.append(SubmissionLine(
                id: submission.id!, structure: submission.structure.name, badgeName: submission.badgeClass.name.text(in: language),
                requestedCompetency: requested?.0.name.text(in: language) ?? "", requestedLevel: requested?.1.number ?? 0,
                coversAll: submission.coversAll, status: submission.status, finalCompetency: final?.0.name.text(in: language),
                finalLevel: final?.1.number, submittedAt: created, decidedAt: submission.decidedAt))
        }
        figures.byLevel = referential.competencies.flatMap { competency in competency.levels.compactMap { cells["\(competency.key)-\($0.number)"] } }

        let submissionIDs = submissions.compactMap(\.id)
        let links = submissionIDs.isEmpty ? [] : try await ProgrammeLink.query(on: db).filter(\.$submission.$id ~~ submissionIDs)
            .filter(\.$endedAt == nil).with(\.$partnerBadgeClass).with(\.$regionBadgeClass).all()
        figures.linkedBadges = links.count

        // Proposals made from awards of the linked badges.
        let partnerBadgeIDs = links.map { $0.$partnerBadgeClass.id }
        let regionBadgeIDs = Array(Set(links.map { $0.$regionBadgeClass.id }))
        let proposals = regionBadgeIDs.isEmpty ? [] : try await Award.query(on: db).filter(\.$badgeClass.$id ~~ regionBadgeIDs)
            .filter(\.$sourceAwardID != nil).all()
        let sources = proposals.isEmpty ? [] : try await Award.query(on: db).filter(\.$id ~~ proposals.compactMap(\.sourceAwardID)).all()
        let sourceBadge = Dictionary(sources.map { ($0.id!, $0.$badgeClass.id) }, uniquingKeysWith: { a, _ in a })
        let ours = proposals.filter { proposal in proposal.sourceAwardID.flatMap { sourceBadge[$0] }.map(partnerBadgeIDs.contains) ?? false }
        var perLink: [UUID: Int] = [:]
        for proposal in ours {
            if let source = proposal.sourceAwardID.flatMap({ sourceBadge[$0] }) { perLink[source, default: 0] += 1 }
            let sent = month(proposal.issuedOn)
            months[sent, default: Month(month: sent)].proposalsSent += 1
            switch proposal.earnerState {
            case .accepted, .hidden:
                figures.proposalsAccepted += 1
                let at = month(proposal.earnerStateAt ?? proposal.issuedOn)
                months[at, default: Month(month: at)].proposalsAccepted += 1
            case .declined:
                figures.proposalsDeclined += 1
                let at = month(proposal.earnerStateAt ?? proposal.issuedOn)
                months[at, default: Month(month: at)].proposalsDeclined += 1
            case .pending:
                figures.proposalsPending += 1
            case .withdrawn:
                break
            }
        }
        figures.proposalsSent = ours.count
        figures.byMonth = months.values.sorted { $0.month < $1.month }

        let structures = Dictionary(submissions.map { ($0.id!, $0.structure.name) }, uniquingKeysWith: { a, _ in a })
        figures.linked = links.map { link in
            LinkedBadge(structure: structures[link.$submission.id] ?? "", badgeClassId: link.$partnerBadgeClass.id,
                        badgeName: link.partnerBadgeClass.name.text(in: language), regionBadgeClassId: link.$regionBadgeClass.id,
                        regionBadgeName: link.regionBadgeClass.name.text(in: language), since: link.createdAt ?? Date(timeIntervalSince1970: 0),
                        proposals: perLink[link.$partnerBadgeClass.id] ?? 0)
        }
        return figures
    }

    /// What waits for the operator (decisions on submissions and candidacies) or, for one structure,
    /// what the Region asks of it. The submissions' states come from the figures already computed
    /// for the same reader.
    func todo(_ referential: ProgrammeReferential, structureID: UUID?, db: any Database, t: Localizer) async throws -> [DashboardPage.Todo] {
        let programme = referential.programme
        let statuses = lines.map(\.status)
        var items: [DashboardPage.Todo] = []
        func add(_ count: Int, _ label: String, _ route: SiteRoute) {
            if count > 0 { items.append(.init(count: count, label: label, link: route.path)) }
        }
        if structureID == nil {
            add(statuses.filter { $0 == .submitted }.count, t(.todoSubmissionsToDecide), .programmeReview(programme.key))
            add(statuses.filter { $0 == .infoRequested }.count, t(.todoSubmissionsAwaitingStructures), .programmeReview(programme.key))
            add(try await BadgeApplication.query(on: db).filter(\.$badgeClass.$id == programme.$participantBadgeClass.id)
                .filter(\.$statusName == ApplicationStatus.pending.rawValue).count(), t(.todoCandidacies), .programmeReview(programme.key))
        } else {
            add(statuses.filter { $0 == .infoRequested }.count, t(.todoSubmissionsToAnswer), .programmeJoin(programme.key))
        }
        return items
    }

    static func monthKey(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month], from: date)
        return String(format: "%04d-%02d", parts.year ?? 1970, parts.month ?? 1)
    }

    /// The submissions, one line each, for a spreadsheet (`;`-separated, as French spreadsheets expect).
    func csv(_ t: Localizer) -> String {
        var table = CSVTable(header: ["structure", "badge", "competence_demandee", "niveau_demande", "couvre_tout", "statut",
                                      "competence_retenue", "niveau_retenu", "soumis_le", "decide_le"])
        for line in lines {
            table.append([line.structure, line.badgeName, line.requestedCompetency, String(line.requestedLevel), line.coversAll ? "oui" : "non",
                          line.status.rawValue, line.finalCompetency ?? "", line.finalLevel.map(String.init) ?? "",
                          CalendarDay.format(line.submittedAt), line.decidedAt.map(CalendarDay.format) ?? ""])
        }
        return table.text
    }
}
