import ArgumentParser
import BlasonApp
import Foundation

/// Runs a command against the configured database. Errors become one line on standard error and
/// a non-zero exit; results are printed on standard output.
enum CommandRunner {
    static func run(_ body: (AdminOperations) async throws -> Void) async throws {
        Blason.bootstrapLogging()
        do {
            let configuration = try BlasonConfiguration.load()
            try await BlasonRuntime.withOperations(configuration, body)
        } catch {
            FileHandle.standardError.write(Data((describeForCommandLine(error) + "\n").utf8))
            throw ExitCode.failure
        }
    }

    static func print(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
