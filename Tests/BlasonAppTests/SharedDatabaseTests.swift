@testable import BlasonApp
import BlasonCore
import BlasonMail
import BlasonPersistence
import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Testing
import Vapor

/// Several nodes on one database, inside one process: what each node does alone (deliver the
/// outbox, tick the scheduler, make an organisation's first keys, migrate at start) done by two at
/// once. The end-to-end version with two `blason serve` processes is e2e/two_nodes_e2e.py.
@Suite("Several nodes on one database")
struct SharedDatabaseTests {
    /// Counts what it is asked to send, slowly enough for two dispatchers to interleave.
    final class CountingTransport: MailTransport, @unchecked Sendable {
        let sent = NIOLockedValueBox<[String: Int]>([:])

        func send(_ message: MailMessage) async throws {
            try await Task.sleep(for: .milliseconds(5))
            sent.withLockedValue { $0[message.messageID, default: 0] += 1 }
        }
    }

    @Test func twoDispatchersSendEachMessageOnce() async throws {
        try await TestApp.run { app in
            let issuer = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(issuer)
            try await EarnerTests.award(issuer, badge, (1...30).map { "earner\($0)@example.org" }.joined(separator: "\n"))
            let transport = CountingTransport()
            let dispatcher = OutboxDispatcher(db: app.db, configuration: app.blason.configuration, clock: .system, transport: transport,
                                              logger: app.logger)
            var handled = 0
            while true {
                async let first = dispatcher.dispatchDue()
                async let second = dispatcher.dispatchDue()
                let round = try await first + second
                if round == 0 { break }
                handled += round
            }
            let messages = try await OutboxMessage.query(on: app.db).all()
            #expect(messages.count == 30)
            #expect(handled == 30)
            #expect(messages.allSatisfy { $0.status == .sent && $0.attempts == 1 })
            let sent = transport.sent.withLockedValue { $0 }
            #expect(sent.count == 30 && sent.values.allSatisfy { $0 == 1 }, "\(sent.values.sorted())")
        }
    }

    @Test func twoSchedulersRunAJobOncePerPeriod() async throws {
        try await TestApp.run { app in
            let runs = NIOLockedValueBox(0)
            let job = Scheduler.Job(name: "shared", period: { _ in "2026-03-10" }, run: { _, _ in runs.withLockedValue { $0 += 1 } })
            let scheduler = Scheduler(db: app.db, clock: .system, jobs: [job], logger: app.logger)
            async let first = scheduler.tick()
            async let second = scheduler.tick()
            async let third = scheduler.tick()
            let ran = await [first, second, third].flatMap { $0 }
            #expect(ran == ["shared"])
            #expect(runs.withLockedValue { $0 } == 1)
        }
    }

    @Test func anOrganisationsFirstKeyIsMadeOnce() async throws {
        try await TestApp.run { app in
            let region = try #require(try await Organisation.query(on: app.db).filter(\.$slug == "region-normandie").first())
            let id = try region.requireID()
            #expect(try await app.blason.keys(app.db).all(id).isEmpty)
            let keys = try await withThrowingTaskGroup(of: UUID.self) { group in
                for _ in 0..<6 {
                    group.addTask { try await app.blason.keys(app.db).active(id, .ed25519).requireID() }
                }
                return try await group.reduce(into: Set<UUID>()) { $0.insert($1) }
            }
            #expect(keys.count == 1, "every caller gets the same key")
            #expect(try await app.blason.keys(app.db).all(id).count == 1)
        }
    }

    @Test(.enabled(if: TestDatabase.postgresURL != nil, "PostgreSQL only: one SQLite file serves one node"))
    func nodesStartingTogetherMigrateOnce() async throws {
        let database = try await TestDatabase.make()
        let key = BlasonConfiguration.MasterKeySetting.provided(Data(repeating: 42, count: 32))
        let configuration = BlasonConfiguration(publicURL: TestApp.publicURL, database: database.setting, bcryptCost: 4, logLevel: .warning,
                                                masterKey: key)
        let nodes = [try await Application.make(.testing), try await Application.make(.testing), try await Application.make(.testing)]
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for node in nodes {
                    group.addTask { try await configure(node, configuration) }
                }
                try await group.waitForAll()
            }
            let sql = nodes[0].db as! any SQLDatabase
            let logged = try await sql.raw("SELECT count(*) AS n FROM _fluent_migrations").first()?.decode(column: "n", as: Int.self)
            let distinct = try await sql.raw("SELECT count(DISTINCT name) AS n FROM _fluent_migrations").first()?.decode(column: "n", as: Int.self)
            #expect(logged != nil && logged == distinct, "each migration ran once")
            #expect(try await Programme.query(on: nodes[1].db).count() == 1, "the programme is seeded once")
            // A node given another master key refuses to serve once keys exist.
            let region = try #require(try await Organisation.query(on: nodes[0].db).filter(\.$slug == "region-normandie").first())
            _ = try await nodes[0].blason.keys(nodes[0].db).active(region.requireID(), .ed25519)
            try await SharedDatabase.checkMasterKey(nodes[1])
            let stranger = try await Application.make(.testing)
            var other = configuration
            other.masterKey = .provided(Data(repeating: 1, count: 32))
            try await configure(stranger, other)
            await #expect(throws: MasterKeyError.self) { try await SharedDatabase.checkMasterKey(stranger) }
            try await stranger.asyncShutdown()
        } catch {
            Issue.record(error)
        }
        for node in nodes { try? await node.asyncShutdown() }
        await database.cleanUp()
    }
}
