import ArgumentParser
import BlasonApp
import Logging

/// `blason`: serve the platform and administer it from scripts. Results go to standard output,
/// logs and errors to standard error, so scripts can parse what they get.
@main
struct Blason: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blason",
        abstract: "Blason, an Open Badges platform.",
        subcommands: [Serve.self, Migrate.self, Demo.self, UserCommand.self, BadgeCommand.self, Issue.self, Revoke.self, KeysCommand.self, Verify.self, BenchSigning.self, BenchSeed.self, Backup.self, Restore.self])

    static func bootstrapLogging() {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .info
            return handler
        }
    }
}
