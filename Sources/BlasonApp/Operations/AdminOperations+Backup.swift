import BlasonCore
import Foundation
import SQLKit
import Vapor

/// Something `blason backup` will not do; the message says what to do instead.
public struct BackupError: Error, CustomStringConvertible {
    public let description: String
}

extension AdminOperations {
    /// Checks what can be checked before the database is opened (opening a missing SQLite file
    /// would create an empty one) and returns the absolute path of the copy to write. With
    /// PostgreSQL, throws the advice to use `pg_dump`, with the command for this database.
    public static func backupTarget(_ configuration: BlasonConfiguration, to path: String) throws -> String {
        let source: String
        switch configuration.database {
        case .postgres(let url): throw BackupError(description: pgDumpAdvice(url: url, file: path))
        case .sqlite(let path): source = path
        }
        let manager = FileManager.default
        guard manager.fileExists(atPath: source) else { throw BackupError(description: "there is no database at \(source) to back up") }
        let target = URL(fileURLWithPath: path).standardizedFileURL
        guard !manager.fileExists(atPath: target.path) else {
            throw BackupError(description: "\(target.path) already exists: blason backup never overwrites a file; give a new name")
        }
        var isDirectory: ObjCBool = false
        let directory = target.deletingLastPathComponent().path
        guard manager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BackupError(description: "the directory \(directory) does not exist")
        }
        return target.path
    }

    /// Copies the SQLite database to `target` (from `backupTarget`) while the server may be using
    /// it. `VACUUM INTO` (SQLite 3.27 and later) writes, from one read transaction, a compact copy
    /// of the database as committed at that moment, the write-ahead log included; writers carry
    /// on meanwhile. The copy is written under a temporary name and renamed when complete, so a
    /// backup interrupted half way never passes for a whole one. Returns the lines to print.
    public func backup(to target: String) async throws -> [String] {
        guard case .sqlite(let source) = app.blason.configuration.database, let sql = app.db as? any SQLDatabase else {
            throw BackupError(description: "only an SQLite database can be copied by blason backup")
        }
        let url = URL(fileURLWithPath: target)
        let partial = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial-\(UUID().uuidString.prefix(8))").path
        let manager = FileManager.default
        do {
            try await sql.raw("VACUUM INTO \(literal: partial)").run()
            // The copy holds personal data: readable by its owner only, like the database should be.
            try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: partial)
            try manager.moveItem(atPath: partial, toPath: target)
        } catch {
            try? manager.removeItem(atPath: partial)
            throw error
        }
        let size = (try? manager.attributesOfItem(atPath: target)[.size] as? Int) ?? 0
        let key: String
        switch app.blason.configuration.masterKey {
        case .file(let path): key = "the master key file \(path)"
        case .provided: key = "BLASON_MASTER_KEY"
        }
        return [
            "backed up SQLite \(source) to \(target) (\(size) bytes)",
            "not in the backup: \(key), which opens the signing keys; keep it apart from the backups, a restore needs both",
        ]
    }

    /// What to run instead of `blason backup` with PostgreSQL: the `pg_dump` command for the
    /// configured database, with every part of the URL but the password.
    static func pgDumpAdvice(url: String, file: String) -> String {
        let components = URLComponents(string: url)
        let sslMode = components?.queryItems?.first { $0.name == "sslmode" }?.value
        var command = sslMode.map { "PGSSLMODE=\(shellQuoted($0)) " } ?? ""
        command += "pg_dump --format=custom"
        if let host = components?.host, !host.isEmpty { command += " --host=" + shellQuoted(host) }
        command += " --port=\(components?.port ?? 5432)"
        if let user = components?.user, !user.isEmpty { command += " --username=" + shellQuoted(user) }
        let database = String(components?.path.drop { $0 == "/" } ?? "")
        command += " --file=" + shellQuoted(file) + " " + shellQuoted(database.isEmpty ? "postgres" : database)
        return """
            blason backup copies SQLite databases only. With PostgreSQL, pg_dump is the tool: it takes a consistent \
            snapshot while Blason serves, from any node. For this database:

                \(command)

            (the password from PGPASSWORD or ~/.pgpass, not from the command line). Restore into an empty database: \
            pg_restore --no-owner --dbname=NAME \(shellQuoted(file)). BLASON_MASTER_KEY is not in the dump: keep it apart.
            """
    }

    /// `text` as one shell word: as it is when it is plain, else in single quotes.
    static func shellQuoted(_ text: String) -> String {
        let plain = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./:@%+=,")
        if !text.isEmpty, text.unicodeScalars.allSatisfy(plain.contains) { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
