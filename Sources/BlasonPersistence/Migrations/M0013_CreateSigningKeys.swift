import FluentKit

/// Organisations' signing keys (Open Badges 3.0 proofs, VC-JWT, signed Open Badges 2.0).
public struct M0013_CreateSigningKeys: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(SigningKey.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("algorithm", .string, .required)
            .field("public_jwk", .string, .required)
            .field("sealed_private", .data, .required)
            .field("created_at", .datetime, .required)
            .field("retired_at", .datetime)
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(SigningKey.schema).delete()
    }
}
