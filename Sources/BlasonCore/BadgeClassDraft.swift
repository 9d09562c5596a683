import Foundation

/// What a creator submits for a badge class, before it is stored. The image is checked by the
/// Open Badges library; everything else is checked here.
public struct BadgeClassDraft: Equatable, Sendable {
    public var name: LocalizedText
    public var description: LocalizedText
    /// Markdown narrative of what an earner must do.
    public var criteria: LocalizedText
    public var criteriaURL: String?
    public var tags: [String]
    public var alignments: [Alignment]
    public var expiry: ExpiryPeriod?
    /// Open Badges 2.0 assertions also offered signed (JWS, RS256) rather than only hosted.
    public var signedAssertions: Bool

    public static let maximumNameLength = 200
    public static let maximumTextLength = 20_000
    public static let maximumTags = 30
    public static let maximumTagLength = 60
    public static let maximumAlignments = 20

    public init(name: LocalizedText, description: LocalizedText, criteria: LocalizedText, criteriaURL: String? = nil,
                tags: [String] = [], alignments: [Alignment] = [], expiry: ExpiryPeriod? = nil, signedAssertions: Bool = false) {
        self.signedAssertions = signedAssertions
        self.name = name
        self.description = description
        self.criteria = criteria
        self.criteriaURL = criteriaURL
        self.tags = tags
        self.alignments = alignments
        self.expiry = expiry
    }

    /// Splits the tag field ("a, b, c") into distinct, trimmed tags.
    public static func tags(from field: String) -> [String] {
        var seen = Set<String>()
        return field.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
    }

    /// Returns the draft with texts trimmed, or every broken rule at once.
    public func validated() throws(BlasonError) -> BadgeClassDraft {
        var issues: [FieldIssue] = []
        var draft = self
        func check(_ text: LocalizedText, field: String, max: Int, required: Bool) -> LocalizedText {
            let fr = text.fr.trimmingCharacters(in: .whitespacesAndNewlines)
            let en = text.en.nilIfBlank
            if required && fr.isEmpty { issues.append(FieldIssue(field: "\(field)_fr", problem: .required)) }
            if fr.count > max { issues.append(FieldIssue(field: "\(field)_fr", problem: .tooLong(max: max))) }
            if (en?.count ?? 0) > max { issues.append(FieldIssue(field: "\(field)_en", problem: .tooLong(max: max))) }
            return LocalizedText(fr: fr, en: en)
        }
        draft.name = check(name, field: "name", max: Self.maximumNameLength, required: true)
        draft.description = check(description, field: "description", max: Self.maximumTextLength, required: true)
        draft.criteriaURL = WebURL.optional(criteriaURL, field: "criteria_url", issues: &issues)
        // Open Badges requires criteria: a narrative or, failing that, a page that describes them.
        draft.criteria = check(criteria, field: "criteria", max: Self.maximumTextLength, required: draft.criteriaURL == nil)
        if tags.count > Self.maximumTags {
            issues.append(FieldIssue(field: "tags", problem: .tooLong(max: Self.maximumTags)))
        }
        if tags.contains(where: { $0.count > Self.maximumTagLength }) {
            issues.append(FieldIssue(field: "tags", problem: .tooLong(max: Self.maximumTagLength)))
        }
        if alignments.count > Self.maximumAlignments {
            issues.append(FieldIssue(field: "alignments", problem: .tooLong(max: Self.maximumAlignments)))
        }
        draft.alignments = []
        for (index, alignment) in alignments.enumerated() {
            let name = alignment.targetName.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty, !alignment.targetURL.trimmingCharacters(in: .whitespaces).isEmpty else {
                issues.append(FieldIssue(field: "alignment_\(index + 1)", problem: .alignmentIncomplete))
                continue
            }
            guard let url = WebURL.validated(alignment.targetURL) else {
                issues.append(FieldIssue(field: "alignment_\(index + 1)", problem: .invalidURL(alignment.targetURL)))
                continue
            }
            draft.alignments.append(Alignment(targetName: name, targetURL: url, targetDescription: alignment.targetDescription,
                                              targetFramework: alignment.targetFramework, targetCode: alignment.targetCode))
        }
        if !issues.isEmpty { throw .invalid(issues) }
        return draft
    }
}
