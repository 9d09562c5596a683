@testable import BlasonApp
import BlasonCore
import Foundation
import Testing
import Vapor
import VaporTesting

/// A configured Blason on its own database, torn down after the test body.
enum TestApp {
    static let publicURL = "http://blason.test"

    /// `environment`: settings as an operator gives them (`BLASON_*`, read as `blason serve` reads
    /// them); the ones a test may change (the links' lifetime) are taken from it.
    static func run<T>(clock: Clock = .system, environment: [String: String]? = nil, _ body: (Application) async throws -> T) async throws -> T {
        let loaded = try environment.map { try BlasonConfiguration.load(environment: ["BLASON_PUBLIC_URL": publicURL].merging($0) { _, given in given }) }
        let database = try await TestDatabase.make()
        let app = try await Application.make(.testing)
        let configuration = BlasonConfiguration(publicURL: publicURL, database: database.setting, bcryptCost: 4, logLevel: .warning,
                                                linkLifetimeDays: loaded?.linkLifetimeDays ?? 90)
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
