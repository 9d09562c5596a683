import Foundation
import OpenBadges
import Testing

@Suite("Open Badges 3.0: dates")
struct OB3DateTimeTests {
    /// Whole seconds in UTC, rounded as credentials signed so far were (a fraction just under a
    /// second rounds up), from many threads at once since the formatter is shared.
    @Test func datesAreWholeSecondsInUTCFromAnyThread() async {
        let expected = [(1_767_225_600, "2026-01-01T00:00:00Z"), (1_767_225_600.25, "2026-01-01T00:00:00Z"),
                        (1_767_225_600.999_9, "2026-01-01T00:00:01Z"), (951_782_400, "2000-02-29T00:00:00Z"),
                        (4_102_444_799, "2099-12-31T23:59:59Z")]
        let results = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<8 {
                group.addTask { (0..<200).flatMap { _ in expected.map { OB3.dateTime(Date(timeIntervalSince1970: $0.0)) } } }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        for result in results { #expect(result == Array(repeating: expected.map(\.1), count: 200).flatMap { $0 }) }
    }
}
