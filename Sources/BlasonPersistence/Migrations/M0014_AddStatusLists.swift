import FluentKit
import SQLKit

/// Open Badges 3.0 revocation: every award and endorsement gets a bit in its issuer's status list.
public struct M0014_AddStatusLists: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(StatusAllocation.schema)
            .field("organisation_id", .uuid, .identifier(auto: false), .references(Organisation.schema, "id", onDelete: .cascade))
            .field("next_index", .int, .required)
            .create()
        try await database.schema(Award.schema).field("status_index", .int).update()
        try await database.schema(Endorsement.schema).field("status_index", .int).update()
        // Unique per issuer; a plain CREATE UNIQUE INDEX reads the same on SQLite and PostgreSQL.
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE UNIQUE INDEX awards_status_index ON awards (organisation_id, status_index)").run()
        try await sql.raw("CREATE UNIQUE INDEX endorsements_status_index ON endorsements (endorser_id, status_index)").run()
    }

    public func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("DROP INDEX IF EXISTS awards_status_index").run()
        try await sql.raw("DROP INDEX IF EXISTS endorsements_status_index").run()
        try await database.schema(Endorsement.schema).deleteField("status_index").update()
        try await database.schema(Award.schema).deleteField("status_index").update()
        try await database.schema(StatusAllocation.schema).delete()
    }
}
