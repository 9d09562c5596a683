import Foundation

/// Where a partnership between two organisations stands.
public enum PartnershipStatus: String, Codable, Sendable, CaseIterable {
    /// Asked by one side, not answered by the other.
    case pending
    case accepted
    case declined
    /// Ended by either side after being accepted (or withdrawn while pending).
    case ended

    /// Whether the pair counts as linked (a new request between them would be a duplicate).
    public var isActive: Bool { self == .pending || self == .accepted }
}

/// What an endorsement is about.
public enum EndorsementSubject: String, Codable, Sendable, CaseIterable {
    case organisation
    case badgeClass = "badge-class"
}

/// Where an endorsement stands. Partners' endorsements are published at once; an outsider's waits
/// for the endorsed organisation's approval.
public enum EndorsementStatus: String, Codable, Sendable, CaseIterable {
    case awaitingApproval = "awaiting-approval"
    case published
    case withdrawn
}

/// A request to be endorsed, to a partner or to someone outside the platform.
public enum EndorsementRequestStatus: String, Codable, Sendable, CaseIterable {
    case pending
    case accepted
    case declined
}

/// The filter of the partner list on the Réseau page.
public enum PartnerFilter: String, Codable, Sendable, CaseIterable {
    /// « tout »
    case all
    /// « nous les endossons »
    case weEndorse = "we-endorse"
    /// « ils nous endossent »
    case theyEndorseUs = "they-endorse-us"
    /// « endossement mutuel »
    case mutual

    public func matches(weEndorse: Bool, theyEndorseUs: Bool) -> Bool {
        switch self {
        case .all: true
        case .weEndorse: weEndorse
        case .theyEndorseUs: theyEndorseUs
        case .mutual: weEndorse && theyEndorseUs
        }
    }
}

/// The checks of an endorsement's text, shared by partners, templates and outsiders.
public enum EndorsementText {
    public static let maximumLength = 5000

    public static func validated(_ text: String, field: String = "comment") throws(BlasonError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .invalid(field, .required) }
        guard trimmed.count <= maximumLength else { throw .invalid(field, .tooLong(max: maximumLength)) }
        return trimmed
    }
}
