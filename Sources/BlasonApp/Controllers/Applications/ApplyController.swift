import BlasonCore
import BlasonPersistence
import BlasonQR
import Fluent
import Vapor

/// The public side of applications: the apply page and its QR code, the confirmation link, and
/// the applicant's own page (follow, answer messages, resubmit when asked).
struct ApplyController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("apply", ":id") { try await show($0) }
        routes.on(.POST, "apply", ":id", body: .collect(maxSize: "60mb")) { try await apply($0) }
        routes.get("apply", ":id", "qr.svg") { try await qrCode($0, svg: true) }
        routes.get("apply", ":id", "qr.png") { try await qrCode($0, svg: false) }
        routes.get("applications", "confirm", ":token") { try await confirm($0) }
        routes.get("applications", ":id", ":token") { try await applicantPage($0) }
        routes.on(.POST, "applications", ":id", ":token", "resubmit", body: .collect(maxSize: "60mb")) { try await resubmit($0) }
        routes.post("applications", ":id", ":token", "comment") { try await comment($0) }
    }

    /// The open form of a badge class, or a clear "not open" error.
    private func openForm(_ req: Request) async throws -> (BadgeClass, ApplicationForm) {
        let badgeClass = try await req.badgeClasses.find(req.idParameter(), in: nil)
        guard let form = try await req.applicationForms.form(of: badgeClass.requireID()) else { throw BlasonError.notFound }
        return (badgeClass, form)
    }

    private func model(_ req: Request, _ badgeClass: BadgeClass, _ form: ApplicationForm) async throws -> ApplyPages.ApplyModel {
        let language = req.context.language
        let issuer = try await Organisation.find(badgeClass.$organisation.id, on: req.db)
        let organisation = form.applicantKind == .organisation ? req.context.current.flatMap { $0.role == .admin ? $0.organisationName : nil } : nil
        let applying = form.applicantKind == .organisation ? req.context.current.flatMap { $0.role == .admin ? $0.organisationID : nil } : nil
        let panels = try await req.blason.hooks.panels(form: form, organisationID: applying, db: req.db, t: req.t)
        return ApplyPages.ApplyModel(badgeClassID: badgeClass.id!, badgeName: badgeClass.name.text(in: language), issuerName: issuer?.name ?? "",
                                     introduction: form.introduction.text(in: language), questions: form.questions, method: form.reviewMethod,
                                     applicantKind: form.applicantKind, organisationName: organisation, panels: panels)
    }

    func show(_ req: Request) async throws -> Response {
        let (badgeClass, form) = try await openForm(req)
        try await req.applications.checkOpen(form)
        let model = try await model(req, badgeClass, form)
        return HTMLResponse.make(ApplyPages.apply(model, page: PageContext(request: req, title: model.badgeName, needsForm: true)))
    }

    func apply(_ req: Request) async throws -> Response {
        let (badgeClass, form) = try await openForm(req)
        let submitted = Self.answers(req, form.questions)
        let name = (try? req.content.get(String.self, at: "name")) ?? ""
        let email = (try? req.content.get(String.self, at: "email")) ?? ""
        return try await req.limitingPublicForm(.apply, account: email) {
            let applicant: ApplicationService.Applicant
            if form.applicantKind == .organisation {
                guard let current = req.context.current, current.role == .admin, let userID = req.context.userID else { throw BlasonError.forbidden }
                applicant = .organisation(id: current.organisationID, adminUserID: userID)
            } else {
                applicant = .person(name: name, email: email)
            }
            do {
                let application = try await req.applications.apply(to: form, applicant: applicant, answers: submitted, language: req.context.language,
                                                                   claimCode: try? req.content.get(String.self, at: "claim_code"))
                if application.status == .awaitingEmail {
                    return HTMLResponse.make(ApplyPages.checkEmail(page: PageContext(request: req, title: req.t(.checkEmailTitle))))
                }
                req.flash(req.t(.applicationSubmittedNotice))
                return req.redirect(to: SiteRoute.applicantView(application.id!, application.accessToken).path)
            } catch BlasonError.invalid(let issues) {
                var model = try await model(req, badgeClass, form)
                model.name = name
                model.email = email
                model.values = Self.echo(submitted)
                model.issues = issues
                return HTMLResponse.make(ApplyPages.apply(model, page: PageContext(request: req, title: model.badgeName, needsForm: true)),
                                         status: .unprocessableEntity)
            }
        }
    }

    /// Reads one answer per question from a (multipart or url-encoded) form.
    static func answers(_ req: Request, _ questions: [ApplicationQuestion]) -> [UUID: AnswerValidation.Submitted] {
        var result: [UUID: AnswerValidation.Submitted] = [:]
        for question in questions {
            let key = AnswerValidation.field(question)
            switch question.kind {
            case .file:
                if let file = try? req.content.get(File.self, at: key), let data = file.nonEmptyData {
                    result[question.id] = .file(name: file.filename, data: data)
                }
            case .multipleChoice:
                if let values = try? req.content.get([String].self, at: key) { result[question.id] = .values(values) }
                else if let value = try? req.content.get(String.self, at: key) { result[question.id] = .values([value]) }
            default:
                if let value = try? req.content.get(String.self, at: key) { result[question.id] = .text(value) }
            }
        }
        return result
    }

    /// What was typed, to show the form again after an error (files must be chosen again).
    static func echo(_ submitted: [UUID: AnswerValidation.Submitted]) -> QuestionFields.Values {
        submitted.compactMapValues { value in
            switch value {
            case .text(let text): .text(text)
            case .values(let values): .choices(values)
            default: nil
            }
        }
    }

    func qrCode(_ req: Request, svg: Bool) async throws -> Response {
        let (badgeClass, _) = try await openForm(req)
        let url = SiteRoute.applyPage(badgeClass.id!).absolute(req.blason.publicURL)
        let code = try QRCode(text: url, errorCorrection: .medium)
        let response: Response
        if svg {
            response = Response(status: .ok, body: .init(string: code.svg(moduleSize: 8, quietZone: 4, title: req.t(.qrCodeAlt))))
            response.headers.contentType = HTTPMediaType(type: "image", subType: "svg+xml")
        } else {
            response = Response(status: .ok, body: .init(data: code.png(moduleSize: 8, quietZone: 4)))
            response.headers.contentType = .png
        }
        response.headers.cacheControl = .init(maxAge: 86_400)
        return response
    }

    func confirm(_ req: Request) async throws -> Response {
        let application = try await req.applications.confirm(secret: req.parameters.get("token") ?? "")
        req.flash(req.t(.applicationSubmittedNotice))
        return req.redirect(to: SiteRoute.applicantView(application.id!, application.accessToken).path)
    }

    private func application(_ req: Request) async throws -> BadgeApplication {
        try await req.applications.byAccessToken(req.idParameter(), req.parameters.get("token") ?? "")
    }

    func applicantPage(_ req: Request, issues: [FieldIssue] = [], echo: QuestionFields.Values? = nil) async throws -> Response {
        let application = try await application(req)
        let current = try await req.applications.currentAnswers(application)
        let events = try await ApplicationEvent.query(on: req.db).filter(\.$application.$id == application.requireID())
            .filter(\.$reviewersOnly == false).sort(\.$createdAt).all()
        let model = ApplyPages.ApplicantModel(
            applicationID: application.id!, token: application.accessToken, badgeClassID: application.$badgeClass.id,
            badgeName: application.badgeClass.name.text(in: req.context.language), status: application.status,
            questions: application.form.questions, values: echo ?? current.compactMapValues(\.answer),
            messages: events.map { Self.message($0, req.t) }, issues: issues)
        let response = HTMLResponse.make(ApplyPages.applicant(model, page: PageContext(request: req, title: model.badgeName, needsForm: true)),
                                         status: issues.isEmpty ? .ok : .unprocessableEntity)
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
        return response
    }

    static func message(_ event: ApplicationEvent, _ t: Localizer) -> ApplyPages.Message {
        let kind: String = switch event.kind {
        case .submitted: t.pick("demande envoyée", "application sent")
        case .resubmitted: t.pick("demande renvoyée", "application sent again")
        case .returned: t.pick("renvoyée pour compléments", "returned for changes")
        case .approved: t.pick("acceptée", "approved")
        case .rejected: t.pick("refusée", "declined")
        case .comment: t.pick("message", "message")
        case .vote: t.pick("vote", "vote")
        }
        return ApplyPages.Message(author: event.authorName, date: event.createdAt, body: event.body, fromApplicant: event.fromApplicant,
                                  kind: kind, internalOnly: event.reviewersOnly, vote: event.kind == .vote ? event.vote : nil)
    }

    func resubmit(_ req: Request) async throws -> Response {
        let application = try await application(req)
        try await req.admitPublicForm(.applicantReply)
        let submitted = Self.answers(req, application.form.questions)
        do {
            try await req.applications.resubmit(application, answers: submitted)
        } catch BlasonError.invalid(let issues) {
            return try await applicantPage(req, issues: issues, echo: Self.echo(submitted))
        }
        req.flash(req.t(.resubmittedNotice))
        return req.redirect(to: SiteRoute.applicantView(application.id!, application.accessToken).path)
    }

    func comment(_ req: Request) async throws -> Response {
        let application = try await application(req)
        try await req.admitPublicForm(.applicantReply)
        do {
            try await req.applications.comment(application, body: (try? req.content.get(String.self, at: "comment")) ?? "")
        } catch BlasonError.invalid(let issues) {
            return try await applicantPage(req, issues: issues)
        }
        req.flash(req.t(.messageSentNotice))
        return req.redirect(to: SiteRoute.applicantView(application.id!, application.accessToken).path)
    }
}
