import FluentKit
import Foundation

/// A bearer token for `/api/v1`. Only a SHA-256 of the token is stored: a database leak does not
/// hand out working credentials.
public final class APIToken: Model, @unchecked Sendable {
    public static let schema = "api_tokens"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "user_id") public var user: User
    @Field(key: "name") public var name: String
    @Field(key: "token_hash") public var tokenHash: String
    @OptionalField(key: "expires_at") public var expiresAt: Date?
    @OptionalField(key: "revoked_at") public var revokedAt: Date?
    @OptionalField(key: "last_used_at") public var lastUsedAt: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(userID: UUID, name: String, tokenHash: String, expiresAt: Date?) {
        self.$user.id = userID
        self.name = name
        self.tokenHash = tokenHash
        self.expiresAt = expiresAt
    }

    public func isUsable(at now: Date) -> Bool {
        revokedAt == nil && (expiresAt.map { $0 > now } ?? true)
    }
}
