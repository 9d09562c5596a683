import ArgumentParser
import BlasonApp
import Foundation

/// `blason restore --from FILE [--force]`: puts an SQLite backup back in place of the database.
struct Restore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Put a backup made by blason backup in place of the SQLite database (stop every server first).",
        discussion: """
            The backup is checked first (it opens, its pages are intact, it is a Blason database); the database is then \
            replaced at once, never left half-written. An existing database is replaced only with --force. Start Blason \
            afterwards with the master key of the backed-up installation. With PostgreSQL, use pg_restore.
            """)

    @Option(help: "The backup to restore.") var from: String
    @Flag(help: "Replace the existing database.") var force = false

    func run() async throws {
        Blason.bootstrapLogging()
        do {
            let configuration = try BlasonConfiguration.load()
            for line in try await AdminOperations.restore(configuration, from: from, replacing: force) { CommandRunner.print(line) }
        } catch let error as BackupError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode.failure
        } catch {
            FileHandle.standardError.write(Data((describeForCommandLine(error) + "\n").utf8))
            throw ExitCode.failure
        }
    }
}
