import BlasonCore
import Foundation
import Plot

/// The public application page, the "check your inbox" page and the applicant's own page.
enum ApplyPages {
    struct ApplyModel {
        let badgeClassID: UUID
        let badgeName: String
        let issuerName: String
        let introduction: String
        let questions: [ApplicationQuestion]
        let method: ReviewMethod
        let applicantKind: ApplicantKind
        /// For organisation applicants: the organisation they apply for, when signed in as its admin.
        let organisationName: String?
        /// What other features show here (e.g. a programme's submitted badges).
        var panels: [ApplicationHooks.Panel] = []
        var name = ""
        var email = ""
        var values: QuestionFields.Values = [:]
        var issues: [FieldIssue] = []
    }

    static func apply(_ model: ApplyModel, page: PageContext) -> String {
        let t = page.t
        let canApply = model.applicantKind == .person || model.organisationName != nil
        return Layout.render(page, main: .group(
            .div(.class("badge-header"),
                 Components.badgeImage(SiteRoute.badgeImage(model.badgeClassID).path, name: model.badgeName),
                 .div(.h1(.text(MailComposer.fill(t(.applyTitle), ["badge": model.badgeName]))),
                      .p(.class("lead"), .text(MailComposer.fill(t(.applyIntro), ["issuer": model.issuerName]))),
                      .if(!model.introduction.isEmpty, .div(.class("markdown"), .raw(Markdown.html(model.introduction)))),
                      .p(.a(.href(SiteRoute.badge(model.badgeClassID).path), .text(t(.criteriaHeading)))))),
            Components.errorSummary(model.issues, t),
            .if(model.applicantKind == .organisation,
                .p(.class("notice"), .text(model.organisationName.map { MailComposer.fill(t(.applyAsOrganisation), ["name": $0]) } ?? t(.applySignInAsAdmin)))),
            .forEach(model.panels) { panel in
                .section(.class("panel"), .h2(.text(panel.title)), .p(.text(panel.intro)),
                         .if(!panel.items.isEmpty, .ul(.class("link-list"), .forEach(panel.items) { .li(.a(.href($0.path), .text($0.label))) })),
                         .unwrap(panel.action) { .p(.a(.class("button secondary"), .href($0.path), .text($0.label))) })
            },
            .if(canApply, .form(
                .method(.post), .action(SiteRoute.applyPage(model.badgeClassID).path), .enctype(.multipartData), .attribute(named: "novalidate"),
                Layout.csrfField(page.csrf),
                .if(model.applicantKind == .person, .group(
                    Components.input("name", label: t(.applicantNameLabel), value: model.name, options: .init(required: true, autocomplete: "name"), issues: model.issues, t),
                    Components.input("email", label: t(.applicantEmailLabel), value: model.email,
                                     options: .init(type: .email, required: true, autocomplete: "email"), issues: model.issues, t))),
                .if(model.method == .claimCode,
                    Components.input("claim_code", label: t(.claimCodeLabel), value: nil, options: .init(required: true, autocomplete: "off"), issues: model.issues, t)),
                QuestionFields.render(model.questions, values: model.values, issues: model.issues, t),
                Components.submit(t(.submitApplicationButton)))),
            .if(model.applicantKind == .organisation && model.organisationName == nil,
                .p(.a(.class("button primary"), .href(SiteRoute.signIn.path), .text(t(.signIn)))))
        ))
    }

    static func checkEmail(page: PageContext) -> String {
        Layout.render(page, main: .div(.class("narrow"), .h1(.text(page.t(.checkEmailTitle))), .p(.class("lead"), .text(page.t(.checkEmailText)))))
    }

    static func statusLabel(_ status: ApplicationStatus, _ t: Localizer) -> String {
        switch status {
        case .awaitingEmail: t(.statusAwaitingEmail)
        case .pending: t(.statusPendingReview)
        case .returned: t(.statusReturned)
        case .approved: t(.statusApproved)
        case .rejected: t(.statusRejected)
        }
    }

    struct Message {
        let author: String
        let date: Date
        let body: String
        let fromApplicant: Bool
        let kind: String
        var internalOnly = false
        var vote: Bool?
    }

    static func thread(_ messages: [Message], _ t: Localizer) -> Node<HTML.BodyContext> {
        .ol(.class("thread"), .forEach(messages) { message in
            .li(.class(message.fromApplicant ? "from-applicant" : "from-reviewer"),
                .p(.class("meta"), .strong(.text(message.author)), .text(" — \(t.date(message.date)) — \(message.kind)"),
                   .if(message.internalOnly, .span(.class("tag"), .text(" " + t(.reviewersOnlyLabel))))),
                .unwrap(message.vote) { .p(.strong(.text(t($0 ? .voteYes : .voteNo)))) },
                .forEach(message.body.components(separatedBy: "\n").filter { !$0.isEmpty }) { .p(.text($0)) })
        })
    }

    struct ApplicantModel {
        let applicationID: UUID
        let token: String
        let badgeClassID: UUID
        let badgeName: String
        let status: ApplicationStatus
        let questions: [ApplicationQuestion]
        let values: QuestionFields.Values
        let messages: [Message]
        var issues: [FieldIssue] = []
    }

    static func applicant(_ model: ApplicantModel, page: PageContext) -> String {
        let t = page.t
        return Layout.render(page, main: .group(
            .div(.class("badge-header"),
                 Components.badgeImage(SiteRoute.badgeImage(model.badgeClassID).path, name: model.badgeName, size: "small"),
                 .h1(.text(MailComposer.fill(t(.applicationTitle), ["badge": model.badgeName])))),
            .p(.text("\(t(.applicationStatusLabel)) : "), .span(.class("tag"), .text(statusLabel(model.status, t)))),
            Components.errorSummary(model.issues, t),
            .if(model.status == .returned, .section(
                .h2(.text(t(.resubmitHeading))),
                .form(.method(.post), .action(SiteRoute.applicantAction(model.applicationID, model.token, "resubmit").path), .enctype(.multipartData),
                      .attribute(named: "novalidate"), Layout.csrfField(page.csrf),
                      QuestionFields.render(model.questions, values: model.values, issues: model.issues, t),
                      Components.submit(t(.resubmitButton)))),
                else: .section(.h2(.text(t(.yourAnswers))), QuestionFields.answers(model.questions, values: model.values, fileLink: nil, t))),
            .section(.h2(.text(t(.conversationHeading))),
                     thread(model.messages, t),
                     .if(!model.status.isDecided, .form(.method(.post), .action(SiteRoute.applicantAction(model.applicationID, model.token, "comment").path),
                                                       Layout.csrfField(page.csrf),
                                                       Components.textarea("comment", label: t(.writeMessage), value: nil, rows: 3, issues: model.issues, t),
                                                       Components.submit(t(.sendMessageButton), style: "secondary"))))
        ))
    }
}
