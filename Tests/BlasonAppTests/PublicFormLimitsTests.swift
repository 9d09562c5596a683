@testable import BlasonApp
import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import Testing
import VaporTesting

@Suite("Limits on public forms")
struct PublicFormLimitsTests {
    @Test func oneAddressCannotAskForMoreThanThreeSignInLinksInAWindow() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock.clock) { app in
            let visitor = WebClient(app)
            for attempt in 1...PublicFormLimits.Form.passportLink.perAccount {
                try await visitor.get("/passport/sign-in")
                #expect(try await visitor.post("/passport/sign-in", [("email", "Nina@example.org")]).status == .seeOther, "attempt \(attempt)")
            }
            try await visitor.get("/passport/sign-in")
            let refused = try await visitor.post("/passport/sign-in", [("email", "nina@example.org")])
            #expect(refused.status == .tooManyRequests)
            #expect(refused.body.string.contains("Trop de tentatives"))
            #expect(refused.headers.first(name: .retryAfter) == String(Int(PublicFormLimits.window)))
            // Another address is not affected; time frees the first.
            try await visitor.get("/passport/sign-in")
            #expect(try await visitor.post("/passport/sign-in", [("email", "leo@example.org")]).status == .seeOther)
            clock.advance(seconds: PublicFormLimits.window + 1)
            try await visitor.get("/passport/sign-in")
            #expect(try await visitor.post("/passport/sign-in", [("email", "nina@example.org")]).status == .seeOther)
        }
    }

    @Test func oneClientAddressIsLimitedOnEachFormAcrossAddresses() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock.clock) { app in
            let limits = PublicFormLimits(db: app.db, clock: clock.clock)
            for number in 1...PublicFormLimits.Form.signUp.perClient {
                try await limits.admit(.signUp, client: "203.0.113.9", account: "user\(number)@example.org")
            }
            await #expect(throws: BlasonError.tooManyAttempts(retryAfter: Int(PublicFormLimits.window))) {
                try await limits.admit(.signUp, client: "203.0.113.9", account: "someone@example.org")
            }
            // Another address, another form: their own counts.
            try await limits.admit(.signUp, client: "198.51.100.4", account: "someone@example.org")
            try await limits.admit(.apply, client: "203.0.113.9", account: "someone@example.org")
            #expect(try await FormHit.query(on: app.db).filter(\.$key == "sign-up:client:203.0.113.9").count() == PublicFormLimits.Form.signUp.perClient,
                    "a refused submission is not counted")
        }
    }

    @Test func applyingIsLimitedPerApplicantAddress() async throws {
        try await TestApp.run { app in
            let admin = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(admin)
            try await ApplicationScenario.open(admin, badge: badge, method: .single)
            for _ in 1...PublicFormLimits.Form.apply.perAccount {
                #expect(try await ApplicationScenario.apply(app, badge: badge, email: "flood@example.org").1.status == .ok)
            }
            #expect(try await ApplicationScenario.apply(app, badge: badge, email: "flood@example.org").1.status == .tooManyRequests)
            #expect(try await Mailbox.messages(app, to: "flood@example.org").count == PublicFormLimits.Form.apply.perAccount)
        }
    }
}
