import FluentKit

/// Signed Open Badges 3.0 credentials, kept per award.
public struct M0017_CreateSignedCredentials: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(SignedCredential.schema)
            .field("award_id", .uuid, .identifier(auto: false), .references(Award.schema, "id", onDelete: .cascade))
            .field("digest", .string, .required)
            .field("document", .string, .required)
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(SignedCredential.schema).delete()
    }
}
