import BlasonCore
import Foundation
import NIOConcurrencyHelpers

/// A clock tests move by hand.
final class TestClock: Sendable {
    private let current: NIOLockedValueBox<Date>

    init(_ start: Date = Date()) {
        current = NIOLockedValueBox(start)
    }

    var now: Date { current.withLockedValue { $0 } }

    func advance(days: Double = 0, hours: Double = 0, seconds: Double = 0) {
        current.withLockedValue { $0 = $0.addingTimeInterval(days * 86_400 + hours * 3600 + seconds) }
    }

    func set(_ date: Date) {
        current.withLockedValue { $0 = date }
    }

    var clock: Clock { Clock { [self] in self.now } }
}
