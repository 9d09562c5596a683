import FluentKit

public struct M0006_CreateAPITokens: AsyncMigration {
    public init() {}
    public var name: String { "0006-create-api-tokens" }

    public func prepare(on database: any Database) async throws {
        try await database.schema(APIToken.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime)
            .field("revoked_at", .datetime)
            .field("last_used_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(APIToken.schema).delete()
    }
}
