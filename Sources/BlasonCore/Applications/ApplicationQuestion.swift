import Foundation

/// A question of an application form.
public struct ApplicationQuestion: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case shortText = "short-text"
        case longText = "long-text"
        case singleChoice = "single-choice"
        case multipleChoice = "multiple-choice"
        case yesNo = "yes-no"
        case url
        case file
    }

    /// One possible answer of a choice question: a stable value and its labels.
    public struct Choice: Codable, Equatable, Sendable {
        public var value: String
        public var label: LocalizedText

        public init(value: String, label: LocalizedText) {
            self.value = value
            self.label = label
        }
    }

    public var id: UUID
    public var kind: Kind
    public var label: LocalizedText
    public var help: LocalizedText?
    public var required: Bool
    public var choices: [Choice]
    /// For file questions: the largest accepted upload.
    public var maximumFileBytes: Int

    public static let defaultMaximumFileBytes = 5 * 1024 * 1024
    public static let absoluteMaximumFileBytes = 20 * 1024 * 1024

    public init(id: UUID = UUID(), kind: Kind, label: LocalizedText, help: LocalizedText? = nil, required: Bool = false,
                choices: [Choice] = [], maximumFileBytes: Int = ApplicationQuestion.defaultMaximumFileBytes) {
        self.id = id
        self.kind = kind
        self.label = label
        self.help = help
        self.required = required
        self.choices = choices
        self.maximumFileBytes = maximumFileBytes
    }

    public var isChoice: Bool { kind == .singleChoice || kind == .multipleChoice }

    /// Builds choices from lines "Libellé français | English label"; values are derived from the French label.
    public static func choices(fromLines text: String) -> [Choice] {
        var seen = Set<String>()
        return text.split(whereSeparator: \.isNewline).compactMap { line in
            let parts = line.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let french = parts.first, !french.isEmpty else { return nil }
            let value = Slug.derived(from: french)?.value ?? french.lowercased()
            guard seen.insert(value).inserted else { return nil }
            return Choice(value: value, label: LocalizedText(fr: french, en: parts.count > 1 ? parts[1] : nil))
        }
    }
}

/// An applicant's answer to one question.
public enum ApplicationAnswer: Equatable, Sendable, Codable {
    case text(String)
    case choices([String])
    case yesNo(Bool)
    case file(name: String, contentType: String, size: Int)

    public var isEmpty: Bool {
        switch self {
        case .text(let text): text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        case .choices(let values): values.isEmpty
        case .yesNo: false
        case .file(_, _, let size): size == 0
        }
    }
}
