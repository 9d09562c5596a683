import Foundation
import BlasonCore
import Plot

/// Form fields and small blocks shared by the pages. Every field has a visible label, its hint and
/// its errors linked by `aria-describedby`, so screen readers announce them with the field.
enum Components {
    struct FieldOptions {
        var type: HTMLInputType = .text
        var required = false
        var hint: String?
        var autocomplete: String?
        var placeholder: String?
        var language: Language?
    }

    static func option(value: String, label: String, selected: Bool) -> Node<HTML.SelectContext> {
        .element(named: "option", nodes: [
            .attribute(named: "value", value: value, ignoreIfValueIsEmpty: false),
            .if(selected, .attribute(named: "selected", value: "selected")),
            .text(label),
        ])
    }

    static func errors(for name: String, in issues: [FieldIssue], _ t: Localizer) -> [String] {
        issues.filter { $0.field == name }.map { issue in
            (issue.line.map { t.pick("Ligne \($0) — ", "Line \($0) — ") } ?? "") + t.problem(issue.problem)
        }
    }

    /// An `<input>` with its label, hint and errors.
    static func input<C: HTML.BodyContext>(_ name: String, label: String, value: String?, options: FieldOptions = FieldOptions(),
                                          issues: [FieldIssue] = [], id customID: String? = nil, _ t: Localizer) -> Node<C> {
        let errors = errors(for: name, in: issues, t)
        let id = customID ?? "field-\(name)"
        var attributes: [Attribute<HTML.InputContext>] = [
            .id(id), .name(name), .type(options.type),
        ]
        if options.type != .file, options.type != .password, let value { attributes.append(.value(value)) }
        if options.required { attributes.append(.required(true)) }
        if let autocomplete = options.autocomplete { attributes.append(Attribute(name: "autocomplete", value: autocomplete)) }
        if let placeholder = options.placeholder { attributes.append(.placeholder(placeholder)) }
        if let language = options.language { attributes.append(Attribute(name: "lang", value: language.rawValue)) }
        let described = describedBy(id: id, hint: options.hint, errors: errors)
        if !described.isEmpty { attributes.append(Attribute(name: "aria-describedby", value: described)) }
        if !errors.isEmpty { attributes.append(Attribute(name: "aria-invalid", value: "true")) }
        return .div(.class(errors.isEmpty ? "field" : "field has-error"),
                    .label(.for(id), .text(label), .if(options.required, .span(.class("required"), .attribute(named: "aria-hidden", value: "true"), .text(" *")))),
                    hintAndErrors(id: id, hint: options.hint, errors: errors),
                    .element(named: "input", attributes: attributes))
    }

    static func textarea<C: HTML.BodyContext>(_ name: String, label: String, value: String?, rows: Int = 5, required: Bool = false,
                                             hint: String? = nil, language: Language? = nil, issues: [FieldIssue] = [], id customID: String? = nil,
                                             _ t: Localizer) -> Node<C> {
        let errors = errors(for: name, in: issues, t)
        let id = customID ?? "field-\(name)"
        let described = describedBy(id: id, hint: hint, errors: errors)
        return .div(.class(errors.isEmpty ? "field" : "field has-error"),
                    .label(.for(id), .text(label), .if(required, .span(.class("required"), .attribute(named: "aria-hidden", value: "true"), .text(" *")))),
                    hintAndErrors(id: id, hint: hint, errors: errors),
                    .element(named: "textarea", nodes: [
                        .attribute(named: "id", value: id), .attribute(named: "name", value: name),
                        .attribute(named: "rows", value: String(rows)),
                        .if(required, .attribute(named: "required", value: "required")),
                        .unwrap(language) { .attribute(named: "lang", value: $0.rawValue) },
                        .if(!described.isEmpty, .attribute(named: "aria-describedby", value: described)),
                        .if(!errors.isEmpty, .attribute(named: "aria-invalid", value: "true")),
                        .text(value ?? ""),
                    ]))
    }

    static func select<C: HTML.BodyContext>(_ name: String, label: String, options: [(value: String, label: String)], selected: String?,
                                           issues: [FieldIssue] = [], id customID: String? = nil, _ t: Localizer) -> Node<C> {
        let errors = errors(for: name, in: issues, t)
        let id = customID ?? "field-\(name)"
        return .div(.class(errors.isEmpty ? "field" : "field has-error"),
                    .label(.for(id), .text(label)),
                    hintAndErrors(id: id, hint: nil, errors: errors),
                    .select(.id(id), .attribute(named: "name", value: name), .forEach(options) { option(value: $0.value, label: $0.label, selected: $0.value == selected) }))
    }

    static func checkbox<C: HTML.BodyContext>(_ name: String, label: String, checked: Bool) -> Node<C> {
        .div(.class("field checkbox"),
             .input(.type(.checkbox), .id("field-\(name)"), .name(name), .value("on"), .checked(checked)),
             .label(.for("field-\(name)"), .text(label)))
    }

    private static func describedBy(id: String, hint: String?, errors: [String]) -> String {
        [hint == nil ? nil : "\(id)-hint", errors.isEmpty ? nil : "\(id)-error"].compactMap { $0 }.joined(separator: " ")
    }

    private static func hintAndErrors<C: HTML.BodyContext>(id: String, hint: String?, errors: [String]) -> Node<C> {
        .group(
            .unwrap(hint) { .p(.class("hint"), .id("\(id)-hint"), .text($0)) },
            .if(!errors.isEmpty, .div(.class("field-error"), .id("\(id)-error"), .forEach(errors) { .p(.text($0)) }))
        )
    }

    /// The list of every problem at the top of a form, focusable so it is read out first.
    static func errorSummary(_ issues: [FieldIssue], _ t: Localizer) -> Node<HTML.BodyContext> {
        .if(!issues.isEmpty,
            .div(.class("error-summary"), .id("error-summary"), .attribute(named: "role", value: "alert"), .attribute(named: "tabindex", value: "-1"),
                 .h2(.text(t(.formErrorsTitle))),
                 .ul(.forEach(issues) { issue in
                     .li(.if(issue.field != nil,
                             .a(.href("#field-\(issue.field ?? "")"), .text(t.issue(issue))),
                             else: .text(t.issue(issue))))
                 })))
    }

    static func submit<C: HTML.BodyContext>(_ label: String, style: String = "primary") -> Node<C> {
        .button(.type(.submit), .class("button \(style)"), .text(label))
    }

    /// The badge image, sized by CSS; its text alternative is the badge's name.
    static func badgeImage<C: HTML.BodyContext>(_ url: String, name: String, size: String = "medium") -> Node<C> {
        .img(.src(url), .alt(name), .class("badge-image \(size)"), .width(size == "small" ? 64 : 160), .height(size == "small" ? 64 : 160))
    }

    static func statusTag(_ status: AwardStatus, _ t: Localizer) -> Node<HTML.BodyContext> {
        switch status {
        case .valid: .span(.class("tag tag-valid"), .text(t(.statusValid)))
        case .revoked: .span(.class("tag tag-revoked"), .text(t(.statusRevoked)))
        case .expired: .span(.class("tag tag-expired"), .text(t(.statusExpired)))
        case .proposed: .span(.class("tag tag-proposed"), .text(t(.statusProposed)))
        case .declined: .span(.class("tag tag-revoked"), .text(t(.statusDeclined)))
        case .withdrawn: .span(.class("tag tag-revoked"), .text(t(.statusWithdrawn)))
        }
    }
}

/// Whether an award still counts, as shown to people.
enum AwardStatus: String, Sendable {
    case valid, revoked, expired
    /// A proposal the earner has not accepted yet: not public, not valid.
    case proposed
    case declined
    case withdrawn
}
