import Foundation

/// Dates typed in forms (`<input type="date">`, `YYYY-MM-DD`), read in the programme's time zone.
public enum CalendarDay {
    public static let timeZone = TimeZone(identifier: "Europe/Paris")!

    private static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// Parses `YYYY-MM-DD` (also accepting a full ISO 8601 timestamp, as the API sends) into the
    /// start of that day in Paris; nil when it is not a real date.
    public static func parse(_ raw: String) -> Date? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if text.count > 10, let stamp = try? Date(text, strategy: .iso8601) { return stamp }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: components),
              calendar.dateComponents([.year, .month, .day], from: date) == DateComponents(year: year, month: month, day: day)
        else { return nil }
        return date
    }

    /// Whether two instants fall on the same day in Paris.
    public static func sameDay(_ a: Date, _ b: Date) -> Bool {
        calendar.isDate(a, inSameDayAs: b)
    }

    /// `YYYY-MM-DD` of an instant, in Paris.
    public static func format(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    /// Reads an optional date field: blank means absent, anything unreadable is recorded as an issue.
    public static func optional(_ raw: String?, field: String, issues: inout [FieldIssue]) -> Date? {
        guard let raw = raw?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
        guard let date = parse(raw) else {
            issues.append(FieldIssue(field: field, problem: .invalidDate(raw)))
            return nil
        }
        return date
    }
}
