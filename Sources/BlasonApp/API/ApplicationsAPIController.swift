import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import Vapor

/// `/api/v1` for badge applications: open and close them, submit, list, decide, vote.
struct ApplicationsAPIController: RouteCollection {
    struct QuestionBody: Content {
        struct ChoiceBody: Content {
            var fr: String
            var en: String?
        }
        var id: UUID?
        var kind: String
        var label: APIModel.Texts
        var help: APIModel.Texts?
        var required: Bool?
        var choices: [ChoiceBody]?
        var maxFileBytes: Int?
    }

    struct FormBody: Content {
        var reviewMethod: String
        var applicantKind: String?
        var introduction: APIModel.Texts?
        var questions: [QuestionBody]
        var closesAt: String?
        var applicantLimit: Int?
        var juryThreshold: Int?
        var claimCode: String?
        var jury: [String]?
        var finalReviewer: String?
        var outsideReviewers: [String]?
    }

    struct FormResponse: Content {
        var id: String
        var badgeClassId: String
        var isOpen: Bool
        var reviewMethod: String
        var applicantKind: String
        var closesAt: Date?
        var applicantLimit: Int?
        var juryThreshold: Int
        var questions: [QuestionBody]
        var applyUrl: String
    }

    /// An answer: a string, a list of strings (multiple choice), a boolean (yes/no), or a file.
    enum AnswerBody: Codable {
        struct FileBody: Codable {
            var name: String
            var contentBase64: String
        }
        case text(String), values([String]), yesNo(Bool), file(FileBody)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) { self = .text(text) }
            else if let flag = try? container.decode(Bool.self) { self = .yesNo(flag) }
            else if let values = try? container.decode([String].self) { self = .values(values) }
            else { self = .file(try container.decode(FileBody.self)) }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .text(let text): try container.encode(text)
            case .values(let values): try container.encode(values)
            case .yesNo(let flag): try container.encode(flag)
            case .file(let file): try container.encode(file)
            }
        }
    }

    struct SubmitBody: Content {
        var name: String?
        var email: String?
        /// Apply as this organisation (its admin), for badge classes awarded to organisations.
        var organisation: String?
        var answers: [String: AnswerBody]
        var claimCode: String?
        var language: String?
    }

    struct ApplicationResponse: Content {
        var id: String
        var badgeClassId: String
        var status: String
        var applicantName: String
        var applicantEmail: String
        var revision: Int
        var submittedAt: Date?
        var decidedAt: Date?
        var decisionNote: String?
        var awardId: String?
        var answers: [String: ApplicationAnswer]?

        init(_ application: BadgeApplication, answers: [String: ApplicationAnswer]? = nil) {
            id = application.id!.lowercased
            badgeClassId = application.$badgeClass.id.lowercased
            status = application.statusName
            applicantName = application.applicantName
            applicantEmail = application.applicantEmail
            revision = application.revision
            submittedAt = application.submittedAt
            decidedAt = application.decidedAt
            decisionNote = application.decisionNote
            awardId = application.$award.id?.lowercased
            self.answers = answers
        }
    }

    struct DecisionBody: Content {
        var action: String
        var comment: String?
        var message: String?
        var expires: String?
        var criteriaAddendum: String?
    }

    struct VoteBody: Content {
        var vote: Bool
        var comment: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1").grouped(APIAuthenticationMiddleware())
        api.get("badge-classes", ":id", "application-form") { try await form($0) }
        api.put("badge-classes", ":id", "application-form") { try await saveForm($0) }
        api.post("badge-classes", ":id", "application-form", "close") { try await closeForm($0) }
        api.on(.POST, "badge-classes", ":id", "applications", body: .collect(maxSize: "80mb")) { try await submit($0) }
        api.get("organisations", ":slug", "applications") { try await list($0) }
        api.get("applications", ":id") { try await show($0) }
        api.post("applications", ":id", "decision") { try await decide($0) }
        api.post("applications", ":id", "votes") { try await vote($0) }
    }

    private func ownBadgeClass(_ req: Request, role: Role?) async throws -> BadgeClass {
        let badgeClass = try await req.badgeClasses.find(req.idParameter(), in: nil)
        _ = try req.requireAPIMembership(badgeClass.$organisation.id, role)
        return badgeClass
    }

    private func response(_ req: Request, _ form: ApplicationForm) -> FormResponse {
        FormResponse(
            id: form.id!.lowercased, badgeClassId: form.$badgeClass.id.lowercased, isOpen: form.isOpen, reviewMethod: form.reviewMethodName,
            applicantKind: form.applicantKindName, closesAt: form.closesAt, applicantLimit: form.applicantLimit, juryThreshold: form.juryThreshold,
            questions: form.questions.map {
                QuestionBody(id: $0.id, kind: $0.kind.rawValue, label: .init($0.label), help: $0.help.map(APIModel.Texts.init), required: $0.required,
                             choices: $0.choices.map { .init(fr: $0.label.fr, en: $0.label.en) }, maxFileBytes: $0.maximumFileBytes)
            },
            applyUrl: SiteRoute.applyPage(form.$badgeClass.id).absolute(req.blason.publicURL))
    }

    func form(_ req: Request) async throws -> FormResponse {
        // Every member may read the form: its questions are public, and each role acts on its answers.
        let badgeClass = try await ownBadgeClass(req, role: nil)
        guard let form = try await req.applicationForms.form(of: badgeClass.requireID()) else { throw BlasonError.notFound }
        return response(req, form)
    }

    func saveForm(_ req: Request) async throws -> FormResponse {
        let badgeClass = try await ownBadgeClass(req, role: .creator)
        let body = try req.decodeBody(FormBody.self)
        var issues: [FieldIssue] = []
        guard let method = ReviewMethod(rawValue: body.reviewMethod) else { throw BlasonError.invalid("reviewMethod", .notAllowedValue(body.reviewMethod)) }
        let kind = ApplicantKind(rawValue: body.applicantKind ?? "person")
        if kind == nil { issues.append(FieldIssue(field: "applicantKind", problem: .notAllowedValue(body.applicantKind ?? ""))) }
        let questions: [ApplicationQuestion] = body.questions.enumerated().compactMap { index, question in
            guard let kind = ApplicationQuestion.Kind(rawValue: question.kind) else {
                issues.append(FieldIssue(field: "questions[\(index)].kind", problem: .notAllowedValue(question.kind)))
                return nil
            }
            let choices = (question.choices ?? []).map { "\($0.fr) | \($0.en ?? "")" }.joined(separator: "\n")
            return ApplicationQuestion(
                id: question.id ?? UUID(), kind: kind, label: LocalizedText(fr: question.label.fr, en: question.label.en),
                help: question.help.map { LocalizedText(fr: $0.fr, en: $0.en) }, required: question.required ?? false,
                choices: ApplicationQuestion.choices(fromLines: choices), maximumFileBytes: question.maxFileBytes ?? ApplicationQuestion.defaultMaximumFileBytes)
        }
        let closesAt = CalendarDay.optional(body.closesAt, field: "closesAt", issues: &issues)
        guard issues.isEmpty, let kind else { throw BlasonError.invalid(issues) }
        let draft = ApplicationFormDraft(
            introduction: body.introduction.map { LocalizedText(fr: $0.fr, en: $0.en) } ?? LocalizedText(fr: ""), questions: questions,
            reviewMethod: method, applicantKind: kind, closesAt: closesAt, applicantLimit: body.applicantLimit,
            juryThreshold: body.juryThreshold ?? 1, claimCode: body.claimCode)
        let form = try await req.applicationForms.save(
            badgeClass, draft: draft,
            reviewers: .init(jury: body.jury ?? [], final: body.finalReviewer, outside: body.outsideReviewers ?? []),
            invitedBy: req.context.userName ?? "")
        return response(req, form)
    }

    func closeForm(_ req: Request) async throws -> FormResponse {
        let badgeClass = try await ownBadgeClass(req, role: .creator)
        guard let form = try await req.applicationForms.form(of: badgeClass.requireID()) else { throw BlasonError.notFound }
        try await req.applicationForms.close(form)
        return response(req, form)
    }

    func submit(_ req: Request) async throws -> Response {
        let badgeClass = try await req.badgeClasses.find(req.idParameter(), in: nil)
        guard let form = try await req.applicationForms.form(of: badgeClass.requireID()) else { throw BlasonError.notFound }
        let body = try req.decodeBody(SubmitBody.self)
        var submitted: [UUID: AnswerValidation.Submitted] = [:]
        var issues: [FieldIssue] = []
        for question in form.questions {
            guard let answer = body.answers[question.id.uuidString.lowercased()] ?? body.answers[question.id.uuidString] else { continue }
            switch answer {
            case .text(let text): submitted[question.id] = .text(text)
            case .values(let values): submitted[question.id] = .values(values)
            case .yesNo(let flag): submitted[question.id] = .text(flag ? "yes" : "no")
            case .file(let file):
                guard let data = Data(base64Encoded: file.contentBase64) else {
                    issues.append(FieldIssue(field: AnswerValidation.field(question), problem: .wrongType(expected: "base64"), label: question.label))
                    continue
                }
                submitted[question.id] = .file(name: file.name, data: data)
            }
        }
        if !issues.isEmpty { throw BlasonError.invalid(issues) }
        let applicant: ApplicationService.Applicant
        if let reference = body.organisation {
            let organisation = try await req.organisations.find(reference)
            let membership = try req.requireAPIMembership(organisation.requireID(), .admin)
            applicant = .organisation(id: membership.organisationID, adminUserID: try req.requireUserID())
        } else {
            applicant = .person(name: body.name ?? "", email: body.email ?? "")
        }
        let language = body.language.flatMap(Language.init(rawValue:)) ?? .fr
        let application = try await req.applications.apply(to: form, applicant: applicant, answers: submitted, language: language, claimCode: body.claimCode)
        let reloaded = try await BadgeApplication.find(application.id, on: req.db) ?? application
        return try await ApplicationResponse(reloaded).encodeResponse(status: .created, for: req)
    }

    func list(_ req: Request) async throws -> [ApplicationResponse] {
        let organisation = try await req.organisations.find(req.parameters.require("slug"))
        _ = try req.requireAPIMembership(organisation.requireID(), .reviewer)
        var query = try BadgeApplication.query(on: req.db).filter(\.$organisation.$id == organisation.requireID())
        if let raw = req.query[String.self, at: "status"] {
            guard let status = ApplicationStatus(rawValue: raw) else { throw BlasonError.invalid("status", .notAllowedValue(raw)) }
            query = query.filter(\.$statusName == status.rawValue)
        }
        return try await query.sort(\.$createdAt, .descending).limit(1000).all().map { ApplicationResponse($0) }
    }

    private func reviewable(_ req: Request) async throws -> (BadgeApplication, ApplicationForm, ApplicationReviewService.Rights) {
        guard let application = try await BadgeApplication.find(req.idParameter(), on: req.db) else { throw BlasonError.notFound }
        let (form, rights) = try await req.reviews.requireRights(application, userID: req.context.userID, memberships: req.context.memberships)
        return (application, form, rights)
    }

    func show(_ req: Request) async throws -> ApplicationResponse {
        let (application, _, _) = try await reviewable(req)
        let answers = try await req.applications.currentAnswers(application)
        return ApplicationResponse(application, answers: Dictionary(answers.compactMap { key, record in record.answer.map { (key.lowercased, $0) } },
                                                                    uniquingKeysWith: { a, _ in a }))
    }

    func decide(_ req: Request) async throws -> ApplicationResponse {
        let (application, form, rights) = try await reviewable(req)
        guard rights.decide else { throw BlasonError.forbidden }
        let body = try req.decodeBody(DecisionBody.self)
        let author = req.context.userName ?? ""
        let userID = try req.requireUserID()
        switch body.action {
        case "approve":
            var issues: [FieldIssue] = []
            let expires = CalendarDay.optional(body.expires, field: "expires", issues: &issues)
            if !issues.isEmpty { throw BlasonError.invalid(issues) }
            try await req.reviews.approve(application, form: form, by: userID, authorName: author,
                                          options: .init(message: body.message, expires: expires, criteriaAddendum: body.criteriaAddendum))
        case "return":
            try await req.reviews.returnForRevision(application, by: userID, authorName: author, comment: body.comment ?? "")
        case "reject":
            try await req.reviews.reject(application, by: userID, authorName: author, reason: body.comment ?? "")
        default:
            throw BlasonError.invalid("action", .notAllowedValue(body.action))
        }
        return ApplicationResponse(try await BadgeApplication.find(application.id, on: req.db) ?? application)
    }

    func vote(_ req: Request) async throws -> ApplicationResponse {
        let (application, form, rights) = try await reviewable(req)
        guard rights.vote else { throw BlasonError.forbidden }
        let body = try req.decodeBody(VoteBody.self)
        try await req.reviews.vote(application, form: form, userID: req.requireUserID(), authorName: req.context.userName ?? "",
                                   inFavour: body.vote, comment: body.comment ?? "")
        return ApplicationResponse(try await BadgeApplication.find(application.id, on: req.db) ?? application)
    }
}
