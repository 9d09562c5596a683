import BlasonCore
import Foundation
import Plot

/// The programme's public presentation, and the structure's "Rejoindre la démarche" page.
enum ProgrammePages {
    static func statusLabel(_ status: SubmissionStatus, _ t: Localizer) -> String {
        switch status {
        case .submitted: t(.submissionStatusSubmitted)
        case .infoRequested: t(.submissionStatusInfo)
        case .accepted: t(.submissionStatusAccepted)
        case .rejected: t(.submissionStatusRejected)
        }
    }

    struct PresentationModel {
        let referential: ProgrammeReferential
        let participants: [(id: UUID, name: String)]
        let canJoin: Bool
        let isOperator: Bool
    }

    static func presentation(_ model: PresentationModel, page: PageContext) -> String {
        let t = page.t
        let programme = model.referential.programme
        let key = programme.key
        return Layout.render(page, main: .group(
            .h1(.text(programme.name.text(in: page.language))),
            .forEach(programme.presentation.text(in: page.language).components(separatedBy: "\n\n")) { .p(.text($0)) },
            .p(.class("actions"),
               .if(model.canJoin, .a(.class("button primary"), .href(SiteRoute.programmeJoin(key).path), .text(t(.joinTitle)))),
               .if(model.isOperator, .group(.a(.class("button"), .href(SiteRoute.programmeReview(key).path), .text(t(.reviewProgrammeTitle))),
                                            .a(.class("button"), .href(SiteRoute.programmeDashboard(key).path), .text(t(.dashboardProgrammeTitle))),
                                            .a(.class("button"), .href(SiteRoute.programmeAudit(key).path), .text(t(.auditTitle)))))),
            .section(.id("competences"),
                     .h2(.text(t(.programmeExpectedSkillsHeading))),
                     .div(.class("notice"), .p(.em(.text(t(.programmeLevelReminder)))), .p(.em(.text(programme.levelReminder)))),
                     .forEach(model.referential.competencies) { competency in
                         .section(.class("competency"),
                                  .h3(.text(competency.name.text(in: page.language))),
                                  .p(.text(competency.presentation)),
                                  .div(.class("levels"), .forEach(competency.levels) { level in
                                      .div(.class("level"),
                                           .a(.href(SiteRoute.badge(level.badgeClassID).path),
                                              Components.badgeImage(SiteRoute.badgeImage(level.badgeClassID).path,
                                                                    name: "\(competency.name.text(in: page.language)) – \(level.name.text(in: page.language))", size: "small")),
                                           .h4(.text(level.name.text(in: page.language))),
                                           .ul(.forEach(level.skills) { .li(.text($0.text(in: page.language))) }))
                                  }))
                     }),
            .section(.h2(.text(t(.programmeParticipantsHeading))),
                     .if(model.participants.isEmpty, .p(.text(t(.programmeNoParticipants))),
                         else: .ul(.class("link-list"), .forEach(model.participants) { .li(.a(.href(SiteRoute.issuer($0.id).path), .text($0.name))) }))),
            .p(.text(t(.programmeContact) + " "), .a(.href("mailto:\(programme.contactEmail)"), .text(programme.contactEmail)))
        ))
    }

    struct SubmissionRow {
        let id: UUID
        let badgeName: String
        let requested: String
        let status: SubmissionStatus
        let linkedTo: String?
        let badgeClassID: UUID
        let endorsementAsked: Bool
        var endorsementReceived = false
    }

    struct JoinModel {
        let referential: ProgrammeReferential
        let operatorID: UUID
        let partnership: PartnershipStatus?
        let badges: [(value: String, label: String)]
        let submissions: [SubmissionRow]
        let applicationStatus: ApplicationStatus?
        let applicationPath: String?
        var organisationName = ""
        /// The public page of the participant badge awarded to the structure, once it is.
        var participantAwardPath: String?
        var typed = SubmissionForm()
        var issues: [FieldIssue] = []
        /// Reached from the participant badge's apply page: back there once the badge is submitted.
        var returnToApply = false
    }

    /// What the structure typed in the submission form, to show it again after an error.
    struct SubmissionForm {
        var badgeClass = ""
        var competency = ""
        var level = "1"
        var coversAll = "yes"
        var remarks = ""
        var then = ""
        /// Ticked skills, as `competency-level-index`.
        var skills: Set<String> = []
    }

    /// Where a step of the procedure stands; shown in words, not only in colour.
    enum StepState {
        case done, inProgress, toDo

        func label(_ t: Localizer) -> String {
            switch self {
            case .done: t(.stepStateDone)
            case .inProgress: t(.stepStateInProgress)
            case .toDo: t(.stepStateToDo)
            }
        }

        var cssClass: String {
            switch self {
            case .done: "step step-done"
            case .inProgress: "step step-progress"
            case .toDo: "step step-todo"
            }
        }
    }

    /// One step of the checklist: a heading with its state, then what to do.
    private static func step(_ number: Int, _ title: String, _ state: StepState, _ t: Localizer, _ content: Node<HTML.BodyContext>...) -> Node<HTML.ListContext> {
        .li(.class(state.cssClass), .id("step-\(number)"),
            .h2(.span(.class("step-number"), .text("\(number)")), .text(" " + title + " "),
                .span(.class("step-state"), .text(state.label(t)))),
            .group(content))
    }

    /// « Rejoindre la démarche »: the procedure as a checklist whose every step shows its state,
    /// taken from the data, with its action in place.
    static func join(_ model: JoinModel, page: PageContext) -> String {
        let t = page.t
        let key = model.referential.programme.key
        let operatorName = model.referential.programme.operatorOrganisation.name
        let accepted = model.submissions.filter { $0.status == .accepted }
        let shareState: StepState = accepted.isEmpty ? (model.submissions.isEmpty ? .toDo : .inProgress) : .done
        let partnerState: StepState = model.partnership == .accepted ? .done : (model.partnership == .pending ? .inProgress : .toDo)
        let applyState: StepState = switch model.applicationStatus {
        case .approved?: .done
        case nil: .toDo
        default: .inProgress
        }
        let endorseState: StepState = accepted.isEmpty ? .toDo
            : (accepted.allSatisfy(\.endorsementReceived) ? .done : (accepted.contains { $0.endorsementAsked } ? .inProgress : .toDo))
        let states = [StepState.done, partnerState, shareState, applyState, model.participantAwardPath == nil ? .toDo : .done, endorseState]
        return Layout.render(page, main: .group(
            .h1(.text("\(t(.joinTitle)) — \(model.referential.programme.name.text(in: page.language))")),
            .p(.class("lead"), .text(t(.joinIntro))),
            .p(.class("progress-summary"), .text(t(.stepsDone(states.filter { $0 == .done }.count, states.count)))),
            .p(.class("actions"), .a(.class("button"), .href(SiteRoute.programme(key).path), .text(t(.referentialHeading))),
               .a(.class("button"), .href(SiteRoute.programmeDashboard(key).path), .text(t(.dashboardProgrammeTitle)))),
            Components.errorSummary(model.issues, t),
            .ol(.class("checklist"),
                step(1, t(.stepAccountTitle), .done, t, .p(.text(t(.stepAccountDone) + " " + model.organisationName + "."))),
                step(2, "\(t(.stepPartnerTitle)) (\(operatorName))", partnerState, t,
                     .if(model.partnership == .accepted, .p(.text(t(.stepPartnerDone))),
                         else: .if(model.partnership == .pending, .p(.text(t(.stepPartnerPending))),
                                   else: .form(.method(.post), .action(SiteRoute.networkAction("partners").path),
                                               Layout.csrfField(page.csrf), .input(.type(.hidden), .name("organisation"), .value(model.operatorID.uuidString)),
                                               Components.submit(t(.stepPartnerButton), style: "primary"))))),
                step(3, t(.stepShareTitle), shareState, t, .p(.text(t(.stepShareIntro))),
                     submissionsTable(model.submissions, drafts: model.badges.map(\.label), key: key, t),
                     .if(model.badges.isEmpty, .p(.class("notice"), .text(t(model.submissions.isEmpty ? .noBadgeToSubmit : .allBadgesSubmitted) + " "),
                                                  .a(.href(SiteRoute.badgeClassNew.path), .text(t(.newBadgeClass)))),
                         else: submissionForm(model, page))),
                step(4, t(.stepApplyTitle), applyState, t, .p(.text(t(.stepApplyIntro))),
                     .unwrap(model.applicationStatus, { status in
                         .p(.text("\(t(.stepApplyDone)) : "), .span(.class("tag"), .text(ApplyPages.statusLabel(status, t))),
                            .unwrap(model.applicationPath) { .group(.text(" "), .a(.href($0), .text(t(.viewApplication)))) })
                     }, else: .p(.a(.class("button primary"), .href(SiteRoute.applyPage(model.referential.programme.$participantBadgeClass.id).path),
                                    .text(t(.stepApplyTitle)))))),
                step(5, t(.stepParticipantBadgeTitle), model.participantAwardPath == nil ? .toDo : .done, t,
                     .unwrap(model.participantAwardPath, { path in
                         .p(.text(t(.stepParticipantBadgeDone) + " "), .a(.href(path), .text(t(.viewPublicPage))))
                     }, else: .p(.text(t(.stepParticipantBadgeWaiting))))),
                step(6, t(.stepEndorseTitle), endorseState, t, .p(.text(t(.stepEndorseIntro))),
                     .if(accepted.isEmpty, .p(.text(t(.stepEndorseNothingYet))),
                         else: .ul(.class("step-items"), .forEach(accepted) { row in
                             .li(.text("\(row.badgeName) → \(row.linkedTo ?? "") "),
                                 .if(row.endorsementReceived, .span(.class("tag tag-valid"), .text(t(.endorsementReceivedLabel))),
                                     else: .if(row.endorsementAsked, .span(.class("tag"), .text(t(.requestSentNotice))),
                                               else: .form(.method(.post), .action(SiteRoute.networkAction("requests").path), .class("inline"),
                                                           Layout.csrfField(page.csrf),
                                                           .input(.type(.hidden), .name("partner"), .value(model.operatorID.uuidString)),
                                                           .input(.type(.hidden), .name("badge_class"), .value(row.badgeClassID.uuidString)),
                                                           .input(.type(.hidden), .name("message"), .value(t(.askEndorsementReminder))),
                                                           .button(.type(.submit), .class("button small"),
                                                                   .text("\(t(.askEndorsementLabel)) — \(row.badgeName)"))))))
                         })))),
            .p(.text(t(.programmeContact) + " "), .a(.href("mailto:\(model.referential.programme.contactEmail)"), .text(model.referential.programme.contactEmail)))
        ))
    }

    static func submissionsTable(_ rows: [SubmissionRow], drafts: [String] = [], key: String, _ t: Localizer) -> Node<HTML.BodyContext> {
        guard !rows.isEmpty || !drafts.isEmpty else { return .p(.text(t(.noSubmissions))) }
        return .div(.class("table-wrap"), .table(
            .caption(.text(t(.yourSubmissions))),
            .thead(.tr(.th(.text(t(.badgeColumn))), .th(.text(t(.requestedColumn))), .th(.text(t(.statusColumn))))),
            .tbody(.forEach(rows) { row in
                .tr(.td(.a(.href(SiteRoute.programmeSubmission(key, row.id).path), .text(row.badgeName))), .td(.text(row.requested)),
                    .td(.span(.class("tag"), .text(statusLabel(row.status, t))), .unwrap(row.linkedTo) { .text(" → \($0)") }))
            },
            .forEach(drafts) { name in
                .tr(.td(.text(name)), .td(.text("—")), .td(.span(.class("tag"), .text(t(.submissionStatusDraft)))))
            })))
    }

    private static func submissionForm(_ model: JoinModel, _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        let competencies = [(value: "", label: "—")] + model.referential.competencies.map { (value: $0.key, label: $0.name.text(in: page.language)) }
        return .element(named: "details", nodes: [
            .id("share"),
            .attribute(named: "open", value: model.issues.isEmpty && !model.submissions.isEmpty && !model.returnToApply ? "" : "open", ignoreIfValueIsEmpty: true),
            .element(named: "summary", text: t(.submitBadgeTitle)),
            .form(.method(.post), .action(SiteRoute.programmeJoin(model.referential.programme.key).path), .attribute(named: "novalidate"),
                  Layout.csrfField(page.csrf),
                  .if(model.returnToApply, .input(.type(.hidden), .name("then"), .value("apply"))),
                  Components.select("badge_class", label: t(.submitBadgeLabel), options: [(value: "", label: "—")] + model.badges,
                                    selected: model.typed.badgeClass, issues: model.issues, t),
                  Components.select("competency", label: t(.questionRegionBadge), options: competencies, selected: model.typed.competency, issues: model.issues, t),
                  radios("level", label: t(.questionLevel), options: [("1", t(.levelPractise)), ("2", t(.levelMaster))], selected: model.typed.level, model.issues, t),
                  radios("covers_all", label: t(.questionCoversAll), options: [("yes", t(.coversAllYes)), ("no", t(.coversAllNo))],
                         selected: model.typed.coversAll, model.issues, t),
                  .fieldset(.class("choices"), .id("field-covered_skills"), .element(named: "legend", text: t(.questionCoveredSkills)),
                            .if(!Components.errors(for: "covered_skills", in: model.issues, t).isEmpty,
                                .div(.class("field-error"), .forEach(Components.errors(for: "covered_skills", in: model.issues, t)) { .p(.text($0)) })),
                            .forEach(model.referential.competencies) { competency in
                                .forEach(competency.levels) { level in
                                    .element(named: "details", nodes: [
                                        .element(named: "summary", text: "\(competency.name.text(in: page.language)) – \(level.name.text(in: page.language))"),
                                        .forEach(Array(level.skills.enumerated())) { index, skill in
                                            let id = "skill-\(competency.key)-\(level.number)-\(index)"
                                            return .div(.class("field checkbox"),
                                                        .input(.type(.checkbox), .id(id), .name("skills_\(competency.key)_\(level.number)[]"), .value(String(index)),
                                                               .checked(model.typed.skills.contains("\(competency.key)-\(level.number)-\(index)"))),
                                                        .label(.for(id), .text(skill.text(in: page.language))))
                                        },
                                    ])
                                }
                            }),
                  Components.textarea("remarks", label: t(.questionRemarks), value: model.typed.remarks, rows: 3, issues: model.issues, t),
                  Components.submit(t(.submitBadgeButton))),
        ])
    }

    static func radios<C: HTML.BodyContext>(_ name: String, label: String, options: [(String, String)], selected: String, _ issues: [FieldIssue],
                                           _ t: Localizer) -> Node<C> {
        let errors = Components.errors(for: name, in: issues, t)
        return .fieldset(.class(errors.isEmpty ? "choices" : "choices has-error"), .id("field-\(name)"),
                         .element(named: "legend", text: label),
                         .if(!errors.isEmpty, .div(.class("field-error"), .forEach(errors) { .p(.text($0)) })),
                         .forEach(Array(options.enumerated())) { index, option in
                             .div(.class("field checkbox"),
                                  .input(.type(.radio), .id("\(name)-\(index)"), .name(name), .value(option.0), .checked(option.0 == selected)),
                                  .label(.for("\(name)-\(index)"), .text(option.1)))
                         })
    }
}
