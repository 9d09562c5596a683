import Foundation
import Synchronization

/// Open Badges 3.0 documents (W3C Verifiable Credentials Data Model 2.0), built as `JSONValue`s so
/// that what is signed is exactly what is published.
public enum OB3 {
    public static let credentialsContext = "https://www.w3.org/ns/credentials/v2"
    public static let openBadgesContext = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
    public static let multikeyContext = "https://w3id.org/security/multikey/v1"
    public static let contexts: JSONValue = [.string(credentialsContext), .string(openBadgesContext)]

    /// `2024-01-01T00:00:00Z`: whole seconds in UTC, as verifiers compare them with JWT claims.
    public static func dateTime(_ date: Date) -> String {
        internetDateTime.withLock { $0.string(from: date) }
    }

    /// One formatter, made once: every credential writes a few dates, and making a formatter
    /// costs more than hashing the credential. Kept (rather than `Date.ISO8601FormatStyle`) because
    /// the two round fractions of a second differently, and signed bytes must not change.
    private static let internetDateTime: Mutex<ISO8601DateFormatter> = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return Mutex(formatter)
    }()

    public static func parseDateTime(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }

    /// An object without its null members: optional fields are left out rather than written as null.
    static func object(_ members: [String: JSONValue?]) -> JSONValue {
        .object(members.compactMapValues { $0 })
    }
}
