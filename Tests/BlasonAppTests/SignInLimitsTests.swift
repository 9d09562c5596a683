@testable import BlasonApp
import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import NIOCore
import Testing
import Vapor
import VaporTesting

@Suite("Limits on repeated failed sign-ins")
struct SignInLimitsTests {
    @Test func anAccountIsLockedAfterFiveFailuresThenFreedByTime() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock.clock) { app in
            _ = try await Scenario.organisationAdmin(app, email: "lea@structure.test")
            let guesser = WebClient(app)
            for attempt in 1...SignInThrottle.perAccount {
                try await guesser.get("/sign-in")
                let wrong = try await guesser.post("/sign-in", [("email", "lea@structure.test"), ("password", "guess \(attempt)")])
                #expect(wrong.status == .unauthorized, "attempt \(attempt)")
            }
            // Locked: even the right password is refused, on the site and through the API.
            try await guesser.get("/sign-in")
            let locked = try await guesser.post("/sign-in", [("email", "Lea@Structure.test"), ("password", "correct horse battery")])
            #expect(locked.status == .tooManyRequests)
            #expect(locked.body.string.contains("Trop de tentatives. Réessayez dans 15 minutes."))
            #expect(locked.headers.first(name: .retryAfter) == "900")
            let api = try await app.testing().sendRequest(.POST, "/api/v1/tokens", headers: ["Content-Type": "application/json"],
                                                         body: ByteBuffer(string: #"{"email":"lea@structure.test","password":"correct horse battery"}"#))
            #expect(api.status == .tooManyRequests)
            #expect(api.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            // Another account is not affected.
            _ = try await Scenario.organisationAdmin(app, email: "max@structure.test", organisation: "Autre", slug: "autre")

            clock.advance(seconds: SignInThrottle.window + 1)
            try await guesser.get("/sign-in")
            let freed = try await guesser.post("/sign-in", [("email", "lea@structure.test"), ("password", "correct horse battery")])
            #expect(freed.status == .seeOther, "the failures have left the window")
            #expect(try await SignInFailure.query(on: app.db).filter(\.$key == "account:lea@structure.test").count() == 0,
                    "a success clears the account's count")
        }
    }

    @Test func oneClientAddressIsLimitedAcrossAccounts() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock.clock) { app in
            let throttle = SignInThrottle(db: app.db, clock: clock.clock)
            for number in 1...SignInThrottle.perClient {
                try await throttle.recordFailure(.init(account: "user\(number)@example.org", client: "203.0.113.9"))
            }
            await #expect(throws: BlasonError.tooManyAttempts(retryAfter: Int(SignInThrottle.window))) {
                try await throttle.check(.init(account: "lea@structure.test", client: "203.0.113.9"))
            }
            try await throttle.check(.init(account: "lea@structure.test", client: "198.51.100.4"))
        }
    }
}
