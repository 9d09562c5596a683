import BlasonCore
import BlasonPersistence
import Fluent
import Vapor

/// A programme's pages: its public presentation, the structure's "Rejoindre la démarche", the
/// operator's review of candidacies and submitted badges, and the dashboard.
struct ProgrammeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("programmes") { try await index($0) }
        let programme = routes.grouped("programmes", ":key")
        programme.get { try await presentation($0) }
        programme.get("join") { try await join($0) }
        programme.post("join") { try await submit($0) }
        programme.get("review") { try await review($0) }
        programme.get("submissions", ":id") { try await submission($0) }
        for action in ["accept", "info", "reject", "reply"] {
            programme.post("submissions", ":id", PathComponent(stringLiteral: action)) { try await act($0, action) }
        }
        programme.get("dashboard") { try await dashboard($0) }
        programme.get("export.csv") { try await export($0) }
    }

    private func referential(_ req: Request) async throws -> ProgrammeReferential {
        try await req.programmes.referential(key: req.parameters.get("key") ?? "")
    }

    /// One programme: straight to it; several: the first (a list page can come when a second one exists).
    func index(_ req: Request) async throws -> Response {
        guard let first = try await req.programmes.all().first else { throw BlasonError.notFound }
        return req.redirect(to: SiteRoute.programme(first.key).path)
    }

    func presentation(_ req: Request) async throws -> Response {
        let referential = try await referential(req)
        let model = try await ProgrammePageModels.presentation(req, referential)
        return HTMLResponse.make(ProgrammePages.presentation(model, page: PageContext(request: req, title: referential.programme.name.text(in: req.context.language))))
    }

    func join(_ req: Request, typed: ProgrammePages.SubmissionForm = .init(), issues: [FieldIssue] = []) async throws -> Response {
        let referential = try await referential(req)
        let current = try req.requireOrganisation(.admin)
        guard current.organisationID != referential.programme.$operatorOrganisation.id else { throw BlasonError.forbidden }
        var model = try await ProgrammePageModels.join(req, referential, structureID: current.organisationID)
        model.typed = typed
        model.issues = issues
        model.returnToApply = req.query[String.self, at: "then"] == "apply" || typed.then == "apply"
        return HTMLResponse.make(ProgrammePages.join(model, page: PageContext(request: req, title: req.t(.joinTitle), needsForm: true)),
                                 status: issues.isEmpty ? .ok : .unprocessableEntity)
    }

    /// The procedure's four questions, answered as a form; the badge is shared as a link with the operator.
    func submit(_ req: Request) async throws -> Response {
        let referential = try await referential(req)
        let current = try req.requireOrganisation(.admin)
        guard current.organisationID != referential.programme.$operatorOrganisation.id else { throw BlasonError.forbidden }
        func field(_ name: String) -> String { (try? req.content.get(String.self, at: name)) ?? "" }
        var typed = ProgrammePages.SubmissionForm(badgeClass: field("badge_class"), competency: field("competency"), level: field("level"),
                                                  coversAll: field("covers_all"), remarks: field("remarks"), then: field("then"))
        let ticked = (try? req.content.get([String].self, at: "skills_\(typed.competency)_\(typed.level)")) ?? []
        typed.skills = Set(ticked.map { "\(typed.competency)-\(typed.level)-\($0)" })
        do {
            guard let badgeClassID = UUID(uuidString: typed.badgeClass) else { throw BlasonError.invalid("badge_class", .required) }
            guard ["yes", "no"].contains(typed.coversAll) else { throw BlasonError.invalid("covers_all", .required) }
            let skills = ticked.compactMap { Int($0) }
            let answers = SubmissionAnswers(competency: typed.competency, level: Int(typed.level) ?? 0, coversAll: typed.coversAll == "yes",
                                            coveredSkills: skills, remarks: typed.remarks)
            _ = try await req.submissions.submit(referential, badgeClassID: badgeClassID, by: current.organisationID, answers: answers)
        } catch BlasonError.invalid(let issues) {
            return try await join(req, typed: typed, issues: issues)
        }
        req.flash(req.t(.submissionSentNotice))
        if typed.then == "apply" { return req.redirect(to: SiteRoute.applyPage(referential.programme.$participantBadgeClass.id).path) }
        return req.redirect(to: SiteRoute.programmeJoin(referential.programme.key).path)
    }

    func review(_ req: Request) async throws -> Response {
        let referential = try await referential(req)
        try req.requireOperator(referential.programme)
        let model = try await ProgrammePageModels.queue(req, referential)
        return HTMLResponse.make(ProgrammeReviewPages.queue(model, page: PageContext(request: req, title: req.t(.reviewProgrammeTitle), needsForm: true)))
    }

    /// The submission, with who may see it: the operator's reviewers and the structure's members.
    private func load(_ req: Request, _ referential: ProgrammeReferential) async throws -> (ProgrammeSubmission, isOperator: Bool, isStructure: Bool) {
        _ = try req.requireUserID()
        guard let submission = try await ProgrammeSubmission.query(on: req.db).filter(\.$id == req.idParameter())
            .filter(\.$programme.$id == referential.programme.requireID())
            .with(\.$badgeClass).with(\.$structure).with(\.$share).first() else { throw BlasonError.notFound }
        let isOperator = req.isOperator(of: referential.programme)
        let isStructure = req.administers(submission.$structure.id)
        guard isOperator || isStructure else { throw BlasonError.forbidden }
        return (submission, isOperator, isStructure)
    }

    func submission(_ req: Request, issues: [FieldIssue] = []) async throws -> Response {
        let referential = try await referential(req)
        let (submission, isOperator, isStructure) = try await load(req, referential)
        var model = try await ProgrammePageModels.detail(req, referential, submission, isOperator: isOperator, isStructure: isStructure)
        model.issues = issues
        return HTMLResponse.make(ProgrammeReviewPages.detail(model, page: PageContext(request: req, title: submission.badgeClass.name.text(in: req.context.language),
                                                                                      needsForm: true)),
                                 status: issues.isEmpty ? .ok : .unprocessableEntity)
    }

    func act(_ req: Request, _ action: String) async throws -> Response {
        let referential = try await referential(req)
        let (submission, isOperator, isStructure) = try await load(req, referential)
        func field(_ name: String) -> String { (try? req.content.get(String.self, at: name)) ?? "" }
        let author = req.context.userName ?? ""
        let service = req.submissions
        do {
            switch action {
            case "reply":
                guard isStructure else { throw BlasonError.forbidden }
                try await service.reply(submission, by: author, message: field("message"))
                req.flash(req.t(.messageSentNotice))
            default:
                guard isOperator else { throw BlasonError.forbidden }
                switch action {
                case "accept":
                    guard let level = UUID(uuidString: field("final_level")) else { throw BlasonError.invalid("final_level", .required) }
                    try await service.accept(submission, referential: referential, finalLevelID: level, note: field("note").nilIfBlank,
                                             proposeToPastEarners: !field("propose_past").isEmpty)
                case "info":
                    try await service.requestInformation(submission, by: author, message: field("message"))
                default:
                    try await service.reject(submission, reason: field("reason"))
                }
                req.flash(req.t(.decisionRecordedNotice))
            }
        } catch BlasonError.invalid(let issues) {
            return try await self.submission(req, issues: issues)
        }
        return req.redirect(to: SiteRoute.programmeSubmission(referential.programme.key, submission.id!).path)
    }

    /// The operator sees the whole programme; a structure, its own part.
    private func scope(_ req: Request, _ referential: ProgrammeReferential) throws -> (structureID: UUID?, name: String?) {
        _ = try req.requireUserID()
        if req.isOperator(of: referential.programme) { return (nil, nil) }
        let current = try req.requireOrganisation(.admin)
        return (current.organisationID, current.organisationName)
    }

    func dashboard(_ req: Request) async throws -> Response {
        let referential = try await referential(req)
        let (structureID, name) = try scope(req, referential)
        let figures = try await ProgrammeFigures.compute(referential, structureID: structureID, db: req.db, language: req.context.language)
        var model = ProgrammeDashboardPage.Model(key: referential.programme.key, programmeName: referential.programme.name.text(in: req.context.language),
                                                 structureName: name, figures: figures)
        model.todo = try await figures.todo(referential, structureID: structureID, db: req.db, t: req.t)
        return HTMLResponse.make(ProgrammeDashboardPage.render(model, page: PageContext(request: req, title: req.t(.dashboardProgrammeTitle))))
    }

    func export(_ req: Request) async throws -> Response {
        let referential = try await referential(req)
        let (structureID, _) = try scope(req, referential)
        let figures = try await ProgrammeFigures.compute(referential, structureID: structureID, db: req.db, language: req.context.language)
        let response = Response(status: .ok, body: .init(string: figures.csv(req.t)))
        response.headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(referential.programme.key)-soumissions.csv\"")
        return response
    }
}

extension Request {
    /// Whether the user reviews for the programme's operator (its admins and reviewers), whatever
    /// organisation is current.
    func isOperator(of programme: Programme) -> Bool {
        context.memberships.contains { $0.organisationID == programme.$operatorOrganisation.id && $0.role.grants(.reviewer) }
    }

    func requireOperator(_ programme: Programme) throws {
        _ = try requireUserID()
        guard isOperator(of: programme) else { throw BlasonError.forbidden }
    }
}
