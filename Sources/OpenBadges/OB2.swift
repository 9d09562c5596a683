import Foundation

/// Open Badges 2.0 vocabulary (https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html).
/// The types mirror the specification's JSON-LD documents one to one, so encoding them gives
/// what verifiers expect; building them from an application's own data is the caller's job.
public enum OB2 {
    /// The JSON-LD context every Open Badges 2.0 document names.
    public static let context = "https://w3id.org/openbadges/v2"

    /// An encoder that writes stable output (sorted keys, unescaped slashes): the same award
    /// always serialises to the same bytes, which keeps baked images and caches reproducible.
    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Encodes a document as UTF-8 JSON.
    public static func json<T: Encodable>(_ value: T, pretty: Bool = false) -> Data {
        // Encoding these plain value types cannot fail: every member is a string, bool or array of them.
        (try? encoder(pretty: pretty).encode(value)) ?? Data("{}".utf8)
    }

    /// ISO 8601 timestamp in UTC with a `Z`, the form the validator and most consumers read.
    public static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: false, timeZone: TimeZone(identifier: "UTC")!))
    }
}
