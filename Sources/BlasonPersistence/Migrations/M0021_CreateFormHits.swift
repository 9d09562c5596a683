import FluentKit
import SQLKit

/// Submissions of public forms, for their rate limits.
public struct M0021_CreateFormHits: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(FormHit.schema)
            .id()
            .field("key", .string, .required)
            .field("at", .datetime, .required)
            .create()
        try await (database as! any SQLDatabase).create(index: "form_hits_key_at").on(FormHit.schema).column("key").column("at").run()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(FormHit.schema).delete()
    }
}
