@testable import BlasonApp
import BlasonCore
import BlasonMail
import BlasonPersistence
import BlasonTestSupport
import Fluent
import Foundation
import Testing
import Vapor

@Suite("Outbox delivery over a real SMTP server", .enabled(if: SMTPSink.python != nil, "set BLASON_TEST_SMTP_PYTHON to a python with aiosmtpd (scripts/test does)"))
struct OutboxDispatcherTests {
    static func dispatcher(_ app: Application, _ sink: SMTPSink, clock: TestClock) throws -> OutboxDispatcher {
        let smtp = try SMTPConfiguration(url: "smtp://127.0.0.1:\(sink.port)?timeout=10")
        var configuration = app.blason.configuration
        configuration.mailRetryBaseSeconds = 5
        configuration.mailClaimTimeoutSeconds = 60
        return OutboxDispatcher(db: app.db, configuration: configuration, clock: clock.clock, transport: SMTPClient(configuration: smtp), logger: app.logger)
    }

    @Test func deliversRetriesAndKeepsTheMessageID() async throws {
        let clock = TestClock()
        let sink = try await SMTPSink.start(["--fail-first", "1"])
        defer { sink.stop() }
        try await TestApp.run(clock: clock.clock) { app in
            let issuer = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(issuer)
            try await EarnerTests.award(issuer, badge, "a@example.org\nb@example.org")
            let dispatcher = try Self.dispatcher(app, sink, clock: clock)

            #expect(try await dispatcher.dispatchDue() == 2)
            var rows = try await Mailbox.messages(app)
            #expect(rows.filter { $0.status == .sent }.count == 1, "the first delivery is deferred by the server (451)")
            let deferred = try #require(rows.first { $0.status == .pending })
            #expect(deferred.attempts == 1)
            #expect(deferred.lastError?.contains("451") == true || deferred.lastError?.contains("try again") == true)
            #expect(try await dispatcher.dispatchDue() == 0, "not due again before its back-off")
            clock.advance(seconds: 6)
            #expect(try await dispatcher.dispatchDue() == 1)
            rows = try await Mailbox.messages(app)
            #expect(rows.allSatisfy { $0.status == .sent && $0.sentAt != nil })

            let delivered = try sink.messages().map { String(decoding: $0, as: UTF8.self) }
            #expect(delivered.count == 2)
            for row in rows {
                #expect(delivered.filter { $0.contains("Message-ID: <\(row.messageID)>") }.count == 1)
            }
            #expect(try await dispatcher.dispatchDue() == 0)
        }
    }

    @Test func aClaimThatTimedOutIsSentAgainWithTheSameID() async throws {
        let clock = TestClock()
        let sink = try await SMTPSink.start()
        defer { sink.stop() }
        try await TestApp.run(clock: clock.clock) { app in
            let issuer = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(issuer)
            try await EarnerTests.award(issuer, badge, "a@example.org")
            // A node claimed the message, then died before finishing.
            let row = try #require(try await Mailbox.messages(app).first)
            row.status = .sending
            row.claimedAt = clock.now
            try await row.save(on: app.db)
            let dispatcher = try Self.dispatcher(app, sink, clock: clock)
            #expect(try await dispatcher.dispatchDue() == 0, "someone else's fresh claim is respected")
            clock.advance(seconds: 61)
            #expect(try await dispatcher.dispatchDue() == 1)
            let delivered = try sink.messages().map { String(decoding: $0, as: UTF8.self) }
            #expect(delivered.count == 1)
            #expect(delivered.first?.contains("Message-ID: <\(row.messageID)>") == true)
        }
    }

    @Test func aPermanentRefusalIsNotRetried() async throws {
        let clock = TestClock()
        let sink = try await SMTPSink.start(["--auth", "mailer:secret"])
        defer { sink.stop() }
        try await TestApp.run(clock: clock.clock) { app in
            let issuer = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(issuer)
            try await EarnerTests.award(issuer, badge, "a@example.org")
            let dispatcher = try Self.dispatcher(app, sink, clock: clock)  // no credentials: the server refuses with 5xx
            #expect(try await dispatcher.dispatchDue() == 1)
            let row = try #require(try await Mailbox.messages(app).first)
            #expect(row.status == .failed, "\(row.lastError ?? "")")
            clock.advance(days: 1)
            #expect(try await dispatcher.dispatchDue() == 0)
            #expect(try sink.messages().isEmpty)
        }
    }
}
