@testable import BlasonApp
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("Write requests have a deadline")
struct RequestDeadlineTests {
    @Test func aWriteThatNeverEndsIsAnswered503AndOthersAreUntouched() async throws {
        try await TestApp.run { app in
            let limited = app.grouped(RequestDeadlineMiddleware(seconds: 0.3))
            limited.post("api", "test-stuck") { _ -> String in
                try await Task.sleep(for: .seconds(30))
                return "late"
            }
            limited.post("api", "test-quick") { _ in "quick" }
            limited.get("test-slow-read") { _ -> String in
                try await Task.sleep(for: .seconds(0.6))
                return "read"
            }
            let started = ContinuousClock.now
            let stuck = try await app.testing().sendRequest(.POST, "/api/test-stuck")
            #expect(stuck.status == .serviceUnavailable)
            #expect(stuck.headers.first(name: .retryAfter) == "5")
            #expect(ContinuousClock.now - started < .seconds(5), "answered at the deadline, not when the work ends")
            #expect(try await app.testing().sendRequest(.POST, "/api/test-quick").body.string == "quick")
            #expect(try await app.testing().sendRequest(.GET, "/test-slow-read").body.string == "read", "reads have no deadline")
        }
    }
}
