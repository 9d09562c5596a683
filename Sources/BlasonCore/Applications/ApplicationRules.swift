import Foundation

/// How a badge class's applications are decided. Fixed when applications open.
public enum ReviewMethod: String, Codable, Sendable, CaseIterable {
    /// One reviewer decides.
    case single
    /// Each jury member votes; the threshold of "yes" votes approves, and the final reviewer may overrule.
    case jury
    /// Every verified application is approved.
    case automatic
    /// Whoever has the code gets the badge.
    case claimCode = "claim-code"
}

/// Who may apply: people, or organisations through one of their admins.
public enum ApplicantKind: String, Codable, Sendable, CaseIterable {
    case person
    case organisation
}

/// Where an application stands.
public enum ApplicationStatus: String, Codable, Sendable, CaseIterable {
    /// Written, waiting for the applicant to confirm their e-mail address.
    case awaitingEmail = "awaiting-email"
    case pending
    /// Sent back to the applicant for changes.
    case returned
    case approved
    case rejected

    public var isDecided: Bool { self == .approved || self == .rejected }
}

/// What a reviewer can do to an application, and when.
public enum ReviewAction: String, Codable, Sendable, CaseIterable {
    case approve
    case returnForRevision = "return"
    case reject

    public func allowed(from status: ApplicationStatus) -> Bool {
        status == .pending
    }

    public var resultingStatus: ApplicationStatus {
        switch self {
        case .approve: .approved
        case .returnForRevision: .returned
        case .reject: .rejected
        }
    }
}

/// The outcome of a jury's votes so far.
public enum JuryOutcome: Equatable, Sendable {
    case undecided
    case approved
    case rejected

    /// Approved as soon as `threshold` members said yes; rejected as soon as too many said no for
    /// the threshold to be reachable by the members who have not voted.
    public static func tally(yes: Int, no: Int, members: Int, threshold: Int) -> JuryOutcome {
        if yes >= threshold { return .approved }
        let undecided = max(0, members - yes - no)
        if yes + undecided < threshold { return .rejected }
        return .undecided
    }
}
