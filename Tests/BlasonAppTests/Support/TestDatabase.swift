import BlasonApp
import FluentPostgresDriver
import Foundation
import SQLKit
import Vapor

/// Where a test's data lives. Every test gets a database of its own: a fresh SQLite file, or, when
/// `BLASON_TEST_DATABASE_URL` names a PostgreSQL server, a fresh database created on it.
enum TestDatabase {
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["BLASON_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static var kind: String { postgresURL == nil ? "sqlite" : "postgres" }

    /// Creates the database and returns its setting and a clean-up to run afterwards.
    static func make() async throws -> (setting: BlasonConfiguration.DatabaseSetting, cleanUp: @Sendable () async -> Void) {
        let name = "blason_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        guard let adminURL = postgresURL else {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let path = directory.appendingPathComponent("blason.sqlite").path
            return (.sqlite(path: path), { try? FileManager.default.removeItem(at: directory) })
        }
        try await withAdmin(adminURL) { sql in try await sql.raw("CREATE DATABASE \(unsafeRaw: name)").run() }
        var components = URLComponents(string: adminURL)!
        components.path = "/\(name)"
        return (.postgres(url: components.string!), {
            try? await withAdmin(adminURL) { sql in try await sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run() }
        })
    }

    private static func withAdmin(_ url: String, _ body: (any SQLDatabase) async throws -> Void) async throws {
        let app = try await Application.make(.testing)
        do {
            var configuration = try SQLPostgresConfiguration(url: url)
            configuration.coreConfiguration.tls = .disable
            app.databases.use(.postgres(configuration: configuration, maxConnectionsPerEventLoop: 1), as: .psql)
            try await body(app.db as! any SQLDatabase)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
