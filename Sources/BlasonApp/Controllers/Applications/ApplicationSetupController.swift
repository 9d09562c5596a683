import BlasonCore
import BlasonPersistence
import Fluent
import Vapor

/// Creator tools › a badge class › Demandes de badge: opening, editing and closing applications.
struct ApplicationSetupController: RouteCollection {
    static let maximumRows = ApplicationFormDraft.maximumQuestions

    func boot(routes: any RoutesBuilder) throws {
        let setup = routes.grouped("creator", "badge-classes", ":id", "applications")
        setup.get { try await show($0) }
        setup.post { try await save($0) }
        setup.post("close") { try await close($0) }
    }

    private func badgeClass(_ req: Request) async throws -> BadgeClass {
        let current = try req.requireOrganisation(.creator)
        return try await req.badgeClasses.find(req.idParameter(), in: current.organisationID)
    }

    func show(_ req: Request) async throws -> Response {
        let badgeClass = try await badgeClass(req)
        var model = ApplicationSetupPage.Model(badgeClassID: badgeClass.id!, badgeName: badgeClass.name.text(in: req.context.language))
        if let form = try await req.applicationForms.form(of: badgeClass.id!) {
            let reviewers = try await req.applicationForms.reviewers(of: form)
            model.isOpen = form.isOpen
            model.methodFixed = true
            model.reviewMethod = form.reviewMethodName
            model.applicantKind = form.applicantKindName
            model.closesAt = form.closesAt.map(CalendarDay.format) ?? ""
            model.applicantLimit = form.applicantLimit.map(String.init) ?? ""
            model.juryThreshold = String(form.juryThreshold)
            model.introFR = form.introFR
            model.introEN = form.introEN ?? ""
            model.jury = reviewers.filter { $0.role == .jury }.map(\.email).joined(separator: "\n")
            model.finalReviewer = reviewers.first { $0.role == .final }?.email ?? ""
            model.outside = reviewers.filter { $0.role == .outside }.map(\.email).joined(separator: "\n")
            model.questions = form.questions.map { question in
                .init(id: question.id.uuidString, kind: question.kind.rawValue, labelFR: question.label.fr, labelEN: question.label.en ?? "",
                      helpFR: question.help?.fr ?? "", helpEN: question.help?.en ?? "", required: question.required,
                      choices: question.choices.map(Self.choiceLine).joined(separator: "\n"),
                      maxMB: String(max(1, question.maximumFileBytes / 1_048_576)))
            }
        }
        return HTMLResponse.make(ApplicationSetupPage.render(model, page: PageContext(request: req, title: req.t(.applicationsSetupTitle))))
    }

    static func choiceLine(_ choice: ApplicationQuestion.Choice) -> String {
        guard let english = choice.label.en else { return choice.label.fr }
        return "\(choice.label.fr) | \(english)"
    }

    func save(_ req: Request) async throws -> Response {
        let badgeClass = try await badgeClass(req)
        let existing = try await req.applicationForms.form(of: badgeClass.id!)
        func field(_ name: String) -> String { (try? req.content.get(String.self, at: name)) ?? "" }
        var issues: [FieldIssue] = []
        var questions: [ApplicationQuestion] = []
        var rows: [ApplicationSetupPage.QuestionRow] = []
        for n in 1...Self.maximumRows {
            let row = ApplicationSetupPage.QuestionRow(
                id: field("q\(n)_id"), kind: field("q\(n)_kind"), labelFR: field("q\(n)_label_fr"), labelEN: field("q\(n)_label_en"),
                helpFR: field("q\(n)_help_fr"), helpEN: field("q\(n)_help_en"), required: !field("q\(n)_required").isEmpty,
                choices: field("q\(n)_choices"), maxMB: field("q\(n)_max_mb"))
            // A row with no label and no id is a spare row left empty.
            guard !row.labelFR.trimmingCharacters(in: .whitespaces).isEmpty || !row.id.isEmpty else { continue }
            rows.append(row)
            guard let kind = ApplicationQuestion.Kind(rawValue: row.kind) else {
                issues.append(FieldIssue(field: "q\(n)_kind", problem: .notAllowedValue(row.kind)))
                continue
            }
            let megabytes = Int(row.maxMB.trimmingCharacters(in: .whitespaces)) ?? 5
            let help = LocalizedText(fr: row.helpFR.trimmingCharacters(in: .whitespaces), en: row.helpEN.nilIfBlank)
            questions.append(ApplicationQuestion(
                id: UUID(uuidString: row.id) ?? UUID(), kind: kind,
                label: LocalizedText(fr: row.labelFR.trimmingCharacters(in: .whitespaces), en: row.labelEN.nilIfBlank),
                help: help.fr.isEmpty ? nil : help, required: row.required,
                choices: kind == .singleChoice || kind == .multipleChoice ? ApplicationQuestion.choices(fromLines: row.choices) : [],
                maximumFileBytes: megabytes * 1_048_576))
        }
        let method = ReviewMethod(rawValue: field("review_method")) ?? .single
        let kind = ApplicantKind(rawValue: field("applicant_kind")) ?? .person
        let closesAt = CalendarDay.optional(field("closes_at"), field: "closes_at", issues: &issues)
        var limit: Int?
        if !field("applicant_limit").isEmpty {
            limit = Int(field("applicant_limit"))
            if limit == nil { issues.append(FieldIssue(field: "applicant_limit", problem: .invalidNumber(field("applicant_limit")))) }
        }
        let threshold = Int(field("jury_threshold")) ?? 1
        let code = field("claim_code").trimmingCharacters(in: .whitespaces)
        let draft = ApplicationFormDraft(
            introduction: LocalizedText(fr: field("intro_fr"), en: field("intro_en").nilIfBlank), questions: questions, reviewMethod: method,
            applicantKind: kind, closesAt: closesAt, applicantLimit: limit, juryThreshold: threshold, claimCode: code.isEmpty ? nil : code)
        let reviewers = ApplicationFormService.Reviewers(
            jury: field("jury").components(separatedBy: .newlines), final: field("final_reviewer").nilIfBlank,
            outside: field("outside_reviewers").components(separatedBy: .newlines))
        do {
            guard issues.isEmpty else { throw BlasonError.invalid(issues) }
            _ = try await req.applicationForms.save(badgeClass, draft: draft, reviewers: reviewers, invitedBy: req.context.userName ?? "")
            req.flash(req.t(.applicationsSavedNotice))
            return req.redirect(to: SiteRoute.applicationsSetup(badgeClass.id!).path)
        } catch BlasonError.invalid(let found) {
            let model = ApplicationSetupPage.Model(
                badgeClassID: badgeClass.id!, badgeName: badgeClass.name.text(in: req.context.language), isOpen: existing?.isOpen ?? false,
                methodFixed: existing != nil, reviewMethod: existing?.reviewMethodName ?? method.rawValue, applicantKind: kind.rawValue, closesAt: field("closes_at"),
                applicantLimit: field("applicant_limit"), juryThreshold: field("jury_threshold"), introFR: field("intro_fr"), introEN: field("intro_en"),
                jury: field("jury"), finalReviewer: field("final_reviewer"), outside: field("outside_reviewers"), questions: rows, issues: found)
            return HTMLResponse.make(ApplicationSetupPage.render(model, page: PageContext(request: req, title: req.t(.applicationsSetupTitle))),
                                     status: .unprocessableEntity)
        }
    }

    func close(_ req: Request) async throws -> Response {
        let badgeClass = try await badgeClass(req)
        guard let form = try await req.applicationForms.form(of: badgeClass.id!) else { throw BlasonError.notFound }
        try await req.applicationForms.close(form)
        req.flash(req.t(.applicationsClosedNotice))
        return req.redirect(to: SiteRoute.applicationsSetup(badgeClass.id!).path)
    }
}
