import FluentKit

public struct M0002_CreateOrganisations: AsyncMigration {
    public init() {}
    public var name: String { "0002-create-organisations" }

    public func prepare(on database: any Database) async throws {
        try await database.schema(Organisation.schema)
            .id()
            .field("slug", .string, .required)
            .field("name", .string, .required)
            .field("description_fr", .string, .required)
            .field("description_en", .string)
            .field("website", .string)
            .field("contact_email", .string, .required)
            .field("city", .string)
            .field("country", .string)
            .field("logo_data", .data)
            .field("logo_type", .string)
            .field("findable", .bool, .required)
            .field("seed_key", .string)
            .field("created_at", .datetime)
            .unique(on: "slug")
            .unique(on: "seed_key")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(Organisation.schema).delete()
    }
}
