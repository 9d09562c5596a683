import Foundation

/// An e-mail address as Blason stores and hashes it: trimmed and lower-cased, so that the
/// same person always gets the same recipient hash whatever the case they typed.
public struct EmailAddress: Hashable, Codable, Sendable, CustomStringConvertible {
    public let value: String

    /// Accepts a pragmatic subset of RFC 5321 addresses: one `@`, a non-empty local part without
    /// spaces, and a dotted domain. Full RFC syntax (quoted local parts…) is refused on purpose:
    /// nobody in the programme uses it and it complicates hashing and display.
    public init?(_ raw: String) {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard trimmed.count <= 254 else { return nil }
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let local = parts[0], domain = parts[1]
        guard !local.isEmpty, local.count <= 64, !domain.isEmpty else { return nil }
        let allowedLocal = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz0123456789.!#$%&'*+/=?^_`{|}~-")
        guard local.unicodeScalars.allSatisfy({ allowedLocal.contains($0) }),
              !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { return nil }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return nil }
        let allowedDomain = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz0123456789-")
        for label in labels {
            guard !label.isEmpty, label.count <= 63, !label.hasPrefix("-"), !label.hasSuffix("-"),
                  label.unicodeScalars.allSatisfy({ allowedDomain.contains($0) }) else { return nil }
        }
        value = trimmed
    }

    public var description: String { value }
}
