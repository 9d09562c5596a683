import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import Vapor

/// `/api/v1` for programmes: the referential, submissions and their review, links, and figures.
/// The operator's admins and reviewers see the whole programme; a structure's admins see and act
/// on their own part.
struct ProgrammeAPIController: RouteCollection {
    struct LevelItem: Content {
        var id: String
        var number: Int
        var name: APIModel.Texts
        var procedureText: String
        var expectedSkills: [APIModel.Texts]
        var badgeClassId: String
    }

    struct CompetencyItem: Content {
        var key: String
        var name: APIModel.Texts
        var presentation: String
        var levels: [LevelItem]
    }

    struct ProgrammeItem: Content {
        var key: String
        var name: APIModel.Texts
        var operatorOrganisation: String
        var contactEmail: String
        var participantBadgeClassId: String
        var competencies: [CompetencyItem]
    }

    struct Answers: Content {
        var competency: String
        var level: Int
        var coversAll: Bool
        var coveredSkills: [Int]?
        var remarks: String?
    }

    struct SubmitBody: Content {
        /// Slug of the structure submitting (the caller must administer it).
        var organisation: String
        var badgeClass: UUID
        var answers: Answers
    }

    struct MessageItem: Content {
        var fromOperator: Bool
        var author: String
        var body: String
        var createdAt: Date
    }

    struct SubmissionItem: Content {
        var id: String
        var structure: String
        var structureName: String
        var badgeClassId: String
        var answers: Answers
        var status: String
        var finalCompetency: String?
        var finalLevel: Int?
        var regionBadgeClassId: String?
        var decisionNote: String?
        var createdAt: Date?
        var decidedAt: Date?
        var messages: [MessageItem]?
    }

    struct ReviewBody: Content {
        /// `accept`, `request-information` or `reject`.
        var action: String
        /// For `accept`: the programme badge retained (by default the one asked).
        var competency: String?
        var level: Int?
        var proposeToPastEarners: Bool?
        var note: String?
        var message: String?
        var reason: String?
    }

    struct ReplyBody: Content {
        var message: String
    }

    struct LinkItem: Content {
        var id: String
        var structure: String
        var badgeClassId: String
        var regionBadgeClassId: String
        var competency: String
        var level: Int
        var submissionId: String
        var createdAt: Date?
        var endedAt: Date?
    }

    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1").grouped(APIAuthenticationMiddleware())
        api.get("programmes") { try await list($0) }
        api.get("programmes", ":key") { try await show($0) }
        api.get("programmes", ":key", "submissions") { try await submissions($0) }
        api.post("programmes", ":key", "submissions") { try await submit($0) }
        api.get("programmes", ":key", "submissions", ":id") { try await submission($0) }
        api.post("programmes", ":key", "submissions", ":id", "review") { try await review($0) }
        api.post("programmes", ":key", "submissions", ":id", "messages") { try await reply($0) }
        api.get("programmes", ":key", "links") { try await links($0) }
        api.get("programmes", ":key", "figures") { try await figures($0) }
    }

    private func referential(_ req: Request) async throws -> ProgrammeReferential {
        try await req.programmes.referential(key: req.parameters.get("key") ?? "")
    }

    private static func texts(_ text: LocalizedText) -> APIModel.Texts { APIModel.Texts(text) }

    func list(_ req: Request) async throws -> [ProgrammeItem] {
        var items: [ProgrammeItem] = []
        for programme in try await req.programmes.all() {
            items.append(Self.item(try await req.programmes.referential(programme)))
        }
        return items
    }

    func show(_ req: Request) async throws -> ProgrammeItem {
        Self.item(try await referential(req))
    }

    static func item(_ referential: ProgrammeReferential) -> ProgrammeItem {
        let programme = referential.programme
        return ProgrammeItem(
            key: programme.key, name: texts(programme.name), operatorOrganisation: programme.operatorOrganisation.slug,
            contactEmail: programme.contactEmail, participantBadgeClassId: programme.$participantBadgeClass.id.lowercased,
            competencies: referential.competencies.map { competency in
                CompetencyItem(key: competency.key, name: texts(competency.name), presentation: competency.presentation, levels: competency.levels.map {
                    LevelItem(id: $0.id.lowercased, number: $0.number, name: texts($0.name), procedureText: $0.procedureText,
                              expectedSkills: $0.skills.map(texts), badgeClassId: $0.badgeClassID.lowercased)
                })
            })
    }

    /// The structures whose part the caller may see, or nil for the whole programme (its operator).
    private func scope(_ req: Request, _ programme: Programme) -> [UUID]? {
        if req.isOperator(of: programme) { return nil }
        return req.context.memberships.filter { $0.role == .admin }.map(\.organisationID)
    }

    private func item(_ submission: ProgrammeSubmission, _ referential: ProgrammeReferential, messages: [SubmissionMessage]? = nil) -> SubmissionItem {
        let requested = referential.level(id: submission.$requestedLevel.id)
        let final = submission.status == .accepted ? submission.$finalLevel.id.flatMap { referential.level(id: $0) } : nil
        return SubmissionItem(
            id: submission.id!.lowercased, structure: submission.structure.slug, structureName: submission.structure.name,
            badgeClassId: submission.$badgeClass.id.lowercased,
            answers: Answers(competency: requested?.0.key ?? "", level: requested?.1.number ?? 0, coversAll: submission.coversAll,
                             coveredSkills: submission.coveredSkills, remarks: submission.remarks),
            status: submission.statusName, finalCompetency: final?.0.key, finalLevel: final?.1.number, regionBadgeClassId: final?.1.badgeClassID.lowercased,
            decisionNote: submission.decisionNote, createdAt: submission.createdAt, decidedAt: submission.decidedAt,
            messages: messages?.map { MessageItem(fromOperator: $0.fromOperator, author: $0.authorName, body: $0.body, createdAt: $0.createdAt) })
    }

    func submissions(_ req: Request) async throws -> [SubmissionItem] {
        let referential = try await referential(req)
        let programmeID = try referential.programme.requireID()
        var query = ProgrammeSubmission.query(on: req.db).filter(\.$programme.$id == programmeID).with(\.$structure)
        if let structures = scope(req, referential.programme) { query = query.filter(\.$structure.$id ~~ structures) }
        if let status = req.query[String.self, at: "status"] {
            guard SubmissionStatus(rawValue: status) != nil else { throw BlasonError.invalid("status", .notAllowedValue(status)) }
            query = query.filter(\.$statusName == status)
        }
        return try await query.sort(\.$createdAt).all().map { item($0, referential) }
    }

    func submit(_ req: Request) async throws -> Response {
        let referential = try await referential(req)
        // Only a structure's admin submits: callers who administer nothing are refused before their body is read.
        guard req.context.memberships.contains(where: { $0.role == .admin }) else { throw BlasonError.forbidden }
        let body = try req.decodeBody(SubmitBody.self)
        let organisation = try await req.organisations.find(body.organisation)
        let structureID = try req.requireAPIMembership(organisation.requireID(), .admin).organisationID
        guard structureID != referential.programme.$operatorOrganisation.id else { throw BlasonError.forbidden }
        let answers = SubmissionAnswers(competency: body.answers.competency, level: body.answers.level, coversAll: body.answers.coversAll,
                                        coveredSkills: body.answers.coveredSkills ?? [], remarks: body.answers.remarks ?? "")
        let submission = try await req.submissions.submit(referential, badgeClassID: body.badgeClass, by: structureID, answers: answers)
        submission.$structure.value = organisation
        return try await item(submission, referential).encodeResponse(status: .created, for: req)
    }

    /// The submission, if the caller may see it (the operator, or the structure's admins): 404 for
    /// strangers to the programme, 403 for another structure's members (as on the site).
    private func load(_ req: Request, _ referential: ProgrammeReferential) async throws -> (ProgrammeSubmission, isOperator: Bool) {
        guard let submission = try await ProgrammeSubmission.query(on: req.db).filter(\.$id == req.idParameter())
            .filter(\.$programme.$id == referential.programme.requireID()).with(\.$structure).first() else { throw BlasonError.notFound }
        let isOperator = req.isOperator(of: referential.programme)
        guard isOperator || req.administers(submission.$structure.id) else { throw BlasonError.forbidden }
        return (submission, isOperator)
    }

    func submission(_ req: Request) async throws -> SubmissionItem {
        let referential = try await referential(req)
        let (submission, _) = try await load(req, referential)
        let messages = try await SubmissionMessage.query(on: req.db).filter(\.$submission.$id == submission.requireID()).sort(\.$createdAt).all()
        return item(submission, referential, messages: messages)
    }

    func review(_ req: Request) async throws -> SubmissionItem {
        let referential = try await referential(req)
        let (submission, isOperator) = try await load(req, referential)
        guard isOperator else { throw BlasonError.forbidden }
        let body = try req.decodeBody(ReviewBody.self)
        let author = req.context.userName ?? ""
        switch body.action {
        case "accept":
            let requested = referential.level(id: submission.$requestedLevel.id)
            let competency = body.competency ?? requested?.0.key ?? ""
            let number = body.level ?? requested?.1.number ?? 0
            guard let (_, level) = referential.level(competency, number) else { throw BlasonError.invalid("level", .notAllowedValue("\(competency) \(number)")) }
            try await req.submissions.accept(submission, referential: referential, finalLevelID: level.id, note: body.note?.nilIfBlank,
                                             proposeToPastEarners: body.proposeToPastEarners ?? false)
        case "request-information":
            try await req.submissions.requestInformation(submission, by: author, message: body.message ?? "")
        case "reject":
            try await req.submissions.reject(submission, reason: body.reason ?? "")
        default:
            throw BlasonError.invalid("action", .notAllowedValue(body.action))
        }
        return try await self.submission(req)
    }

    func reply(_ req: Request) async throws -> SubmissionItem {
        let referential = try await referential(req)
        let (submission, _) = try await load(req, referential)
        guard req.administers(submission.$structure.id) else { throw BlasonError.forbidden }
        let body = try req.decodeBody(ReplyBody.self)
        try await req.submissions.reply(submission, by: req.context.userName ?? "", message: body.message)
        return try await self.submission(req)
    }

    func links(_ req: Request) async throws -> [LinkItem] {
        let referential = try await referential(req)
        let programmeID = try referential.programme.requireID()
        var query = ProgrammeLink.query(on: req.db).filter(\.$programme.$id == programmeID)
            .join(ProgrammeSubmission.self, on: \ProgrammeLink.$submission.$id == \ProgrammeSubmission.$id)
        if let structures = scope(req, referential.programme) { query = query.filter(ProgrammeSubmission.self, \.$structure.$id ~~ structures) }
        let links = try await query.sort(\.$createdAt).all()
        let structures = try await Organisation.query(on: req.db)
            .filter(\.$id ~~ links.compactMap { try? $0.joined(ProgrammeSubmission.self).$structure.id }).all()
        let slugs = Dictionary(structures.map { ($0.id!, $0.slug) }, uniquingKeysWith: { a, _ in a })
        return links.map { link in
            let level = referential.level(id: link.$level.id)
            let structure = (try? link.joined(ProgrammeSubmission.self).$structure.id).flatMap { slugs[$0] } ?? ""
            return LinkItem(id: link.id!.lowercased, structure: structure, badgeClassId: link.$partnerBadgeClass.id.lowercased,
                            regionBadgeClassId: link.$regionBadgeClass.id.lowercased, competency: level?.0.key ?? "", level: level?.1.number ?? 0,
                            submissionId: link.$submission.id.lowercased, createdAt: link.createdAt, endedAt: link.endedAt)
        }
    }

    /// The programme's figures; a structure's admin gets its own part (`organisation` chooses which
    /// when the caller administers several).
    func figures(_ req: Request) async throws -> ProgrammeFigures {
        let referential = try await referential(req)
        var structureID: UUID?
        if !req.isOperator(of: referential.programme) {
            if let slug = req.query[String.self, at: "organisation"] {
                let organisation = try await req.organisations.find(slug)
                structureID = try req.requireAPIMembership(organisation.requireID(), .admin).organisationID
            } else {
                guard let first = req.context.memberships.first(where: { $0.role == .admin }) else { throw BlasonError.forbidden }
                structureID = first.organisationID
            }
        }
        return try await ProgrammeFigures.compute(referential, structureID: structureID, db: req.db, language: req.context.language)
    }
}

extension ProgrammeFigures: Content {}
