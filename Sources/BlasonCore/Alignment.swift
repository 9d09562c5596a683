import Foundation

/// A link from a badge class to an item of a framework (a competency of a referential, a
/// standard, a job code). Open Badges 2.0 needs at least its name and URL.
public struct Alignment: Equatable, Codable, Sendable {
    public var targetName: String
    public var targetURL: String
    public var targetDescription: String?
    public var targetFramework: String?
    public var targetCode: String?

    public init(targetName: String, targetURL: String, targetDescription: String? = nil,
                targetFramework: String? = nil, targetCode: String? = nil) {
        self.targetName = targetName
        self.targetURL = targetURL
        self.targetDescription = targetDescription.nilIfBlank
        self.targetFramework = targetFramework.nilIfBlank
        self.targetCode = targetCode.nilIfBlank
    }
}

extension Optional where Wrapped == String {
    /// nil for nil, empty or whitespace-only strings; the trimmed text otherwise.
    public var nilIfBlank: String? {
        guard let trimmed = self?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}

extension String {
    /// nil for an empty or whitespace-only string; the trimmed text otherwise.
    public var nilIfBlank: String? { Optional(self).nilIfBlank }
}
