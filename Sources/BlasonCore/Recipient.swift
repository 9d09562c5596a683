import Foundation

/// One person to award a badge to, as typed in the recipient box or read from a CSV row.
public struct Recipient: Equatable, Sendable, Codable {
    public var email: EmailAddress
    public var name: String?
    /// Per-recipient evidence (CSV columns); when nil, the award's common evidence applies.
    public var evidenceURL: String?
    public var narrative: String?
    /// The recipient's language when known (CSV `language` column, API); else the award's.
    public var language: Language?
    /// When the earner is an organisation (its contact e-mail), the organisation itself.
    public var organisationID: UUID?

    public init(email: EmailAddress, name: String? = nil, evidenceURL: String? = nil, narrative: String? = nil, language: Language? = nil,
                organisationID: UUID? = nil) {
        self.email = email
        self.name = name.flatMap { $0.isEmpty ? nil : $0 }
        self.evidenceURL = evidenceURL
        self.narrative = narrative.flatMap { $0.isEmpty ? nil : $0 }
        self.language = language
        self.organisationID = organisationID
    }
}

/// Limits shared by the recipient box, the CSV upload and the API.
public enum RecipientLimits {
    /// Large lists run as background jobs, a chunk per transaction; this bounds the stored job.
    public static let maximumCount = 100_000
    public static let maximumNameLength = 200
    public static let maximumNarrativeLength = 10_000
}
