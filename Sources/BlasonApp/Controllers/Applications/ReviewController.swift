import BlasonCore
import BlasonPersistence
import Fluent
import Vapor

/// The review queue and the reviewers' actions on one application.
struct ReviewController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("reviews") { try await queue($0) }
        routes.get("reviews", ":id") { try await detail($0) }
        for action in ["approve", "return", "reject", "vote", "comment"] {
            routes.post("reviews", ":id", PathComponent(stringLiteral: action)) { try await act($0, action) }
        }
        routes.get("reviews", ":id", "files", ":question") { try await file($0) }
        routes.get("reviewers", "join", ":token") { try await join($0) }
    }

    /// The current organisation's applications (for its reviewers), and those of forms the user
    /// reviews as a jury member or outside reviewer.
    func queue(_ req: Request) async throws -> Response {
        let userID = try req.requireUserID()
        let filter = req.query[String.self, at: "status"].flatMap { $0 == "all" ? nil : ApplicationStatus(rawValue: $0) }
        let showAll = req.query[String.self, at: "status"] == "all"
        let forms = try await ApplicationReviewer.query(on: req.db).filter(\.$user.$id == userID).all().map { $0.$form.id }
        var query = BadgeApplication.query(on: req.db).with(\.$badgeClass)
            .filter(\.$statusName != ApplicationStatus.awaitingEmail.rawValue)
        let reviewing = req.context.current.flatMap { $0.role.grants(.reviewer) ? $0.organisationID : nil }
        guard reviewing != nil || !forms.isEmpty else { throw BlasonError.forbidden }
        query = query.group(.or) { group in
            if let reviewing { group.filter(\.$organisation.$id == reviewing) }
            if !forms.isEmpty { group.filter(\.$form.$id ~~ forms) }
        }
        let chosen: ApplicationStatus? = showAll ? nil : (filter ?? .pending)
        if let chosen { query = query.filter(\.$statusName == chosen.rawValue) }
        let rows = try await query.sort(\.$submittedAt, .descending).limit(500).all().map {
            ReviewPages.QueueRow(id: $0.id!, applicant: $0.applicantName, badgeName: $0.badgeClass.name.text(in: req.context.language),
                                 status: $0.status, submittedAt: $0.submittedAt)
        }
        return HTMLResponse.make(ReviewPages.queue(rows, filter: chosen, page: PageContext(request: req, title: req.t(.reviewsTitle))))
    }

    private func load(_ req: Request) async throws -> (BadgeApplication, ApplicationForm, ApplicationReviewService.Rights) {
        guard let application = try await BadgeApplication.query(on: req.db).filter(\.$id == req.idParameter()).with(\.$badgeClass).first() else {
            throw BlasonError.notFound
        }
        let (form, rights) = try await req.reviews.requireRights(application, userID: req.context.userID, memberships: req.context.memberships)
        return (application, form, rights)
    }

    func detail(_ req: Request, issues: [FieldIssue] = []) async throws -> Response {
        let (application, form, rights) = try await load(req)
        let all = try await ApplicationAnswerRecord.query(on: req.db).filter(\.$application.$id == application.requireID()).all()
        let byRevision = Dictionary(grouping: all, by: \.revision).mapValues { records in
            Dictionary(records.compactMap { record in record.answer.map { (record.questionID, $0) } }, uniquingKeysWith: { a, _ in a })
        }
        let events = try await ApplicationEvent.query(on: req.db).filter(\.$application.$id == application.requireID()).sort(\.$createdAt).all()
        var advice: String?
        if form.reviewMethod == .jury {
            let votes = events.filter { $0.kind == .vote && $0.revision == application.revision }
            let members = try await ApplicationReviewer.query(on: req.db).filter(\.$form.$id == form.requireID())
                .filter(\.$roleName == ApplicationReviewer.Role.jury.rawValue).count()
            advice = MailComposer.fill(req.t(.juryAdvice), ["yes": String(votes.filter { $0.vote == true }.count),
                                                            "no": String(votes.filter { $0.vote == false }.count),
                                                            "threshold": String(form.juryThreshold), "members": String(members)])
        }
        let organisation = try await application.$applicantOrganisation.get(on: req.db)
        var model = ReviewPages.DetailModel(
            applicationID: application.id!, badgeClassID: application.$badgeClass.id,
            badgeName: application.badgeClass.name.text(in: req.context.language), applicantName: application.applicantName,
            applicantEmail: application.applicantEmail, applicantOrganisation: organisation?.name, status: application.status,
            method: form.reviewMethod, revision: application.revision, questions: form.questions,
            values: byRevision[application.revision] ?? [:],
            earlier: byRevision.keys.filter { $0 < application.revision }.sorted(by: >).map { ($0, byRevision[$0] ?? [:]) },
            messages: events.map { ApplyController.message($0, req.t) }, canDecide: rights.decide, canVote: rights.vote,
            juryAdvice: advice, issues: issues)
        model.approvalText = try await ApplicationMail(db: req.db, clock: req.blason.clock, configuration: req.blason.configuration)
            .approvalText(application)
        for link in try await ApplicationLink.query(on: req.db).filter(\.$application.$id == application.requireID()).all() {
            if let described = try await req.blason.hooks.describe(link, db: req.db, t: req.t) { model.links.append(described) }
        }
        return HTMLResponse.make(ReviewPages.detail(model, page: PageContext(request: req, title: req.t(.reviewsTitle))),
                                 status: issues.isEmpty ? .ok : .unprocessableEntity)
    }

    func act(_ req: Request, _ action: String) async throws -> Response {
        let (application, form, rights) = try await load(req)
        let userID = try req.requireUserID()
        let author = req.context.userName ?? ""
        func field(_ name: String) -> String { (try? req.content.get(String.self, at: name)) ?? "" }
        let reviews = req.reviews
        do {
            switch action {
            case "vote":
                guard rights.vote else { throw BlasonError.forbidden }
                guard let choice = ["yes": true, "no": false][field("vote")] else { throw BlasonError.invalid("vote", .required) }
                try await reviews.vote(application, form: form, userID: userID, authorName: author, inFavour: choice, comment: field("comment"))
                req.flash(req.t(.voteRecordedNotice))
            case "comment":
                try await reviews.comment(application, userID: userID, authorName: author, body: field("body"), isInternal: !field("internal").isEmpty)
                req.flash(req.t(.messageSentNotice))
            default:
                guard rights.decide else { throw BlasonError.forbidden }
                switch action {
                case "approve":
                    var issues: [FieldIssue] = []
                    let expires = CalendarDay.optional(field("expires"), field: "expires", issues: &issues)
                    if !issues.isEmpty { throw BlasonError.invalid(issues) }
                    // The box holds the standard message: sent as is, or as the reviewer rewrote it.
                    let standard = try await ApplicationMail(db: req.db, clock: req.blason.clock, configuration: req.blason.configuration)
                        .approvalText(application)
                    let typed = field("message").trimmingCharacters(in: .whitespacesAndNewlines)
                    let edited = typed.isEmpty || typed == standard ? nil : typed
                    try await reviews.approve(application, form: form, by: userID, authorName: author,
                                              options: .init(body: edited, expires: expires, criteriaAddendum: field("addendum").nilIfBlank))
                case "return":
                    try await reviews.returnForRevision(application, by: userID, authorName: author, comment: field("comment"))
                default:
                    try await reviews.reject(application, by: userID, authorName: author, reason: field("reason"))
                }
                req.flash(req.t(.decisionRecordedNotice))
            }
        } catch BlasonError.invalid(let issues) {
            return try await detail(req, issues: issues)
        }
        return req.redirect(to: SiteRoute.review(application.id!).path)
    }

    /// An attachment, to reviewers only, as a download (never rendered inline): the latest one, or
    /// the one of an earlier revision (`?revision=N`), which the history keeps.
    func file(_ req: Request) async throws -> Response {
        let (application, form, _) = try await load(req)
        let applicationID = try application.requireID()
        var query = ApplicationAnswerRecord.query(on: req.db).filter(\.$application.$id == applicationID)
        if let revision = req.query[Int.self, at: "revision"] { query = query.filter(\.$revision <= revision) }
        guard let questionID = req.parameters.get("question").flatMap(UUID.init(uuidString:)),
              form.questions.contains(where: { $0.id == questionID && $0.kind == .file }),
              let record = try await query.filter(\.$questionID == questionID).sort(\.$revision, .descending).first(),
              let data = record.fileData, case .file(let name, let type, _) = record.answer else { throw BlasonError.notFound }
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: type)
        let safe = name.filter { $0.isLetter || $0.isNumber || ".-_ ".contains($0) }
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(safe.isEmpty ? "fichier" : safe)\"")
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'none'; sandbox")
        return response
    }

    func join(_ req: Request) async throws -> Response {
        let userID = try await req.applicationForms.join(with: req.parameters.get("token") ?? "")
        try await req.signIn(userID: userID)
        req.flash(req.t(.joinedReviewNotice))
        return req.redirect(to: SiteRoute.reviews.path)
    }
}
