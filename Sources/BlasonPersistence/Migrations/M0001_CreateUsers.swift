import FluentKit

/// Column types stay portable (text, boolean, datetime, blob/bytea, uuid) and every constraint is
/// declared in the create, because SQLite cannot add constraints to an existing table.
public struct M0001_CreateUsers: AsyncMigration {
    public init() {}
    public var name: String { "0001-create-users" }

    public func prepare(on database: any Database) async throws {
        try await database.schema(User.schema)
            .id()
            .field("email", .string, .required)
            .field("name", .string, .required)
            .field("password_hash", .string)
            .field("language", .string, .required)
            .field("profile_key", .string)
            .field("created_at", .datetime)
            .unique(on: "email")
            .unique(on: "profile_key")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(User.schema).delete()
    }
}
