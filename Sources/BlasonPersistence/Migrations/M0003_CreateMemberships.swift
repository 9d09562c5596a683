import FluentKit

public struct M0003_CreateMemberships: AsyncMigration {
    public init() {}
    public var name: String { "0003-create-memberships" }

    public func prepare(on database: any Database) async throws {
        try await database.schema(Membership.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("role", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "user_id", "organisation_id")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(Membership.schema).delete()
    }
}
