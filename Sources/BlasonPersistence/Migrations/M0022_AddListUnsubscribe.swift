import FluentKit

/// The unsubscribe URL of a periodic e-mail, sent as its `List-Unsubscribe` header (RFC 8058).
public struct M0022_AddListUnsubscribe: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema(OutboxMessage.schema).field("list_unsubscribe", .string).update()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(OutboxMessage.schema).deleteField("list_unsubscribe").update()
    }
}
