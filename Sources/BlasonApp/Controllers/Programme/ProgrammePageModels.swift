import BlasonCore
import BlasonPersistence
import Fluent
import Vapor

/// Gathers what the programme's pages show.
enum ProgrammePageModels {
    static func levelLabel(_ competency: ProgrammeReferential.Competency, _ level: ProgrammeReferential.Level, _ language: Language) -> String {
        "\(competency.name.text(in: language)) – \(level.name.text(in: language))"
    }

    static func presentation(_ req: Request, _ referential: ProgrammeReferential) async throws -> ProgrammePages.PresentationModel {
        let programme = referential.programme
        let participants = try await Award.query(on: req.db).filter(\.$badgeClass.$id == programme.$participantBadgeClass.id)
            .filter(\.$revokedAt == nil).filter(\.$recipientOrganisation.$id != nil).with(\.$recipientOrganisation).all()
            .compactMap { award in award.recipientOrganisation.map { (id: $0.id!, name: $0.name) } }
        var seen = Set<UUID>()
        let current = req.context.current
        let isOperator = req.isOperator(of: programme)
        return .init(referential: referential, participants: participants.filter { seen.insert($0.id).inserted }.sorted { $0.name < $1.name },
                     canJoin: !isOperator && (current == nil || current?.role == .admin), isOperator: isOperator)
    }

    static func join(_ req: Request, _ referential: ProgrammeReferential, structureID: UUID) async throws -> ProgrammePages.JoinModel {
        let programme = referential.programme
        let language = req.context.language
        let operatorID = programme.$operatorOrganisation.id
        let partnership = try await req.network.partnerships(of: structureID)
            .first { $0.other(than: structureID) == operatorID && $0.status.isActive }?.status
        let submissions = try await ProgrammeSubmission.query(on: req.db).filter(\.$programme.$id == programme.requireID())
            .filter(\.$structure.$id == structureID).with(\.$badgeClass).sort(\.$createdAt).all()
        let submitted = Set(submissions.map { $0.$badgeClass.id })
        let badges = try await BadgeClass.query(on: req.db).filter(\.$organisation.$id == structureID).filter(\.$archivedAt == nil)
            .sort(\.$nameFR).all().filter { !submitted.contains($0.id!) }
            .map { (value: $0.id!.uuidString, label: $0.name.text(in: language)) }
        let asked = Set(try await EndorsementRequest.query(on: req.db).filter(\.$requester.$id == structureID).filter(\.$endorser.$id == operatorID)
            .all().compactMap { $0.$badgeClass.id })
        let endorsed = Set(try await Endorsement.query(on: req.db).filter(\.$endorser.$id == operatorID)
            .filter(\.$statusName == EndorsementStatus.published.rawValue).all().compactMap { $0.$subjectBadgeClass.id })
        let rows = submissions.map { submission -> ProgrammePages.SubmissionRow in
            let requested = referential.level(id: submission.$requestedLevel.id).map { levelLabel($0.0, $0.1, language) } ?? ""
            let final = submission.status == .accepted ? submission.$finalLevel.id.flatMap { referential.level(id: $0) }.map { levelLabel($0.0, $0.1, language) } : nil
            return .init(id: submission.id!, badgeName: submission.badgeClass.name.text(in: language), requested: requested, status: submission.status,
                         linkedTo: final, badgeClassID: submission.$badgeClass.id, endorsementAsked: asked.contains(submission.$badgeClass.id),
                         endorsementReceived: endorsed.contains(submission.$badgeClass.id))
        }
        let participantAward = try await Award.query(on: req.db).filter(\.$badgeClass.$id == programme.$participantBadgeClass.id)
            .filter(\.$recipientOrganisation.$id == structureID).filter(\.$revokedAt == nil).first()
        let application = try await BadgeApplication.query(on: req.db).filter(\.$badgeClass.$id == programme.$participantBadgeClass.id)
            .filter(\.$applicantOrganisation.$id == structureID).sort(\.$createdAt, .descending).first()
        return .init(referential: referential, operatorID: operatorID, partnership: partnership, badges: badges, submissions: rows,
                     applicationStatus: application?.status,
                     applicationPath: application.map { SiteRoute.applicantView($0.id!, $0.accessToken).path },
                     organisationName: try await Organisation.find(structureID, on: req.db)?.name ?? "",
                     participantAwardPath: participantAward.map { SiteRoute.assertion($0.id!).path })
    }

    static func queue(_ req: Request, _ referential: ProgrammeReferential) async throws -> ProgrammeReviewPages.QueueModel {
        let programme = referential.programme
        let language = req.context.language
        let submissions = try await ProgrammeSubmission.query(on: req.db).filter(\.$programme.$id == programme.requireID())
            .with(\.$badgeClass).with(\.$structure).sort(\.$createdAt).all()
        func row(_ submission: ProgrammeSubmission) -> ProgrammeReviewPages.SubmissionRow {
            .init(id: submission.id!, structure: submission.structure.name, badgeName: submission.badgeClass.name.text(in: language),
                  requested: referential.level(id: submission.$requestedLevel.id).map { levelLabel($0.0, $0.1, language) } ?? "",
                  status: submission.status, date: submission.createdAt)
        }
        let applications = try await BadgeApplication.query(on: req.db).filter(\.$badgeClass.$id == programme.$participantBadgeClass.id)
            .filter(\.$statusName != ApplicationStatus.awaitingEmail.rawValue).filter(\.$applicantOrganisation.$id != nil)
            .sort(\.$submittedAt, .descending).all()
        // Open candidacies first, the newest first within each group.
        let ordered = applications.filter { $0.status == .pending } + applications.filter { $0.status != .pending }
        let applied = Set(applications.compactMap { $0.$applicantOrganisation.id })
        return .init(key: programme.key, programmeName: programme.name.text(in: language),
                     candidacies: ordered.map { application in
                         .init(applicationID: application.id!, structure: application.applicantName, status: application.status,
                               submittedAt: application.submittedAt,
                               submissions: submissions.filter { $0.$structure.id == application.$applicantOrganisation.id }.map(row))
                     },
                     unattached: submissions.filter { !applied.contains($0.$structure.id) }.map(row))
    }

    static func detail(_ req: Request, _ referential: ProgrammeReferential, _ submission: ProgrammeSubmission, isOperator: Bool,
                       isStructure: Bool) async throws -> ProgrammeReviewPages.DetailModel {
        let language = req.context.language
        guard let (competency, level) = referential.level(id: submission.$requestedLevel.id) else { throw BlasonError.notFound }
        let messages = try await SubmissionMessage.query(on: req.db).filter(\.$submission.$id == submission.requireID()).sort(\.$createdAt).all()
        let final = submission.status == .accepted ? submission.$finalLevel.id.flatMap { referential.level(id: $0) } : nil
        let pastEarners = isOperator && submission.status.isOpen
            ? try await Award.query(on: req.db).filter(\.$badgeClass.$id == submission.$badgeClass.id).filter(\.$revokedAt == nil)
                .filter(\.$kindName == AwardKind.issued.rawValue).all().filter(\.isPublic).count
            : 0
        let operatorID = referential.programme.$operatorOrganisation.id
        let asked = try await EndorsementRequest.query(on: req.db).filter(\.$requester.$id == submission.$structure.id)
            .filter(\.$endorser.$id == operatorID).filter(\.$badgeClass.$id == submission.$badgeClass.id).count() > 0
        return .init(
            key: referential.programme.key, submissionID: submission.id!, structure: submission.structure.name, badgeClassID: submission.$badgeClass.id,
            badgeName: submission.badgeClass.name.text(in: language), status: submission.status, competency: competency, level: level,
            coversAll: submission.coversAll, coveredSkills: submission.coveredSkills, remarks: submission.remarks,
            instructions: submission.share.instructions, finalLabel: final.map { levelLabel($0.0, $0.1, language) },
            decisionNote: submission.decisionNote,
            messages: messages.map { .init(fromOperator: $0.fromOperator, author: $0.authorName, body: $0.body, date: $0.createdAt) },
            isOperator: isOperator, isStructure: isStructure,
            levelOptions: referential.competencies.flatMap { competency in
                competency.levels.map { (value: $0.id.uuidString, label: levelLabel(competency, $0, language)) }
            },
            pastEarners: pastEarners, endorsementAsked: asked, operatorID: operatorID)
    }
}
