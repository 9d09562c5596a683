import Foundation
import OpenBadges

/// The verifier as the command line and the "Vérifier un badge" page use it.
public enum BadgeVerification {
    /// Inputs larger than this are refused unread: no badge comes near it.
    public static let maxBytes = 5_000_000

    public static func verify(_ input: BadgeInput, policy: FetchPolicy, recipient: String?, now: Date = Date(),
                              fetcher given: (any BadgeFetcher)? = nil) async -> BadgeVerdict {
        let fetcher: (any BadgeFetcher)? = given ?? (policy.scope == .none ? nil : HTTPBadgeFetcher(policy: policy, maxBytes: maxBytes))
        let verifier = BadgeVerifier(fetcher: fetcher, options: BadgeVerifier.Options(now: now, maxBytes: maxBytes, expectedRecipient: recipient))
        return await verifier.verify(input)
    }

    /// `BLASON_VERIFY_HOSTS`: extra hosts the verifier may fetch from, comma-separated.
    public static func hosts(_ setting: String?) -> [String] {
        (setting ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Reads at most one byte more than the limit, so a huge file is judged without loading it.
    public static func readFile(_ path: String) -> Data? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        return try? handle.read(upToCount: maxBytes + 1) ?? Data()
    }

    public static func text(_ verdict: BadgeVerdict) -> String {
        var lines = verdict.checks.map { "\($0.passed ? "ok    " : "FAILED") \($0.id): \($0.message)" }
        if let name = verdict.badgeName { lines.append("badge: \(name)") }
        if let issuer = verdict.issuerName ?? verdict.issuerID { lines.append("issuer: \(issuer)") }
        lines.append("format: \(verdict.format.rawValue)")
        lines.append(verdict.valid ? "VALID" : (verdict.revoked ? "INVALID (revoked)" : "INVALID"))
        return lines.joined(separator: "\n")
    }

    public static func json(_ verdict: BadgeVerdict) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return (try? String(decoding: encoder.encode(verdict), as: UTF8.self)) ?? "{\"valid\": false}"
    }
}
