import FluentKit
import SQLKit

/// The audit log.
public struct M0019_CreateAuditEvents: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(AuditEvent.schema)
            .id()
            .field("organisation_id", .uuid)
            .field("programme_key", .string)
            .field("actor_user_id", .uuid)
            .field("actor_name", .string, .required)
            .field("action", .string, .required)
            .field("object_type", .string, .required)
            .field("object_id", .string, .required)
            .field("detail", .string, .required)
            .field("client_address", .string)
            .field("occurred_at", .datetime, .required)
            .create()
        // The two logs are read newest first, per organisation and per programme.
        let sql = database as! any SQLDatabase
        try await sql.create(index: "audit_events_organisation_occurred").on(AuditEvent.schema).column("organisation_id").column("occurred_at").run()
        try await sql.create(index: "audit_events_programme_occurred").on(AuditEvent.schema).column("programme_key").column("occurred_at").run()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(AuditEvent.schema).delete()
    }
}
