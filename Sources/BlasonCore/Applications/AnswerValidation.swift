import Foundation

/// Checks an applicant's answers against the form's questions. Every broken rule is reported at
/// once, field by field (`question-<id>`), so the form can show them all.
public enum AnswerValidation {
    /// What a browser or API client sent for one question.
    public enum Submitted: Equatable, Sendable {
        case text(String)
        case values([String])
        case file(name: String, data: Data)
        case none
    }

    /// A validated answer, with the file's bytes when there is one.
    public struct Valid: Equatable, Sendable {
        public let questionID: UUID
        public let answer: ApplicationAnswer
        public let fileData: Data?

        public init(questionID: UUID, answer: ApplicationAnswer, fileData: Data?) {
            self.questionID = questionID
            self.answer = answer
            self.fileData = fileData
        }
    }

    public static let maximumTextLength = 20_000
    public static let maximumShortTextLength = 500

    public static func field(_ question: ApplicationQuestion) -> String { "question-\(question.id.uuidString.lowercased())" }

    /// `previous` holds files already stored for a resubmission: a file question left empty keeps its file.
    public static func validate(_ questions: [ApplicationQuestion], submitted: [UUID: Submitted],
                                previous: [UUID: ApplicationAnswer] = [:]) throws(BlasonError) -> [Valid] {
        var issues: [FieldIssue] = []
        var answers: [Valid] = []
        for question in questions {
            let field = field(question)
            let raw = submitted[question.id] ?? .none
            func fail(_ problem: Problem) { issues.append(FieldIssue(field: field, problem: problem, label: question.label)) }
            switch (question.kind, raw) {
            case (.shortText, .text(let text)), (.longText, .text(let text)):
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                let limit = question.kind == .shortText ? maximumShortTextLength : maximumTextLength
                if trimmed.isEmpty { if question.required { fail(.required) }; continue }
                if trimmed.count > limit { fail(.tooLong(max: limit)); continue }
                answers.append(Valid(questionID: question.id, answer: .text(trimmed), fileData: nil))
            case (.url, .text(let text)):
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                if trimmed.isEmpty { if question.required { fail(.required) }; continue }
                guard let url = WebURL.validated(trimmed) else { fail(.invalidURL(trimmed)); continue }
                answers.append(Valid(questionID: question.id, answer: .text(url), fileData: nil))
            case (.singleChoice, .text), (.singleChoice, .values):
                let given: [String] = if case .values(let values) = raw { values.filter { !$0.isEmpty } } else if case .text(let value) = raw { [value] } else { [] }
                guard given.count <= 1 else { fail(.notAllowedValue(given.joined(separator: ", "))); continue }
                let value = given.first ?? ""
                if value.isEmpty { if question.required { fail(.required) }; continue }
                guard question.choices.contains(where: { $0.value == value }) else { fail(.notAllowedValue(value)); continue }
                answers.append(Valid(questionID: question.id, answer: .choices([value]), fileData: nil))
            case (.multipleChoice, .values), (.multipleChoice, .text):
                let list: [String] = if case .values(let values) = raw { values } else if case .text(let value) = raw { [value] } else { [] }
                let chosen = list.filter { !$0.isEmpty }
                if chosen.isEmpty { if question.required { fail(.required) }; continue }
                if let wrong = chosen.first(where: { value in !question.choices.contains { $0.value == value } }) { fail(.notAllowedValue(wrong)); continue }
                answers.append(Valid(questionID: question.id, answer: .choices(Array(Set(chosen)).sorted()), fileData: nil))
            case (.yesNo, .text(let value)):
                switch value.lowercased() {
                case "yes", "oui", "true": answers.append(Valid(questionID: question.id, answer: .yesNo(true), fileData: nil))
                case "no", "non", "false": answers.append(Valid(questionID: question.id, answer: .yesNo(false), fileData: nil))
                case "": if question.required { fail(.required) }
                default: fail(.notAllowedValue(value))
                }
            case (.file, .file(let name, let data)) where !data.isEmpty:
                guard data.count <= question.maximumFileBytes else { fail(.fileTooLarge(limit: question.maximumFileBytes)); continue }
                guard let type = FileKind.detect(data) else { fail(.fileTypeNotAllowed); continue }
                let cleanName = String(name.split(separator: "/").last ?? "fichier").prefix(200)
                answers.append(Valid(questionID: question.id, answer: .file(name: String(cleanName), contentType: type.mimeType, size: data.count), fileData: data))
            case (_, .none), (.file, .file):
                if question.kind == .file, let kept = previous[question.id] {
                    answers.append(Valid(questionID: question.id, answer: kept, fileData: nil))
                } else if question.required {
                    fail(.required)
                }
            default:
                fail(.wrongType(expected: question.kind.rawValue))
            }
        }
        if !issues.isEmpty { throw .invalid(issues) }
        return answers
    }
}

/// The attachments applications accept, recognised by their content rather than their name.
public enum FileKind: String, Sendable {
    case pdf, png, jpeg

    public var mimeType: String {
        switch self {
        case .pdf: "application/pdf"
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        }
    }

    public static func detect(_ data: Data) -> FileKind? {
        let bytes = [UInt8](data.prefix(8))
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        return nil
    }
}
