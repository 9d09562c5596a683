import Fluent
import Foundation

extension Database {
    /// A transaction, run again when SQLite refuses it as busy. In WAL mode a transaction that read
    /// before it writes fails at once ("busy snapshot") if another connection committed in between,
    /// whatever the busy timeout; it was rolled back, so running it again is safe. Inside an outer
    /// transaction the outer one retries.
    func transactionRetrying<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            do {
                return try await transaction(body)
            } catch where !inTransaction && attempt < 8 && Self.isBusy(error) {
                attempt += 1
                try await Task.sleep(for: .milliseconds(5 << attempt))
            }
        }
    }

    static func isBusy(_ error: any Error) -> Bool {
        let text = String(describing: error)
        return text.contains("database is locked") || text.contains("busyInSnapshot") || text.contains("SQLITE_BUSY")
    }
}
