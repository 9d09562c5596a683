import FluentKit

/// API tokens get a scope (read or write) and may be limited to one organisation. Both columns
/// are nullable: tokens made before scopes existed keep the full rights they were made with.
public struct M0020_AddAPITokenScopes: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(APIToken.schema).field("scope", .string).update()
        try await database.schema(APIToken.schema).field("organisation_id", .uuid).update()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(APIToken.schema).deleteField("organisation_id").update()
        try await database.schema(APIToken.schema).deleteField("scope").update()
    }
}
