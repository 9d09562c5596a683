import BlasonCore
import Foundation
import Vapor

/// Starting Blason from the command line: the web server, or a one-off administrative task.
public enum BlasonRuntime {
    /// Serves until stopped (SIGINT/SIGTERM), after migrating and, with `demo`, seeding demo data.
    public static func serve(_ configuration: BlasonConfiguration, demo: Bool) async throws {
        let arguments = ["blason", "serve", "--hostname", configuration.hostname, "--port", String(configuration.port)]
        let app = try await Application.make(Environment(name: "production", arguments: arguments))
        do {
            try await configure(app, configuration, background: true)
            try await SharedDatabase.checkMasterKey(app)
            if demo {
                let summary = try await AdminOperations(app: app).seedDemo()
                app.logger.notice("\(summary)")
            }
            app.logger.notice("Blason: public URL \(configuration.publicURL), database \(configuration.databaseDescription), mail \(configuration.mailDescription)")
            try await app.execute()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    /// Runs `body` against the configured database (migrated first, unless `migrate` is false: a
    /// backup copies the database as it is), then shuts down cleanly.
    public static func withOperations<T>(_ configuration: BlasonConfiguration, migrate: Bool = true,
                                         _ body: (AdminOperations) async throws -> T) async throws -> T {
        let app = try await Application.make(Environment(name: "production", arguments: ["blason"]))
        do {
            try await configure(app, configuration, migrate: migrate)
            let result = try await body(AdminOperations(app: app))
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}
