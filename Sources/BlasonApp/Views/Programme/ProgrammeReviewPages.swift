import BlasonCore
import Foundation
import Plot

/// The operator's queue of candidacies and submitted badges, and one submission (for the operator
/// and for the structure that sent it).
enum ProgrammeReviewPages {
    struct SubmissionRow {
        let id: UUID
        let structure: String
        let badgeName: String
        let requested: String
        let status: SubmissionStatus
        let date: Date?
    }

    struct Candidacy {
        let applicationID: UUID
        let structure: String
        let status: ApplicationStatus
        let submittedAt: Date?
        let submissions: [SubmissionRow]
    }

    struct QueueModel {
        let key: String
        let programmeName: String
        let candidacies: [Candidacy]
        /// Submissions of structures that have not applied yet.
        let unattached: [SubmissionRow]
    }

    static func queue(_ model: QueueModel, page: PageContext) -> String {
        let t = page.t
        return Layout.render(page, main: .group(
            .h1(.text("\(t(.reviewProgrammeTitle)) — \(model.programmeName)")),
            .p(.class("actions"), .a(.class("button"), .href(SiteRoute.programmeDashboard(model.key).path), .text(t(.dashboardProgrammeTitle))),
               .a(.class("button"), .href(SiteRoute.programme(model.key).path), .text(t(.referentialHeading)))),
            .section(.id("candidacies"), .h2(.text(t(.candidaciesHeading))),
                     .if(model.candidacies.isEmpty, .p(.text(t(.noApplications)))),
                     .forEach(model.candidacies) { candidacy in
                         .article(.class("candidacy"),
                                  .h3(.a(.href(SiteRoute.review(candidacy.applicationID).path), .text(candidacy.structure)), .text(" "),
                                      .span(.class("tag"), .text(ApplyPages.statusLabel(candidacy.status, t)))),
                                  .p(.text("\(t(.submittedColumn)) : \(candidacy.submittedAt.map(t.date) ?? "—")")),
                                  table(candidacy.submissions, key: model.key, showStructure: false, t),
                                  .if(candidacy.status == .pending, .form(
                                      .method(.post), .action(SiteRoute.reviewAction(candidacy.applicationID, "approve").path), .class("inline"),
                                      Layout.csrfField(page.csrf),
                                      Components.submit(t(.acceptCandidacyButton)))))
                     }),
            .section(.id("submissions"), .h2(.text(t(.submissionsHeading))),
                     model.unattached.isEmpty ? .p(.text(t(.noSubmissions))) : table(model.unattached, key: model.key, showStructure: true, t))
        ))
    }

    static func table(_ rows: [SubmissionRow], key: String, showStructure: Bool, _ t: Localizer) -> Node<HTML.BodyContext> {
        guard !rows.isEmpty else { return .p(.text(t(.noSubmissions))) }
        return .div(.class("table-wrap"), .table(
            .thead(.tr(.if(showStructure, .th(.text(t(.structureColumn)))), .th(.text(t(.badgeColumn))), .th(.text(t(.requestedColumn))),
                       .th(.text(t(.statusColumn))), .th(.text(t(.submittedColumn))))),
            .tbody(.forEach(rows) { row in
                .tr(.if(showStructure, .td(.text(row.structure))),
                    .td(.a(.href(SiteRoute.programmeSubmission(key, row.id).path), .text(row.badgeName))),
                    .td(.text(row.requested)),
                    .td(.span(.class("tag"), .text(ProgrammePages.statusLabel(row.status, t)))),
                    .td(.text(row.date.map(t.date) ?? "—")))
            })))
    }

    struct Message {
        let fromOperator: Bool
        let author: String
        let body: String
        let date: Date
    }

    struct DetailModel {
        let key: String
        let submissionID: UUID
        let structure: String
        let badgeClassID: UUID
        let badgeName: String
        let status: SubmissionStatus
        let competency: ProgrammeReferential.Competency
        let level: ProgrammeReferential.Level
        let coversAll: Bool
        let coveredSkills: [Int]
        let remarks: String
        let instructions: String
        let finalLabel: String?
        let decisionNote: String?
        let messages: [Message]
        let isOperator: Bool
        let isStructure: Bool
        let levelOptions: [(value: String, label: String)]
        let pastEarners: Int
        let endorsementAsked: Bool
        let operatorID: UUID
        var issues: [FieldIssue] = []
    }

    static func detail(_ model: DetailModel, page: PageContext) -> String {
        let t = page.t
        let language = page.language
        let open = model.status.isOpen
        func action(_ name: String, _ heading: Catalogue.Key, _ fields: Node<HTML.FormContext>, _ button: Catalogue.Key, style: String) -> Node<HTML.BodyContext> {
            .section(.class("review-action"), .h3(.text(t(heading))),
                     .form(.method(.post), .action(SiteRoute.programmeSubmissionAction(model.key, model.submissionID, name).path),
                           .attribute(named: "novalidate"), Layout.csrfField(page.csrf), fields, Components.submit(t(button), style: style)))
        }
        let skills = model.level.skills.enumerated().map { index, skill in
            (text: skill.text(in: language), covered: model.coversAll || model.coveredSkills.contains(index))
        }
        return Layout.render(page, main: .group(
            .div(.class("badge-header"),
                 Components.badgeImage(SiteRoute.badgeImage(model.badgeClassID).path, name: model.badgeName, size: "small"),
                 .div(.h1(.text(MailComposer.fill(t(.submissionTitle), ["badge": model.badgeName]))),
                      .p(.text(model.structure)),
                      .p(.span(.class("tag"), .text(ProgrammePages.statusLabel(model.status, t))),
                         .unwrap(model.finalLabel) { .text(" → \($0)") }),
                      .p(.a(.href(SiteRoute.badge(model.badgeClassID).path), .text(t(.criteriaHeading)))))),
            Components.errorSummary(model.issues, t),
            .div(.class("columns"),
                 .section(.id("answers"), .h2(.text(t(.answersHeading))),
                          .dl(.dt(.text(t(.questionRegionBadge))), .dd(.text(model.competency.name.text(in: language))),
                              .dt(.text(t(.questionLevel))), .dd(.text(model.level.number == 1 ? t(.levelPractise) : t(.levelMaster))),
                              .dt(.text(t(.questionCoversAll))), .dd(.text(model.coversAll ? t(.coversAllYes) : t(.coversAllNo))),
                              .dt(.text(t(.questionRemarks))), .dd(.text(model.remarks.isEmpty ? "—" : model.remarks)))),
                 .section(.id("referential"), .h2(.text("\(t(.referentialHeading)) : \(model.competency.name.text(in: language)) – \(model.level.name.text(in: language))")),
                          .p(.text(model.level.procedureText)),
                          .ul(.class("checklist"), .forEach(skills) { skill in
                              .li(.class(skill.covered ? "covered" : "not-covered"),
                                  .span(.class(skill.covered ? "tag tag-valid" : "tag"), .text(skill.covered ? t(.skillCovered) : t(.skillNotCovered))),
                                  .text(" " + skill.text))
                          }))),
            .element(named: "details", nodes: [
                .element(named: "summary", text: t(.shareInstructionsLabel)),
                .pre(.class("instructions"), .text(model.instructions)),
            ]),
            .unwrap(model.decisionNote) { .p(.class("notice"), .text($0)) },
            .if(model.status == .accepted && model.isStructure, .div(.class("notice"),
                .p(.strong(.text(t(.askEndorsementReminder)))),
                .if(model.endorsementAsked, .p(.span(.class("tag tag-valid"), .text(t(.requestSentNotice)))),
                    else: .form(.method(.post), .action(SiteRoute.networkAction("requests").path), .class("inline"),
                                Layout.csrfField(page.csrf),
                                .input(.type(.hidden), .name("partner"), .value(model.operatorID.uuidString)),
                                .input(.type(.hidden), .name("badge_class"), .value(model.badgeClassID.uuidString)),
                                .input(.type(.hidden), .name("message"), .value(t(.askEndorsementReminder))),
                                Components.submit(t(.askEndorsementLabel), style: "secondary"))))),
            .if(open && model.isOperator, .group(
                action("accept", .acceptSubmissionButton, .group(
                    Components.select("final_level", label: t(.finalBadgeLabel), options: model.levelOptions, selected: model.level.id.uuidString,
                                      issues: model.issues, t),
                    .if(model.pastEarners > 0, Components.checkbox("propose_past", label: MailComposer.fill(t(.proposePastEarnersLabel), ["count": String(model.pastEarners)]),
                                                                   checked: false)),
                    Components.textarea("note", label: t(.approveMessageLabel), value: nil, rows: 2, issues: model.issues, t)),
                       .acceptSubmissionButton, style: "primary"),
                action("info", .askInfoLabel, Components.textarea("message", label: t(.askInfoLabel), value: nil, rows: 3, required: true, issues: model.issues, t),
                       .askInfoButton, style: "secondary"),
                action("reject", .rejectSubmissionButton, Components.textarea("reason", label: t(.rejectReasonLabel), value: nil, rows: 2, required: true,
                                                                               issues: model.issues, t),
                       .rejectSubmissionButton, style: "danger"))),
            .section(.id("thread"), .h2(.text(t(.conversationHeading))),
                     .if(model.messages.isEmpty, .p(.text(t(.noMessages))), else: .ol(.class("thread"), .forEach(model.messages) { message in
                         .li(.class(message.fromOperator ? "from-reviewer" : "from-applicant"),
                             .p(.class("meta"), .strong(.text(message.author)), .text(" — " + t.date(message.date))),
                             .p(.text(message.body)))
                     })),
                     .if(open && model.isStructure, .form(
                        .method(.post), .action(SiteRoute.programmeSubmissionAction(model.key, model.submissionID, "reply").path),
                        .attribute(named: "novalidate"), Layout.csrfField(page.csrf),
                        Components.textarea("message", label: t(.replyLabel), value: nil, rows: 3, required: true, issues: model.issues, t),
                        Components.submit(t(.replyButton), style: "secondary"))))
        ))
    }
}
