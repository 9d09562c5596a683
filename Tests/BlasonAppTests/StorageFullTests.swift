@testable import BlasonApp
import BlasonPersistence
import Fluent
import Foundation
import OpenBadges
import SQLKit
import Testing
import Vapor

@Suite("Faults: storage full")
struct StorageFullTests {
    /// Sets SQLite's page limit on every pooled connection: the database then answers "database or
    /// disk is full" exactly as it does when the disk fills up.
    static func limitPages(_ app: Application, extra: Int?) async throws {
        for eventLoop in app.eventLoopGroup.makeIterator() {
            guard let connection = app.databases.database(logger: app.logger, on: eventLoop) as? any SQLDatabase else { continue }
            let pages = try await connection.raw("PRAGMA page_count").first()?.decode(column: "page_count", as: Int.self) ?? 0
            try await connection.raw(SQLQueryString("PRAGMA max_page_count = \(unsafeRaw: String(extra.map { pages + $0 } ?? 1_073_741_823))")).run()
        }
    }

    @Test(.enabled(if: TestDatabase.postgresURL == nil, "SQLite's page limit stands in for a full disk"))
    func anUploadOnAFullDiskIsRefusedClearlyAndLeavesNothing() async throws {
        try await TestApp.run { app in
            let client = try await Scenario.organisationAdmin(app)
            // A valid 180 kB PNG: the square badge with a large comment chunk.
            let image = try PNGBaker.bake(Fixtures.squarePNG, text: String(repeating: "Blason ", count: 26_000), keyword: "Comment")
            let before = try await BadgeClass.query(on: app.db).count()
            try await Self.limitPages(app, extra: 4)
            try await client.get("/creator/badge-classes/new")
            let full = try await client.postMultipart("/creator/badge-classes/new", [
                ("name_fr", "Badge trop lourd"), ("description_fr", "Ne tient pas."), ("criteria_fr", "Tenir."),
            ], files: [("image", "badge.png", "image/png", image)])
            #expect(full.status == .insufficientStorage, "\(full.status)")
            #expect(full.body.string.contains("plus de place pour enregistrer"), "the page says what happened, in French")
            #expect(try await BadgeClass.query(on: app.db).count() == before, "nothing half-written")

            // Room again: the same upload goes through, without a restart.
            try await Self.limitPages(app, extra: nil)
            try await client.get("/creator/badge-classes/new")
            let saved = try await client.postMultipart("/creator/badge-classes/new", [
                ("name_fr", "Badge trop lourd"), ("description_fr", "Ne tient pas."), ("criteria_fr", "Tenir."),
            ], files: [("image", "badge.png", "image/png", image)])
            #expect(saved.status == .seeOther, "\(saved.status) \(saved.body.string.prefix(500))")
            #expect(try await BadgeClass.query(on: app.db).count() == before + 1)
        }
    }
}
