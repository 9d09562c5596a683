import BlasonCore
import Foundation
import Plot

/// Opening applications on a badge class: method, rules, reviewers and the questions.
enum ApplicationSetupPage {
    struct QuestionRow {
        var id: String = ""
        var kind = ApplicationQuestion.Kind.shortText.rawValue
        var labelFR = "", labelEN = "", helpFR = "", helpEN = ""
        var required = false
        var choices = ""
        var maxMB = "5"
    }

    struct Model {
        let badgeClassID: UUID
        let badgeName: String
        var isOpen = false
        var methodFixed = false
        var reviewMethod = ReviewMethod.single.rawValue
        var applicantKind = ApplicantKind.person.rawValue
        var closesAt = ""
        var applicantLimit = ""
        var juryThreshold = "1"
        var introFR = "", introEN = ""
        var jury = "", finalReviewer = "", outside = ""
        var questions: [QuestionRow] = []
        var issues: [FieldIssue] = []
    }

    static func kindLabel(_ kind: ApplicationQuestion.Kind, _ t: Localizer) -> String {
        switch kind {
        case .shortText: t(.kindShortText)
        case .longText: t(.kindLongText)
        case .singleChoice: t(.kindSingleChoice)
        case .multipleChoice: t(.kindMultipleChoice)
        case .yesNo: t(.kindYesNo)
        case .url: t(.kindURL)
        case .file: t(.kindFile)
        }
    }

    static func render(_ model: Model, page: PageContext) -> String {
        let t = page.t
        let methods: [(value: String, label: String)] = [
            (ReviewMethod.single.rawValue, t(.reviewMethodSingle)), (ReviewMethod.jury.rawValue, t(.reviewMethodJury)),
            (ReviewMethod.automatic.rawValue, t(.reviewMethodAutomatic)), (ReviewMethod.claimCode.rawValue, t(.reviewMethodClaimCode)),
        ].filter { !model.methodFixed || $0.value == model.reviewMethod }
        let kinds = ApplicantKind.allCases.map { (value: $0.rawValue, label: t($0 == .person ? .applicantKindPerson : .applicantKindOrganisation)) }
        let questionKinds = ApplicationQuestion.Kind.allCases.map { (value: $0.rawValue, label: kindLabel($0, t)) }
        let rows = model.questions + Array(repeating: QuestionRow(), count: 3)
        return Layout.render(page, main: .group(
            .h1(.text("\(t(.applicationsSetupTitle)) — \(model.badgeName)")),
            .p(.text(t(.applicationsSetupIntro))),
            .if(model.isOpen, .p(.a(.href(SiteRoute.applyPage(model.badgeClassID).path), .text(t(.applyPageLink))), .text(" "),
                                 .img(.src(SiteRoute.applyQRCode(model.badgeClassID, "svg").path), .alt(t(.qrCodeAlt)), .class("qr-code"), .width(160), .height(160)))),
            Components.errorSummary(model.issues, t),
            .form(.method(.post), .action(SiteRoute.applicationsSetup(model.badgeClassID).path), .attribute(named: "novalidate"),
                  Layout.csrfField(page.csrf),
                  .fieldset(.element(named: "legend", text: t(.reviewMethodLabel)),
                            Components.select("review_method", label: t(.reviewMethodLabel), options: methods, selected: model.reviewMethod, issues: model.issues, t),
                            .p(.class("hint"), .text(t(.reviewMethodFixedHint))),
                            Components.select("applicant_kind", label: t(.applicantKindLabel), options: kinds, selected: model.applicantKind, issues: model.issues, t),
                            .div(.class("field-row"),
                                 Components.input("closes_at", label: t(.closesAtLabel), value: model.closesAt, options: .init(type: .date), issues: model.issues, t),
                                 Components.input("applicant_limit", label: t(.applicantLimitLabel), value: model.applicantLimit, options: .init(type: .number), issues: model.issues, t)),
                            Components.input("claim_code", label: t(.claimCodeLabel), value: nil, options: .init(hint: t(.claimCodeHint)), issues: model.issues, t)),
                  .fieldset(.element(named: "legend", text: t(.navReviews)),
                            Components.textarea("jury", label: t(.juryLabel), value: model.jury, rows: 3, hint: t(.juryHint), issues: model.issues, t),
                            Components.input("jury_threshold", label: t(.juryThresholdLabel), value: model.juryThreshold, options: .init(type: .number), issues: model.issues, t),
                            Components.input("final_reviewer", label: t(.finalReviewerLabel), value: model.finalReviewer, options: .init(type: .email), issues: model.issues, t),
                            Components.textarea("outside_reviewers", label: t(.outsideReviewersLabel), value: model.outside, rows: 2, hint: t(.reviewersHint),
                                                issues: model.issues, t)),
                  Components.textarea("intro_fr", label: t(.introLabelFR), value: model.introFR, rows: 3, language: .fr, issues: model.issues, t),
                  Components.textarea("intro_en", label: t(.introLabelEN), value: model.introEN, rows: 3, language: .en, issues: model.issues, t),
                  .fieldset(.element(named: "legend", text: t(.questionsLegend)),
                            .p(.class("hint"), .text(t(.questionsHint))),
                            .forEach(Array(rows.enumerated())) { index, row in
                                let n = index + 1
                                return .div(.class("question-row"),
                                            .input(.type(.hidden), .name("q\(n)_id"), .value(row.id)),
                                            .div(.class("field-row"),
                                                 Components.input("q\(n)_label_fr", label: "\(t(.questionLabelFR)) \(n)", value: row.labelFR,
                                                                  options: .init(language: .fr), issues: model.issues.map { $0.field == "question_\(n)" ? FieldIssue(field: "q\(n)_label_fr", problem: $0.problem) : $0 }, t),
                                                 Components.input("q\(n)_label_en", label: t(.questionLabelEN), value: row.labelEN, options: .init(language: .en), t),
                                                 Components.select("q\(n)_kind", label: t(.questionKind), options: questionKinds, selected: row.kind, t)),
                                            .div(.class("field-row"),
                                                 Components.input("q\(n)_help_fr", label: t(.questionHelpFR), value: row.helpFR, options: .init(language: .fr), t),
                                                 Components.input("q\(n)_help_en", label: t(.questionHelpEN), value: row.helpEN, options: .init(language: .en), t)),
                                            .div(.class("field-row"),
                                                 Components.textarea("q\(n)_choices", label: t(.questionChoices), value: row.choices, rows: 2, hint: t(.questionChoicesHint),
                                                                     issues: model.issues.map { $0.field == "question_\(n)_choices" ? FieldIssue(field: "q\(n)_choices", problem: $0.problem) : $0 }, t),
                                                 Components.input("q\(n)_max_mb", label: t(.questionMaxMB), value: row.maxMB, options: .init(type: .number), t),
                                                 Components.checkbox("q\(n)_required", label: t(.questionRequired), checked: row.required)))
                            }),
                  Components.submit(t(.openApplicationsButton))),
            .if(model.isOpen, .form(.method(.post), .action(SiteRoute.applicationsSetup(model.badgeClassID).path + "/close"),
                                    Layout.csrfField(page.csrf), Components.submit(t(.closeApplicationsButton), style: "danger")))
        ))
    }
}
