import FluentKit
import FluentSQLiteDriver
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import SQLKit
import Vapor

extension AdminOperations {
    /// Puts a backup made by `blason backup` in the place of the configured SQLite database.
    ///
    /// Every node must be stopped first: a server still holding the old file would go on writing
    /// to it. The backup is checked before anything is touched (it opens, its pages are intact, it
    /// holds Blason's migrations), then copied beside the database and renamed over it, so the
    /// database is always either the old one or the whole backup; the old write-ahead log goes,
    /// as replaying it onto the restored file would corrupt it. A backup from an older version is
    /// brought up to date by the migrations at the next start.
    public static func restore(_ configuration: BlasonConfiguration, from backup: String, replacing: Bool) async throws -> [String] {
        guard case .sqlite(let target) = configuration.database else {
            throw BackupError(description: """
                blason restore puts back SQLite backups only. With PostgreSQL, restore a pg_dump into an empty database \
                (pg_restore --no-owner --dbname=NAME FILE) and point BLASON_DATABASE_URL at it.
                """)
        }
        let manager = FileManager.default
        let source = URL(fileURLWithPath: backup).standardizedFileURL.path
        guard manager.fileExists(atPath: source) else { throw BackupError(description: "there is no backup at \(source)") }
        guard source != URL(fileURLWithPath: target).standardizedFileURL.path else {
            throw BackupError(description: "\(source) is the database itself, not a backup of it")
        }
        if manager.fileExists(atPath: target), !replacing {
            throw BackupError(description: """
                \(target) exists. Stop every blason serve using it, then run blason restore again with --force to replace it \
                (make a backup of it first if it may still be needed).
                """)
        }
        try await checkBackup(source)

        let directory = URL(fileURLWithPath: target).deletingLastPathComponent()
        let partial = directory.appendingPathComponent(".restore-\(UUID().uuidString.prefix(8))").path
        do {
            try manager.copyItem(atPath: source, toPath: partial)
            try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: partial)
            for suffix in ["-wal", "-shm"] where manager.fileExists(atPath: target + suffix) {
                try manager.removeItem(atPath: target + suffix)
            }
            // rename(2) replaces the old file in one step: there is never a moment without a database.
            guard rename(partial, target) == 0 else {
                throw BackupError(description: "could not put the backup in place of \(target): \(String(cString: strerror(errno)))")
            }
        } catch {
            try? manager.removeItem(atPath: partial)
            throw error
        }
        let size = (try? manager.attributesOfItem(atPath: target)[.size] as? Int) ?? 0
        return ["restored \(source) to SQLite \(target) (\(size) bytes)",
                "start Blason with the master key of the backed-up installation: the signing keys in it are sealed with it"]
    }

    /// Opens the backup on its own, as it is (no migration, no master key), and refuses anything
    /// that is not an intact Blason database.
    private static func checkBackup(_ path: String) async throws {
        var verdict: String?
        do {
            let connection = try await SQLiteConnection.open(storage: .file(path: path))
            do {
                let check = try await connection.query("PRAGMA integrity_check").first?.column("integrity_check")?.string
                let migrations = try await connection.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_fluent_migrations'")
                verdict = check != "ok" ? "its pages are damaged (\(check ?? "no answer"))"
                    : migrations.isEmpty ? "it holds no Blason migrations" : nil
            } catch {
                try? await connection.close()
                throw error
            }
            try await connection.close()
        } catch {
            verdict = "it cannot be read as an SQLite database (\(error))"
        }
        if let verdict { throw BackupError(description: "\(path) is not a Blason backup: \(verdict); nothing was changed") }
    }
}
