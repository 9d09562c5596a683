import Foundation

/// The source of "now". Injected everywhere time matters so tests can move time instead of waiting.
public struct Clock: Sendable {
    private let read: @Sendable () -> Date

    public init(_ read: @escaping @Sendable () -> Date) {
        self.read = read
    }

    public var now: Date { read() }

    public static let system = Clock { Date() }

    /// A clock frozen at `date`.
    public static func fixed(_ date: Date) -> Clock { Clock { date } }
}
