import Fluent
import Foundation
import SQLKit

extension Database {
    /// A transaction, run again when SQLite refuses it as busy. In WAL mode a transaction that read
    /// before it writes fails at once ("busy snapshot") if another connection committed in between,
    /// whatever the busy timeout; it was rolled back, so running it again is safe. Inside an outer
    /// transaction the outer one retries.
    ///
    /// On SQLite the transactions of this process also take turns (`SQLiteWriteTurn`) rather than
    /// meet in SQLite's lock: it admits one writer anyway, and a connection waiting there holds
    /// one of the few threads that run every query while the writer it waits for needs them.
    func transactionRetrying<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        // Fluent runs the body in a task of its own, started from the connection's event loop, which
        // inherits no task-local value: the audit log's actor is carried across by hand.
        let actor = AuditActor.current
        let bound: @Sendable (any Database) async throws -> T = { db in try await AuditActor.$current.withValue(actor) { try await body(db) } }
        var attempt = 0
        while true {
            do {
                return try await SQLiteWriteTurn.take(self) { try await self.transaction(bound) }
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

/// One SQLite write transaction at a time in this process, in arrival order. A transaction
/// started inside another (by the same task or a task it started, even on another connection)
/// does not wait for its turn: the outer one holds it.
enum SQLiteWriteTurn {
    @TaskLocal static var held = false
    private static let turn = AsyncTurn()

    static func take<T: Sendable>(_ db: any Database, _ body: () async throws -> T) async throws -> T {
        guard !held, !db.inTransaction, (db as? any SQLDatabase)?.dialect.name == "sqlite" else { return try await body() }
        await turn.wait()
        do {
            let result = try await $held.withValue(true) { try await body() }
            await turn.next()
            return result
        } catch {
            await turn.next()
            throw error
        }
    }
}

/// A first-come, first-served lock for tasks: waiting suspends the task, not a thread.
private actor AsyncTurn {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func wait() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func next() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
