import BlasonCore
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
    /// `read` or `write`; nil for tokens made before scopes existed (full rights).
    @OptionalField(key: "scope") public var scopeName: String?
    /// When set, the token acts only within this organisation, whatever else its user belongs to.
    @OptionalField(key: "organisation_id") public var organisationID: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(userID: UUID, name: String, tokenHash: String, expiresAt: Date?, scope: TokenScope = .write, organisationID: UUID? = nil) {
        self.$user.id = userID
        self.name = name
        self.tokenHash = tokenHash
        self.expiresAt = expiresAt
        self.scopeName = scope.rawValue
        self.organisationID = organisationID
    }

    public var scope: TokenScope { scopeName.flatMap(TokenScope.init(rawValue:)) ?? .write }

    public func isUsable(at now: Date) -> Bool {
        revokedAt == nil && (expiresAt.map { $0 > now } ?? true)
    }
}
