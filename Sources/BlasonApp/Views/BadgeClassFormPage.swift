import Foundation
import BlasonCore
import Plot

/// The badge class form: French required, English optional, image, tags, alignments, validity.
enum BadgeClassFormPage {
    struct Model {
        var badgeClassID: UUID?
        var nameFR = "", nameEN = ""
        var descriptionFR = "", descriptionEN = ""
        var criteriaFR = "", criteriaEN = ""
        var criteriaURL = ""
        var tags = ""
        /// Always three rows, so alignments can be added without JavaScript.
        var alignments: [AlignmentRow] = Array(repeating: AlignmentRow(), count: 3)
        var expiryAmount = ""
        var expiryUnit = ExpiryPeriod.Unit.years.rawValue
        var signedAssertions = false
        var issues: [FieldIssue] = []

        struct AlignmentRow {
            var name = "", url = "", framework = "", code = ""
        }
    }

    static func render(_ model: Model, page: PageContext) -> String {
        let t = page.t
        let isNew = model.badgeClassID == nil
        let action = model.badgeClassID.map { SiteRoute.badgeClassEdit($0) } ?? .badgeClassNew
        let units = ExpiryPeriod.Unit.allCases.map { (value: $0.rawValue, label: t.expiryUnit($0)) }
        return Layout.render(page, main: .group(
            .h1(.text(t(isNew ? .badgeClassNewTitle : .badgeClassEditTitle))),
            Components.errorSummary(model.issues, t),
            .form(.method(.post), .action(action.path), .enctype(.multipartData), .attribute(named: "novalidate"),
                  Layout.csrfField(page.csrf),
                  .fieldset(.element(named: "legend", text: t(.frenchSection)),
                            Components.input("name_fr", label: t(.fieldName), value: model.nameFR, options: .init(required: true, language: .fr), issues: model.issues, t),
                            Components.textarea("description_fr", label: t(.fieldDescription), value: model.descriptionFR, rows: 3, required: true, language: .fr, issues: model.issues, t),
                            Components.textarea("criteria_fr", label: t(.fieldCriteria), value: model.criteriaFR, rows: 5, required: true,
                                                hint: t(.criteriaMarkdownHint), language: .fr, issues: model.issues, t)),
                  .fieldset(.element(named: "legend", text: t(.englishSection)),
                            Components.input("name_en", label: t(.fieldName), value: model.nameEN, options: .init(language: .en), issues: model.issues, t),
                            Components.textarea("description_en", label: t(.fieldDescription), value: model.descriptionEN, rows: 3, language: .en, issues: model.issues, t),
                            Components.textarea("criteria_en", label: t(.fieldCriteria), value: model.criteriaEN, rows: 5, language: .en, issues: model.issues, t)),
                  Components.input("criteria_url", label: t(.fieldCriteriaURL), value: model.criteriaURL, options: .init(type: .url), issues: model.issues, t),
                  Components.input("image", label: t(.fieldImage), value: nil,
                                   options: .init(type: .file, required: isNew, hint: isNew ? t(.imageHint) : "\(t(.imageHint)) \(t(.imageKeepHint))"),
                                   issues: model.issues, t),
                  Components.input("tags", label: t(.fieldTags), value: model.tags, options: .init(hint: t(.tagsHint)), issues: model.issues, t),
                  .fieldset(.element(named: "legend", text: t(.alignmentsLegend)),
                            .p(.class("hint"), .text(t(.alignmentsHint))),
                            .forEach(Array(model.alignments.enumerated())) { index, row in
                                .div(.class("field-row alignment-row"),
                                     Components.input("alignment_\(index + 1)", label: "\(t(.alignmentName)) \(index + 1)", value: row.name, issues: model.issues, t),
                                     Components.input("alignment_\(index + 1)_url", label: t(.alignmentURL), value: row.url, options: .init(type: .url), issues: model.issues, t),
                                     Components.input("alignment_\(index + 1)_framework", label: t(.alignmentFramework), value: row.framework, issues: model.issues, t),
                                     Components.input("alignment_\(index + 1)_code", label: t(.alignmentCode), value: row.code, issues: model.issues, t))
                            }),
                  .fieldset(.element(named: "legend", text: t(.expiryLegend)),
                            .div(.class("field-row"),
                                 Components.input("expiry_amount", label: t(.expiryAmount), value: model.expiryAmount,
                                                  options: .init(type: .number, hint: t(.expiryNone)), issues: model.issues, t),
                                 Components.select("expiry_unit", label: t(.expiryUnit), options: units, selected: model.expiryUnit, issues: model.issues, t))),
                  .div(.class("field checkbox"),
                       .input(.type(.checkbox), .id("field-signed_assertions"), .name("signed_assertions"), .value("on"), .checked(model.signedAssertions)),
                       .label(.for("field-signed_assertions"),
                              .text(t.pick("Proposer aussi les assertions Open Badges 2.0 signées (JWS), pour les services qui les exigent",
                                           "Also offer signed Open Badges 2.0 assertions (JWS), for services that require them")))),
                  Components.submit(t(isNew ? .createButton : .saveButton)))
        ))
    }
}
