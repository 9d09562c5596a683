import BlasonPersistence
import Fluent
import Foundation
import SQLKit
import Vapor

/// What lets several Blason nodes share one PostgreSQL database, besides the claims of the outbox
/// and the scheduler: migrations run by one node at a time, a lock for "create it the first time
/// it is needed", and a check that a node was given the same master key as the others.
enum SharedDatabase {
    /// Any fixed number: the advisory lock the nodes take while migrating.
    static let migrationLock: Int64 = 0x426C_6173_6F6E  // "Blason"

    /// Runs the pending migrations. Nodes started together on PostgreSQL would otherwise all see
    /// the same migrations pending and all run them (the second `CREATE TABLE` fails, or a seed
    /// is written twice): a session advisory lock, held on one connection while the migrator uses
    /// others, lets one node migrate while the others wait and then find nothing left to do.
    /// SQLite serves one node; its own write lock is enough for a command run beside it.
    static func migrate(_ app: Application) async throws {
        guard isPostgres(app.db) else {
            try await app.autoMigrate()
            return
        }
        try await app.db.withConnection { connection in
            let sql = connection as! any SQLDatabase
            try await sql.raw("SELECT pg_advisory_lock(\(literal: migrationLock))").run()
            do {
                try await app.autoMigrate()
            } catch {
                try? await sql.raw("SELECT pg_advisory_unlock(\(literal: migrationLock))").run()
                throw error
            }
            try await sql.raw("SELECT pg_advisory_unlock(\(literal: migrationLock))").run()
        }
    }

    /// Refuses to serve with a master key that does not open the signing keys already in the
    /// database: a node started with another key would answer some requests with errors (every
    /// signature it tried) while its neighbours work, which users would notice and operators
    /// would struggle to trace. The newest key is tried, so after a rotation (`blason keys rotate`,
    /// which needs no old key) a replaced master key is accepted.
    static func checkMasterKey(_ app: Application) async throws {
        guard let newest = try await SigningKey.query(on: app.db).sort(\.$createdAt, .descending).first() else { return }
        do {
            _ = try app.blason.keys(app.db).privateKey(newest)
        } catch {
            throw MasterKeyError(message: """
                the master key does not open the signing keys in this database: every node must be given the same \
                BLASON_MASTER_KEY, the one that sealed them (see the README, "Running Blason for a region in production")
                """)
        }
    }

    static func isPostgres(_ db: any Database) -> Bool {
        (db as? any SQLDatabase)?.dialect.name == "postgresql"
    }
}

extension Database {
    /// Inside a transaction: waits until no other transaction holds `key`, and holds it until
    /// this one ends, for "read, and create if missing" that two nodes may do at once. PostgreSQL
    /// takes a transaction advisory lock; SQLite needs none, as its one writer refuses a write
    /// based on a stale read ("busy snapshot") and `transactionRetrying` reads again.
    func lockUntilCommit(_ key: String) async throws {
        guard SharedDatabase.isPostgres(self), let sql = self as? any SQLDatabase else { return }
        try await sql.raw("SELECT pg_advisory_xact_lock(hashtext(\(bind: key)))").run()
    }
}
