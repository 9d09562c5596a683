import FluentKit
import Foundation

/// A single-purpose, expiring secret sent by e-mail: claiming an award, signing in to the earner's
/// space, verifying an address. Only its SHA-256 is stored.
public final class OneTimeToken: Model, @unchecked Sendable {
    public static let schema = "one_time_tokens"

    public enum Purpose: String, Sendable {
        case awardClaim = "award-claim"
        case signIn = "sign-in"
        case emailVerification = "email-verification"
        case applicationEmail = "application-email"
        case reviewerInvitation = "reviewer-invitation"
        case externalEndorsement = "external-endorsement"
        case passwordReset = "password-reset"
    }

    @ID(key: .id) public var id: UUID?
    @Field(key: "purpose") public var purposeName: String
    @Field(key: "token_hash") public var tokenHash: String
    @OptionalParent(key: "award_id") public var award: Award?
    @OptionalParent(key: "user_id") public var user: User?
    @OptionalField(key: "email") public var email: String?
    /// For application e-mail confirmations (a plain id: applications come after this table).
    @OptionalField(key: "application_id") public var applicationID: UUID?
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "used_at") public var usedAt: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(purpose: Purpose, tokenHash: String, awardID: UUID? = nil, userID: UUID? = nil, email: String? = nil,
                applicationID: UUID? = nil, expiresAt: Date) {
        self.purposeName = purpose.rawValue
        self.tokenHash = tokenHash
        self.$award.id = awardID
        self.$user.id = userID
        self.email = email
        self.applicationID = applicationID
        self.expiresAt = expiresAt
    }

    public var purpose: Purpose? { Purpose(rawValue: purposeName) }
}
