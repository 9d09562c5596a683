import BlasonCore
import Foundation
import Plot

/// The reviewers' queue and one application under review.
enum ReviewPages {
    struct QueueRow {
        let id: UUID
        let applicant: String
        let badgeName: String
        let status: ApplicationStatus
        let submittedAt: Date?
    }

    static let filters: [ApplicationStatus?] = [.pending, .returned, .approved, .rejected, nil]

    static func queue(_ rows: [QueueRow], filter: ApplicationStatus?, page: PageContext) -> String {
        let t = page.t
        return Layout.render(page, main: .group(
            .h1(.text(t(.reviewsTitle))),
            .p(.text(t(.reviewsIntro))),
            .nav(.class("filters"), .ariaLabel(t(.statusColumn)), .ul(.forEach(filters) { status in
                let label = status.map { ApplyPages.statusLabel($0, t) } ?? t(.filterAll)
                let href = SiteRoute.reviews.path + "?status=\(status?.rawValue ?? "all")"
                return .li(.a(.href(href), .if(status == filter, .attribute(named: "aria-current", value: "page")), .text(label)))
            })),
            .if(rows.isEmpty, .p(.text(t(.noApplications))), else: .div(.class("table-wrap"), .table(
                .thead(.tr(.th(.text(t(.applicantColumn))), .th(.text(t(.badgeColumn))), .th(.text(t(.statusColumn))), .th(.text(t(.submittedColumn))))),
                .tbody(.forEach(rows) { row in
                    .tr(.td(.a(.href(SiteRoute.review(row.id).path), .text(row.applicant))), .td(.text(row.badgeName)),
                        .td(.span(.class("tag"), .text(ApplyPages.statusLabel(row.status, t)))),
                        .td(.text(row.submittedAt.map(t.date) ?? "—")))
                }))))
        ))
    }

    struct DetailModel {
        let applicationID: UUID
        let badgeClassID: UUID
        let badgeName: String
        let applicantName: String
        let applicantEmail: String
        let applicantOrganisation: String?
        let status: ApplicationStatus
        let method: ReviewMethod
        let revision: Int
        let questions: [ApplicationQuestion]
        let values: QuestionFields.Values
        let earlier: [(revision: Int, values: QuestionFields.Values)]
        let messages: [ApplyPages.Message]
        let canDecide: Bool
        let canVote: Bool
        let juryAdvice: String?
        /// The approval e-mail's text, in the applicant's language, for the reviewer to edit.
        var approvalText = ""
        /// Objects other features linked to the application (e.g. a programme's submitted badges).
        var links: [(label: String, path: String)] = []
        var issues: [FieldIssue] = []
    }

    static func detail(_ model: DetailModel, page: PageContext) -> String {
        let t = page.t
        let pending = model.status == .pending
        let fileLink: (UUID) -> String = { SiteRoute.applicationFile(model.applicationID, $0).path }
        func actionForm(_ action: String, _ heading: Catalogue.Key, _ fields: Node<HTML.FormContext>, _ button: Catalogue.Key, style: String) -> Node<HTML.BodyContext> {
            .section(.class("review-action"), .h3(.text(t(heading))),
                     .form(.method(.post), .action(SiteRoute.reviewAction(model.applicationID, action).path), .attribute(named: "novalidate"),
                           Layout.csrfField(page.csrf), fields, Components.submit(t(button), style: style)))
        }
        return Layout.render(page, main: .group(
            .div(.class("badge-header"),
                 Components.badgeImage(SiteRoute.badgeImage(model.badgeClassID).path, name: model.badgeName, size: "small"),
                 .div(.h1(.text(MailComposer.fill(t(.reviewTitle), ["name": model.applicantName]))),
                      .p(.text(model.badgeName)),
                      .p(.text(model.applicantEmail), .unwrap(model.applicantOrganisation) { .text(" — \($0)") }),
                      .p(.span(.class("tag"), .text(ApplyPages.statusLabel(model.status, t))), .text(" "),
                         .text(MailComposer.fill(t(.revisionLabel), ["n": String(model.revision)]))))),
            Components.errorSummary(model.issues, t),
            .unwrap(model.juryAdvice) { .p(.class("notice"), .text($0)) },
            .h2(.text(t(.yourAnswers))),
            QuestionFields.answers(model.questions, values: model.values, fileLink: fileLink, t),
            .if(!model.links.isEmpty, .section(.id("linked"), .h2(.text(t(.linkedObjectsHeading))),
                                               .ul(.class("link-list"), .forEach(model.links) { .li(.a(.href($0.path), .text($0.label))) }))),
            .forEach(model.earlier) { earlier in
                .element(named: "details", nodes: [
                    .element(named: "summary", text: MailComposer.fill(t(.revisionLabel), ["n": String(earlier.revision)])),
                    QuestionFields.answers(model.questions, values: earlier.values, fileLink: { fileLink($0) + "?revision=\(earlier.revision)" }, t),
                ])
            },
            .if(pending && model.canVote, actionForm("vote", .voteHeading, .group(
                .fieldset(.class("choices"), .element(named: "legend", text: t(.voteHeading)),
                          .div(.class("field checkbox"), .input(.type(.radio), .id("vote-yes"), .name("vote"), .value("yes")), .label(.for("vote-yes"), .text(t(.voteYes)))),
                          .div(.class("field checkbox"), .input(.type(.radio), .id("vote-no"), .name("vote"), .value("no")), .label(.for("vote-no"), .text(t(.voteNo))))),
                Components.textarea("comment", label: t(.voteCommentLabel), value: nil, rows: 2, issues: model.issues, t)), .voteButton, style: "primary")),
            .if(pending && model.canDecide, .group(
                actionForm("approve", .approveHeading, .group(
                    Components.textarea("message", label: t(.approveMessageLabel), value: model.approvalText, rows: 4,
                                        hint: t(.approveMessageHint), issues: model.issues, t),
                    Components.input("expires", label: t(.approveExpiresLabel), value: nil, options: .init(type: .date), issues: model.issues, t),
                    Components.textarea("addendum", label: t(.approveAddendumLabel), value: nil, rows: 2, issues: model.issues, t)), .approveButton, style: "primary"),
                actionForm("return", .returnHeading,
                           Components.textarea("comment", label: t(.returnCommentLabel), value: nil, rows: 3, required: true, issues: model.issues, t),
                           .returnButton, style: "secondary"),
                actionForm("reject", .rejectHeading,
                           Components.textarea("reason", label: t(.rejectReasonLabel), value: nil, rows: 2, required: true, issues: model.issues, t),
                           .rejectButton, style: "danger"))),
            .section(.h2(.text(t(.conversationHeading))),
                     ApplyPages.thread(model.messages, t),
                     .form(.method(.post), .action(SiteRoute.reviewAction(model.applicationID, "comment").path), .attribute(named: "novalidate"),
                           Layout.csrfField(page.csrf),
                           Components.textarea("body", label: t(.toApplicantLabel), value: nil, rows: 3, issues: model.issues, t),
                           Components.checkbox("internal", label: t(.internalNoteLabel), checked: false),
                           Components.submit(t(.commentButton), style: "secondary")))
        ))
    }
}
