import ArgumentParser
import BlasonApp
import Foundation

/// `blason bench-seed`: fills the database with awards for `scripts/bench` (a million in a minute
/// or so, where issuing them one by one would take most of an hour). Hidden from the help: it
/// makes rows no one asked for.
struct BenchSeed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-seed",
        abstract: "Insert awards of one badge class in bulk, for benchmarks (no e-mails are queued).",
        discussion: "Prints JSON: inserted, total awards in the database, seconds, and a sample of the new award ids.",
        shouldDisplay: false)

    @Option(help: "Organisation slug or id.") var org: String
    @Option(help: "Badge class id (of that organisation).") var badge: String
    @Option(help: "Awards to add.") var count: Int?
    @Option(help: "Instead of --count: add as many as make this many awards in the database.") var total: Int?
    @Option(help: "How many of the new award ids to print.") var sample = 1000

    func validate() throws {
        guard (count == nil) != (total == nil) else { throw ValidationError("give exactly one of --count and --total") }
        guard (count ?? 0) >= 0, (total ?? 0) >= 0, sample >= 0 else { throw ValidationError("--count, --total and --sample cannot be negative") }
    }

    func run() async throws {
        try await CommandRunner.run { operations in
            let result = try await operations.benchSeed(organisation: org, badge: badge, count: count, total: total, sample: sample)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            CommandRunner.print(String(decoding: try encoder.encode(result), as: UTF8.self))
        }
    }
}
