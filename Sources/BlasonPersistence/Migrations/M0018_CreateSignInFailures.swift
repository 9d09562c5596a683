import FluentKit
import SQLKit

/// Failed sign-ins, for the limits on repeated attempts.
public struct M0018_CreateSignInFailures: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(SignInFailure.schema)
            .id()
            .field("key", .string, .required)
            .field("failed_at", .datetime, .required)
            .create()
        // Every sign-in counts the recent failures of two keys.
        try await (database as! any SQLDatabase).create(index: "sign_in_failures_key_failed_at").on(SignInFailure.schema)
            .column("key").column("failed_at").run()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(SignInFailure.schema).delete()
    }
}
