@testable import BlasonApp
import BlasonCore
import Foundation
import Vapor

/// Blason on one database across restarts. `restart()` shuts the running application down and
/// then configures a fresh one on the same database (the same SQLite file, or the same PostgreSQL
/// database) with the same settings and master key, as a server started again would be: nothing
/// held in memory survives, only what is in the database.
final class RestartableApp: @unchecked Sendable {
    private var running: Application?
    private let configuration: BlasonConfiguration
    private let clock: Clock
    /// How many applications have been started on the database so far.
    private(set) var starts = 0

    private init(configuration: BlasonConfiguration, clock: Clock) {
        self.configuration = configuration
        self.clock = clock
    }

    /// The application running now.
    var app: Application {
        guard let running else { preconditionFailure("no application is running") }
        return running
    }

    /// Runs `body` with a fresh database, torn down afterwards with whichever application is running then.
    static func run<T>(clock: Clock = .system, _ body: (RestartableApp) async throws -> T) async throws -> T {
        let database = try await TestDatabase.make()
        // One configuration for every start: on PostgreSQL its master key is made here, once.
        let configuration = BlasonConfiguration(publicURL: TestApp.publicURL, database: database.setting, bcryptCost: 4, logLevel: .warning)
        let server = RestartableApp(configuration: configuration, clock: clock)
        do {
            try await server.start()
            let result = try await body(server)
            try await server.stop()
            await database.cleanUp()
            return result
        } catch {
            try? await server.stop()
            await database.cleanUp()
            throw error
        }
    }

    /// Shuts the running application down, then starts a new one on the same database; returns it.
    @discardableResult
    func restart() async throws -> Application {
        try await stop()
        try await start()
        return app
    }

    private func start() async throws {
        let next = try await Application.make(.testing)
        do {
            try await configure(next, configuration, clock: clock)
        } catch {
            try? await next.asyncShutdown()
            throw error
        }
        running = next
        starts += 1
    }

    private func stop() async throws {
        guard let current = running else { return }
        running = nil
        try await current.asyncShutdown()
    }
}
