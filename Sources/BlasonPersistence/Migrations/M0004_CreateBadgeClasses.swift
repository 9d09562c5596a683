import FluentKit

public struct M0004_CreateBadgeClasses: AsyncMigration {
    public init() {}
    public var name: String { "0004-create-badge-classes" }

    public func prepare(on database: any Database) async throws {
        try await database.schema(BadgeClass.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .restrict))
            .field("name_fr", .string, .required)
            .field("name_en", .string)
            .field("description_fr", .string, .required)
            .field("description_en", .string)
            .field("criteria_fr", .string, .required)
            .field("criteria_en", .string)
            .field("criteria_url", .string)
            .field("tags_json", .string, .required)
            .field("alignments_json", .string, .required)
            .field("expiry", .string)
            .field("image_data", .data, .required)
            .field("image_type", .string, .required)
            .field("archived_at", .datetime)
            .field("seed_key", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "seed_key")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(BadgeClass.schema).delete()
    }
}
