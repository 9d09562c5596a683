import FluentKit
import SQLKit

/// The earner's side: their addresses, one-time links, notification choices.
public struct M0008_CreateEarnerTables: AsyncMigration {
    public init() {}
    public var name: String { "0008-create-earner-tables" }

    public func prepare(on database: any Database) async throws {
        try await database.schema(UserEmail.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("email", .string, .required)
            .field("verified_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "email")
            .create()
        try await database.schema(OneTimeToken.schema)
            .id()
            .field("purpose", .string, .required)
            .field("token_hash", .string, .required)
            .field("award_id", .uuid, .references(Award.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .references(User.schema, "id", onDelete: .cascade))
            .field("email", .string)
            .field("application_id", .uuid)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.schema(NotificationPreference.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("enabled", .bool, .required)
            .unique(on: "user_id", "kind")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "one_time_tokens_award_idx").on(OneTimeToken.schema).column("award_id").run()
        }
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(NotificationPreference.schema).delete()
        try await database.schema(OneTimeToken.schema).delete()
        try await database.schema(UserEmail.schema).delete()
    }
}
