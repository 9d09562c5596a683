import Foundation

/// How an award came to be. An *issued* award is valid at once; a *proposed* one (made by the
/// system for the earner, such as a Region badge proposal) counts only once the earner accepts it.
public enum AwardKind: String, Codable, Sendable, CaseIterable {
    case issued
    case proposed
}

/// What the earner did with an award.
public enum EarnerState: String, Codable, Sendable, CaseIterable {
    /// Not answered yet.
    case pending
    /// Taken into the earner's space.
    case accepted
    /// Kept out of the earner's space (an issued award stays valid for verifiers).
    case hidden
    /// A proposal turned down: never public again.
    case declined
    /// The earner deleted their account without keeping this award public: withdrawn from view.
    case withdrawn
}

/// The rules that tie kind and earner state to what the public and the earner may do.
public enum AwardLifecycle {
    /// Whether the award answers at its public URLs (Open Badges documents, pages, images).
    public static func isPublic(kind: AwardKind, state: EarnerState) -> Bool {
        switch (kind, state) {
        case (_, .withdrawn), (.proposed, .declined): false
        case (.proposed, .pending), (.proposed, .hidden): false
        case (.proposed, .accepted): true
        case (.issued, _): true
        }
    }

    /// The earner's possible answers to an award in `state`. A proposal can be accepted or declined
    /// once; an issued award can move between accepted and hidden as often as the earner likes.
    public static func allows(_ action: EarnerAction, kind: AwardKind, state: EarnerState) -> Bool {
        switch (action, kind, state) {
        case (_, _, .withdrawn), (_, .proposed, .declined): false
        case (.accept, .proposed, .pending): true
        case (.decline, .proposed, .pending): true
        case (.accept, .issued, .pending), (.accept, .issued, .hidden): true
        case (.hide, .issued, .pending), (.hide, .issued, .accepted): true
        default: false
        }
    }

    /// The state an action leads to.
    public static func state(after action: EarnerAction) -> EarnerState {
        switch action {
        case .accept: .accepted
        case .decline: .declined
        case .hide: .hidden
        }
    }
}

/// What an earner can do from the e-mail link or their space.
public enum EarnerAction: String, Codable, Sendable, CaseIterable {
    case accept
    case decline
    case hide
}

/// A large award run in the background, a chunk per transaction, resumable where it stopped.
public enum IssueJobStatus: String, Codable, Sendable, CaseIterable {
    case queued
    case running
    case done
    case failed
}
