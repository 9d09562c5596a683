import FluentKit

/// Background award runs for large recipient lists.
public struct M0016_CreateIssueJobs: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(IssueJob.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("badge_class_id", .uuid, .required, .references(BadgeClass.schema, "id", onDelete: .cascade))
            .field("issued_by_user_id", .uuid, .references(User.schema, "id", onDelete: .setNull))
            .field("awarded_by_organisation_id", .uuid, .references(Organisation.schema, "id", onDelete: .setNull))
            .field("draft_json", .string, .required)
            .field("total", .int, .required)
            .field("done", .int, .required)
            .field("status", .string, .required)
            .field("error", .string)
            .field("claimed_by", .string)
            .field("heartbeat_at", .datetime)
            .field("created_at", .datetime, .required)
            .field("started_at", .datetime)
            .field("finished_at", .datetime)
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(IssueJob.schema).delete()
    }
}
