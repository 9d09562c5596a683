import BlasonCore
import Foundation
import Testing

@Suite("Sliding-window rate limits")
struct RateLimitTests {
    @Test func underTheLimitNothingWaitsAtTheLimitTheOldestSays() {
        let now = Date(timeIntervalSince1970: 1_000_000)
        let limit = RateLimit(limit: 3, window: 900)
        #expect(limit.retryAfter(latest: [], now: now) == nil)
        #expect(limit.retryAfter(latest: [now, now - 10], now: now) == nil)
        // Newest first: the oldest of the three (600 s ago) leaves the window in 300 s.
        #expect(limit.retryAfter(latest: [now - 1, now - 300, now - 600], now: now) == 300)
        // Never less than a second, even when the oldest is about to leave.
        #expect(limit.retryAfter(latest: [now, now, now - 899.9], now: now) == 1)
    }
}
