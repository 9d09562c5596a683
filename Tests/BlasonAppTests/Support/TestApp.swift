@testable import BlasonApp
import BlasonCore
import Foundation
import Testing
import Vapor
import VaporTesting

/// A configured Blason on its own database, torn down after the test body.
enum TestApp {
    static let publicURL = "http://blason.test"

    static func run<T>(clock: Clock = .system, _ body: (Application) async throws -> T) async throws -> T {
        let database = try await TestDatabase.make()
        let app = try await Application.make(.testing)
        let configuration = BlasonConfiguration(publicURL: publicURL, database: database.setting, bcryptCost: 4, logLevel: .warning)
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
