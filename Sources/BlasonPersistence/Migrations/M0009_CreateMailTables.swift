import FluentKit
import SQLKit

/// The e-mail outbox, organisations' own wording of e-mails, and the scheduler's run log.
public struct M0009_CreateMailTables: AsyncMigration {
    public init() {}
    public var name: String { "0009-create-mail-tables" }

    public func prepare(on database: any Database) async throws {
        try await database.schema(OutboxMessage.schema)
            .id()
            .field("message_id", .string, .required)
            .field("event", .string, .required)
            .field("organisation_id", .uuid, .references(Organisation.schema, "id", onDelete: .setNull))
            .field("award_id", .uuid, .references(Award.schema, "id", onDelete: .setNull))
            .field("to_address", .string, .required)
            .field("to_name", .string)
            .field("language", .string, .required)
            .field("subject", .string, .required)
            .field("text_body", .string, .required)
            .field("html_body", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("claimed_at", .datetime)
            .field("last_error", .string)
            .field("sent_at", .datetime)
            .field("created_at", .datetime, .required)
            .unique(on: "message_id")
            .create()
        try await database.schema(MailTemplate.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("event", .string, .required)
            .field("language", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "organisation_id", "event", "language")
            .create()
        try await database.schema(JobRun.schema)
            .id()
            .field("job", .string, .required)
            .field("period", .string, .required)
            .field("started_at", .datetime, .required)
            .field("finished_at", .datetime)
            .field("error", .string)
            .unique(on: "job", "period")
            .create()
        if let sql = database as? any SQLDatabase {
            // The dispatcher's query: due pending messages, oldest first.
            try await sql.create(index: "outbox_due_idx").on(OutboxMessage.schema).column("status").column("next_attempt_at").run()
            try await sql.create(index: "outbox_organisation_idx").on(OutboxMessage.schema).column("organisation_id").column("created_at").run()
        }
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(JobRun.schema).delete()
        try await database.schema(MailTemplate.schema).delete()
        try await database.schema(OutboxMessage.schema).delete()
    }
}
