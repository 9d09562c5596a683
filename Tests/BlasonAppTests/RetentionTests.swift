@testable import BlasonApp
import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import Testing
import VaporTesting

@Suite("Retention of personal data")
struct RetentionTests {
    @Test func unansweredProposalsAndUnconfirmedAccountsGoAfterTheirTime() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock.clock) { app in
            let admin = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(admin)
            let operations = AdminOperations(app: app)
            _ = try await operations.issue(badge: badge.uuidString, email: "waiting@example.org", name: "Wanda", evidence: nil, propose: true)
            _ = try await operations.issue(badge: badge.uuidString, email: "answered@example.org", name: nil, evidence: nil, propose: true)
            _ = try await operations.issue(badge: badge.uuidString, email: "issued@example.org", name: nil, evidence: nil)
            let answered = try #require(try await Award.query(on: app.db).filter(\.$recipientEmail == "answered@example.org").first())
            let earner = WebClient(app)
            let claim = try await Mailbox.latestLink(app, to: "answered@example.org")
            try await earner.get(claim)
            #expect(try await earner.post(claim + "/accept", []).status == .seeOther)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "award.accepted").filter(\.$objectID == answered.id!.lowercased).count() == 1,
                    "the earner's answer is in the issuer's log")
            let visitor = WebClient(app)
            try await visitor.get("/sign-up")
            #expect(try await visitor.post("/sign-up", [("name", "Ghost"), ("email", "ghost@example.org"), ("password", "correct horse battery")])
                .status == .seeOther)
            let retention = { Retention(db: app.db, clock: clock.clock, configuration: app.blason.configuration) }

            #expect(try await retention().apply() == (0, 0), "nothing is due on the first day")
            clock.advance(days: Double(app.blason.configuration.retentionUnverifiedAccountDays + 1))
            #expect(try await retention().apply() == (0, 1))
            #expect(try await User.query(on: app.db).filter(\.$email == "ghost@example.org").count() == 0)
            #expect(try await User.query(on: app.db).filter(\.$email == "admin@structure.test").count() == 1, "a confirmed member stays")

            clock.advance(days: Double(app.blason.configuration.retentionProposalDays))
            #expect(try await retention().apply() == (1, 0))
            let awards = try await Award.query(on: app.db).all()
            #expect(!awards.contains { $0.recipientEmail == "waiting@example.org" || $0.recipientName == "Wanda" }, "name and address erased")
            let withdrawn = try #require(awards.first { $0.recipientEmail.hasPrefix("withdrawn-") })
            #expect(withdrawn.earnerState == .withdrawn)
            #expect(try await Award.find(answered.id, on: app.db)?.earnerState == .accepted, "an answered proposal stays")
            #expect(awards.contains { $0.recipientEmail == "issued@example.org" }, "issued awards are the earner's, not subject to it")
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "retention.proposals-withdrawn").count() == 1)
            #expect(Scheduler.standardJobs(configuration: app.blason.configuration, masterKey: app.blason.masterKey).contains { $0.name == "retention" })
        }
    }

    @Test func theRetentionPeriodsAreSettings() throws {
        let configuration = try BlasonConfiguration.load(environment: ["BLASON_RETENTION_PROPOSAL_DAYS": "30", "BLASON_RETENTION_UNVERIFIED_DAYS": "7"])
        #expect(configuration.retentionProposalDays == 30 && configuration.retentionUnverifiedAccountDays == 7)
        #expect(throws: ConfigurationError.self) { try BlasonConfiguration.load(environment: ["BLASON_RETENTION_PROPOSAL_DAYS": "0"]) }
    }
}
