import FluentKit
import SQLKit

public struct M0005_CreateAwards: AsyncMigration {
    public init() {}
    public var name: String { "0005-create-awards" }

    public func prepare(on database: any Database) async throws {
        try await database.schema(Award.schema)
            .id()
            .field("badge_class_id", .uuid, .required, .references(BadgeClass.schema, "id", onDelete: .restrict))
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .restrict))
            .field("recipient_email", .string, .required)
            .field("recipient_name", .string)
            .field("salt", .string, .required)
            .field("identity_hash", .string, .required)
            .field("issued_on", .datetime, .required)
            .field("expires", .datetime)
            .field("evidence_url", .string)
            .field("narrative", .string)
            .field("revoked_at", .datetime)
            .field("revocation_reason", .string)
            .field("issued_by_user_id", .uuid, .references(User.schema, "id", onDelete: .setNull))
            .field("kind", .string, .required)
            .field("earner_state", .string, .required)
            .field("earner_state_at", .datetime)
            .field("on_profile", .bool, .required)
            .field("language", .string, .required)
            .field("recipient_organisation_id", .uuid, .references(Organisation.schema, "id", onDelete: .setNull))
            .field("source_award_id", .uuid)
            .field("awarded_by_organisation_id", .uuid, .references(Organisation.schema, "id", onDelete: .setNull))
            .field("created_at", .datetime)
            .create()
        // Lists by badge class, by recipient and the revocation list must not scan the table as it grows.
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "awards_badge_class_idx").on(Award.schema).column("badge_class_id").run()
            try await sql.create(index: "awards_recipient_idx").on(Award.schema).column("recipient_email").run()
            try await sql.create(index: "awards_revoked_idx").on(Award.schema).column("organisation_id").column("revoked_at").run()
            try await sql.create(index: "awards_source_idx").on(Award.schema).column("source_award_id").run()
        }
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(Award.schema).delete()
    }
}
