import ArgumentParser
import BlasonApp
import Foundation

/// `blason backup --to FILE`: an online copy of the SQLite database; with PostgreSQL, the
/// pg_dump command to use instead (and a failure status, as no backup was made).
struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy the SQLite database while Blason serves; with PostgreSQL, print the pg_dump command to use.",
        discussion: "The copy is written under a temporary name and renamed once complete. The master key is not in it: keep it apart.")

    @Option(help: "The file to write; it must not exist.") var to: String

    func run() async throws {
        Blason.bootstrapLogging()
        do {
            let configuration = try BlasonConfiguration.load()
            let target = try AdminOperations.backupTarget(configuration, to: to)
            // Not migrated first: a backup taken before an upgrade must be the database as it was.
            let lines = try await BlasonRuntime.withOperations(configuration, migrate: false) { try await $0.backup(to: target) }
            for line in lines { CommandRunner.print(line) }
        } catch let error as BackupError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode.failure
        } catch {
            FileHandle.standardError.write(Data((describeForCommandLine(error) + "\n").utf8))
            throw ExitCode.failure
        }
    }
}
