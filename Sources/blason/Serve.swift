import ArgumentParser
import BlasonApp
import Foundation

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the web platform (GET /healthz answers 200 once ready).",
        discussion: "Settings come from BLASON_* environment variables; see the README.")

    @Option(help: "Address to listen on.") var hostname: String?
    @Option(help: "Port to listen on.") var port: Int?
    @Flag(help: "Add two demo partner structures, their badges and a few earners.") var demo = false

    func run() async throws {
        Blason.bootstrapLogging()
        do {
            let configuration = try BlasonConfiguration.load(hostname: hostname, port: port)
            try await BlasonRuntime.serve(configuration, demo: demo)
        } catch {
            FileHandle.standardError.write(Data((describeForCommandLine(error) + "\n").utf8))
            throw ExitCode.failure
        }
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending database migrations (the server also does at start).")

    func run() async throws {
        try await CommandRunner.run { _ in CommandRunner.print("migrations applied: the database is up to date") }
    }
}

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Add the demo structures, badges and earners.")

    func run() async throws {
        try await CommandRunner.run { CommandRunner.print(try await $0.seedDemo()) }
    }
}
