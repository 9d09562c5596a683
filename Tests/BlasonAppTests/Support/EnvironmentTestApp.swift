@testable import BlasonApp
import BlasonCore
import Foundation
import Vapor

/// Blason with the settings an operator gives in the environment (`BLASON_*`, read by
/// `BlasonConfiguration.load` as `blason serve` reads them), on a test database of its own.
enum EnvironmentTestApp {
    static func run<T>(environment: [String: String], clock: Clock = .system, _ body: (Application) async throws -> T) async throws -> T {
        let loaded = try BlasonConfiguration.load(environment: environment)
        let database = try await TestDatabase.make()
        let app = try await Application.make(.testing)
        let configuration = BlasonConfiguration(publicURL: TestApp.publicURL, database: database.setting, bcryptCost: 4, logLevel: .warning,
                                                linkLifetimeDays: loaded.linkLifetimeDays)
        do {
            try await configure(app, configuration, clock: clock)
            let result = try await body(app)
            try await app.asyncShutdown()
            await database.cleanUp()
            return result
        } catch {
            try? await app.asyncShutdown()
            await database.cleanUp()
            throw error
        }
    }
}
