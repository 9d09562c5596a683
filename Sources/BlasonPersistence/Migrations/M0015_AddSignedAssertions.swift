import FluentKit

/// Badge classes whose Open Badges 2.0 assertions are also offered signed (JWS).
public struct M0015_AddSignedAssertions: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(BadgeClassOption.schema)
            .field("badge_class_id", .uuid, .identifier(auto: false), .references(BadgeClass.schema, "id", onDelete: .cascade))
            .field("signed_assertions", .bool, .required)
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(BadgeClassOption.schema).delete()
    }
}
