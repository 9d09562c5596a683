import BlasonCore
import Foundation
import Plot

/// The inputs of an application form's questions, and the display of answers.
enum QuestionFields {
    /// What the applicant typed or chose before, to re-show the form with their answers.
    typealias Values = [UUID: ApplicationAnswer]

    static func render<C: HTML.BodyContext>(_ questions: [ApplicationQuestion], values: Values, issues: [FieldIssue], _ t: Localizer) -> Node<C> {
        .forEach(questions) { question in field(question, value: values[question.id], issues: issues, t) }
    }

    private static func field<C: HTML.BodyContext>(_ question: ApplicationQuestion, value: ApplicationAnswer?, issues: [FieldIssue], _ t: Localizer) -> Node<C> {
        let name = AnswerValidation.field(question)
        let label = question.label.text(in: t.language)
        let hint = question.help?.text(in: t.language)
        switch question.kind {
        case .shortText, .url:
            let text: String? = if case .text(let v) = value { v } else { nil }
            return Components.input(name, label: label, value: text,
                                    options: .init(type: question.kind == .url ? .url : .text, required: question.required, hint: hint), issues: issues, t)
        case .longText:
            let text: String? = if case .text(let v) = value { v } else { nil }
            return Components.textarea(name, label: label, value: text, rows: 5, required: question.required, hint: hint, issues: issues, t)
        case .file:
            var fileHint = hint ?? ""
            if case .file(let filename, _, _) = value {
                fileHint += (fileHint.isEmpty ? "" : " ") + MailComposer.fill(t(.currentFileKept), ["name": filename])
            }
            return Components.input(name, label: label, value: nil,
                                    options: .init(type: .file, required: question.required, hint: fileHint.isEmpty ? nil : fileHint), issues: issues, t)
        case .singleChoice, .multipleChoice, .yesNo:
            let multiple = question.kind == .multipleChoice
            let chosen: [String] = switch value {
            case .choices(let values): values
            case .yesNo(let yes): [yes ? "yes" : "no"]
            default: []
            }
            let options: [(String, String)] = question.kind == .yesNo
                ? [("yes", t(.yesLabel)), ("no", t(.noLabel))]
                : question.choices.map { ($0.value, $0.label.text(in: t.language)) }
            let errors = Components.errors(for: name, in: issues, t)
            return .fieldset(.class(errors.isEmpty ? "choices" : "choices has-error"), .id("field-\(name)"),
                             .element(named: "legend", nodes: [.text(label), .if(question.required, .span(.class("required"), .text(" *")))]),
                             .unwrap(hint) { .p(.class("hint"), .text($0)) },
                             .if(!errors.isEmpty, .div(.class("field-error"), .forEach(errors) { .p(.text($0)) })),
                             .forEach(Array(options.enumerated())) { index, option in
                                 let id = "\(name)-\(index)"
                                 return .div(.class("field checkbox"),
                                             .input(.type(multiple ? .checkbox : .radio), .id(id), .name(multiple ? "\(name)[]" : name), .value(option.0),
                                                    .checked(chosen.contains(option.0))),
                                             .label(.for(id), .text(option.1)))
                             })
        }
    }

    /// The answers as a description list; files link to `fileLink` when given (reviewers).
    static func answers(_ questions: [ApplicationQuestion], values: Values, fileLink: ((UUID) -> String)?, _ t: Localizer) -> Node<HTML.BodyContext> {
        .dl(.class("answers"), .forEach(questions) { question in
            .group(.dt(.text(question.label.text(in: t.language))), .dd(answer(question, values[question.id], fileLink: fileLink, t)))
        })
    }

    private static func answer(_ question: ApplicationQuestion, _ value: ApplicationAnswer?, fileLink: ((UUID) -> String)?, _ t: Localizer) -> Node<HTML.BodyContext> {
        switch value {
        case nil: return .em(.text(t(.noAnswer)))
        case .text(let text) where question.kind == .url: return .a(.href(text), .attribute(named: "rel", value: "nofollow noopener"), .text(text))
        case .text(let text): return .group(.forEach(text.components(separatedBy: "\n")) { .p(.text($0)) })
        case .yesNo(let yes): return .text(t(yes ? .yesLabel : .noLabel))
        case .choices(let values):
            return .text(values.map { value in question.choices.first { $0.value == value }?.label.text(in: t.language) ?? value }.joined(separator: ", "))
        case .file(let name, let type, let size):
            let text = "\(name) (\(type), \(max(1, size / 1024)) Ko)"
            guard let fileLink else { return .text(text) }
            return .a(.href(fileLink(question.id)), .text("\(t(.attachmentDownload)) : \(text)"))
        }
    }
}
