import Foundation

/// A limit of `limit` events per sliding `window`: the sign-in failures and the public forms count
/// this way, each in its own table.
public struct RateLimit: Sendable, Equatable {
    public let limit: Int
    public let window: TimeInterval

    public init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Given the latest events (newest first, at most `limit` of them, all within the window), the
    /// seconds until the oldest leaves the window when the limit is reached; nil while under it.
    public func retryAfter(latest: [Date], now: Date) -> Int? {
        guard latest.count >= limit, let oldest = latest.last else { return nil }
        return max(1, Int(oldest.addingTimeInterval(window).timeIntervalSince(now).rounded()))
    }
}
