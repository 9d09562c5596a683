import BlasonCore
import BlasonPersistence
import Fluent
import Foundation

/// The applicant's side: applying, confirming the address, resubmitting, writing to reviewers.
struct ApplicationService {
    let db: any Database
    let clock: Clock
    let configuration: BlasonConfiguration
    let hooks: ApplicationHooks
    var awardHooks = AwardHooks()

    /// Who applies: a person (name and e-mail, confirmed by a link), or an organisation through
    /// one of its admins (its contact e-mail receives the badge).
    enum Applicant: Sendable {
        case person(name: String, email: String)
        case organisation(id: UUID, adminUserID: UUID)
    }

    private var mail: ApplicationMail { ApplicationMail(db: db, clock: clock, configuration: configuration) }

    /// Creates an application. People get a confirmation link first; organisations' applications are
    /// submitted at once. Claim codes and automatic approval decide as soon as it is submitted.
    func apply(to form: ApplicationForm, applicant: Applicant, answers submitted: [UUID: AnswerValidation.Submitted], language: Language,
               claimCode: String?) async throws -> BadgeApplication {
        try await checkOpen(form)
        var issues: [FieldIssue] = []
        if form.reviewMethod == .claimCode {
            let code = claimCode?.trimmingCharacters(in: .whitespaces) ?? ""
            if code.isEmpty { issues.append(FieldIssue(field: "claim_code", problem: .required)) }
            else if ApplicationFormService.hashCode(code) != form.claimCodeHash { issues.append(FieldIssue(field: "claim_code", problem: .wrongClaimCode)) }
        }
        var name = "", email = "", organisationID: UUID?, userID: UUID?
        switch (applicant, form.applicantKind) {
        case (.person(let rawName, let rawEmail), .person):
            name = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
            if name.isEmpty { issues.append(FieldIssue(field: "name", problem: .required)) }
            if name.count > 200 { issues.append(FieldIssue(field: "name", problem: .tooLong(max: 200))) }
            if let address = EmailAddress(rawEmail) { email = address.value } else {
                issues.append(FieldIssue(field: "email", problem: rawEmail.isEmpty ? .required : .invalidEmail(rawEmail)))
            }
        case (.organisation(let id, let admin), .organisation):
            guard let organisation = try await Organisation.find(id, on: db) else { throw BlasonError.notFound }
            name = organisation.name
            email = organisation.contactEmail
            organisationID = id
            userID = admin
        default:
            throw BlasonError.forbidden
        }
        let answers: [AnswerValidation.Valid]
        do { answers = try AnswerValidation.validate(form.questions, submitted: submitted) } catch {
            if case .invalid(let found) = error { issues += found }
            answers = []
        }
        guard issues.isEmpty else { throw BlasonError.invalid(issues) }
        let (applicantName, applicantEmail, applicantOrganisationID, applicantUserID) = (name, email, organisationID, userID)

        return try await db.transactionRetrying { db in
            let service = ApplicationService(db: db, clock: clock, configuration: configuration, hooks: hooks, awardHooks: awardHooks)
            try await service.checkOpen(form)
            let application = BadgeApplication(
                formID: try form.requireID(), badgeClassID: form.$badgeClass.id, organisationID: form.$organisation.id, applicantName: applicantName,
                applicantEmail: applicantEmail, applicantOrganisationID: applicantOrganisationID, applicantUserID: applicantUserID, language: language,
                status: applicantOrganisationID == nil ? .awaitingEmail : .pending, accessToken: SecureToken.make())
            // Other features' conditions (e.g. a programme requiring a shared badge) are checked with the application in hand.
            let unmet = try await hooks.unmet(\.beforeSubmit, form: form, application: application, db: db, t: Localizer(language: language))
            guard unmet.isEmpty else {
                throw BlasonError.invalid([FieldIssue(field: nil, problem: .preconditionFailed(unmet.joined(separator: " ; ")))])
            }
            try await application.create(on: db)
            try await service.store(answers, for: application)
            if applicantOrganisationID == nil {
                let (secret, _) = try await OneTimeLinks(db: db, clock: clock).issue(
                    .applicationEmail, email: applicantEmail, applicationID: application.requireID(), lifetime: Double(configuration.linkLifetimeDays) * 86_400)
                try await service.mail.send(.applicationConfirm, application, link: SiteRoute.applicationConfirm(secret).absolute(configuration.publicURL))
            } else {
                try await service.submitted(application, by: applicantUserID)
            }
            return application
        }
    }

    /// The confirmation link: the application is submitted, and decided at once for automatic
    /// approval and claim codes.
    func confirm(secret: String) async throws -> BadgeApplication {
        try await db.transactionRetrying { db in
            let service = ApplicationService(db: db, clock: clock, configuration: configuration, hooks: hooks, awardHooks: awardHooks)
            let links = OneTimeLinks(db: db, clock: clock)
            let token = try await links.check(secret, purpose: .applicationEmail)
            guard let applicationID = token.applicationID, let application = try await BadgeApplication.find(applicationID, on: db),
                  application.applicantEmail == token.email else { throw BlasonError.link(.mismatch) }
            try await links.consume(token)
            guard application.status == .awaitingEmail else { throw BlasonError.link(.alreadyUsed) }
            let form = try await application.$form.get(on: db)
            try await service.checkOpen(form, excluding: application.id)
            try await service.submitted(application, by: nil)
            return application
        }
    }

    /// Marks an application submitted, tells the applicant, and lets automatic methods decide.
    private func submitted(_ application: BadgeApplication, by userID: UUID?) async throws {
        application.status = .pending
        application.submittedAt = clock.now
        try await application.save(on: db)
        try await ApplicationEvent(applicationID: application.requireID(), kind: .submitted, authorUserID: userID,
                                   authorName: application.applicantName, fromApplicant: true, reviewersOnly: false, body: "",
                                   revision: application.revision, at: clock.now).create(on: db)
        try await mail.send(.applicationReceived, application)
        let form = try await application.$form.get(on: db)
        try await hooks.run(\.afterSubmit, form: form, application: application, db: db)
        if form.reviewMethod == .automatic || form.reviewMethod == .claimCode {
            try await ApplicationReviewService(db: db, clock: clock, configuration: configuration, hooks: hooks, awardHooks: awardHooks)
                .approve(application, form: form, by: nil, authorName: form.reviewMethod == .claimCode ? "code" : "automatique",
                         options: .init())
        }
    }

    /// Open, before its closing date, and under its applicant limit (counting submitted applications).
    func checkOpen(_ form: ApplicationForm, excluding applicationID: UUID? = nil) async throws {
        guard form.isOpen else { throw BlasonError.conflict(.applicationsClosed) }
        if let closesAt = form.closesAt, closesAt <= clock.now { throw BlasonError.conflict(.applicationsClosed) }
        if let limit = form.applicantLimit {
            var query = try BadgeApplication.query(on: db).filter(\.$form.$id == form.requireID())
                .filter(\.$statusName != ApplicationStatus.awaitingEmail.rawValue)
            if let applicationID { query = query.filter(\.$id != applicationID) }
            if try await query.count() >= limit { throw BlasonError.conflict(.applicantLimitReached) }
        }
    }

    /// The application behind an applicant's personal link.
    func byAccessToken(_ id: UUID, _ token: String) async throws -> BadgeApplication {
        guard let application = try await BadgeApplication.query(on: db).filter(\.$id == id).with(\.$form).with(\.$badgeClass).first(),
              SecureToken.constantTimeEquals(application.accessToken, token) else { throw BlasonError.link(.invalid) }
        return application
    }

    /// The applicant edits a returned application: a new revision of the answers, back to pending.
    func resubmit(_ application: BadgeApplication, answers submitted: [UUID: AnswerValidation.Submitted]) async throws {
        guard application.status == .returned else { throw BlasonError.conflict(.notAllowedNow) }
        let form = try await application.$form.get(on: db)
        let previous = try await currentAnswers(application)
        let answers = try AnswerValidation.validate(form.questions, submitted: submitted, previous: previous.compactMapValues(\.answer))
        try await db.transactionRetrying { db in
            let service = ApplicationService(db: db, clock: clock, configuration: configuration, hooks: hooks, awardHooks: awardHooks)
            // Files left unchanged keep their bytes from the previous revision.
            var withFiles: [AnswerValidation.Valid] = []
            for answer in answers {
                if answer.fileData == nil, case .file = answer.answer, let old = previous[answer.questionID] {
                    withFiles.append(.init(questionID: answer.questionID, answer: answer.answer, fileData: old.fileData))
                } else {
                    withFiles.append(answer)
                }
            }
            let changed = try await (db as! any SQLDatabase).update(BadgeApplication.schema)
                .set("status", to: ApplicationStatus.pending.rawValue).set("revision", to: application.revision + 1)
                .where("id", .equal, application.requireID()).where("status", .equal, ApplicationStatus.returned.rawValue)
                .returning("id").all()
            guard !changed.isEmpty else { throw BlasonError.conflict(.notAllowedNow) }
            application.status = .pending
            application.revision += 1
            try await service.store(withFiles, for: application)
            try await ApplicationEvent(applicationID: application.requireID(), kind: .resubmitted, authorUserID: nil,
                                       authorName: application.applicantName, fromApplicant: true, reviewersOnly: false, body: "",
                                       revision: application.revision, at: clock.now).create(on: db)
        }
    }

    /// The applicant writes in the conversation.
    func comment(_ application: BadgeApplication, body: String) async throws {
        guard !application.status.isDecided else { throw BlasonError.conflict(.alreadyDecided) }
        let text = try Self.checkedComment(body)
        try await ApplicationEvent(applicationID: application.requireID(), kind: .comment, authorUserID: nil, authorName: application.applicantName,
                                   fromApplicant: true, reviewersOnly: false, body: text, revision: application.revision, at: clock.now).create(on: db)
    }

    /// `field` is the form's name for the text, so the error shows beside the box the person typed in.
    static func checkedComment(_ body: String, field: String = "comment") throws -> String {
        let text = body.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw BlasonError.invalid(field, .required) }
        guard text.count <= 10_000 else { throw BlasonError.invalid(field, .tooLong(max: 10_000)) }
        return text
    }

    /// The answers of the latest revision, by question.
    func currentAnswers(_ application: BadgeApplication) async throws -> [UUID: ApplicationAnswerRecord] {
        let records = try await ApplicationAnswerRecord.query(on: db).filter(\.$application.$id == application.requireID())
            .filter(\.$revision == application.revision).all()
        return Dictionary(records.map { ($0.questionID, $0) }, uniquingKeysWith: { a, _ in a })
    }

    private func store(_ answers: [AnswerValidation.Valid], for application: BadgeApplication) async throws {
        let id = try application.requireID()
        for answer in answers {
            try await ApplicationAnswerRecord(applicationID: id, questionID: answer.questionID, revision: application.revision,
                                              answer: answer.answer, fileData: answer.fileData).create(on: db)
        }
    }
}

import SQLKit
