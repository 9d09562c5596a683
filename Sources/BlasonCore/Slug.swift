import Foundation

/// The short name of an organisation in URLs and on the command line (`--org SLUG`).
public struct Slug: Hashable, Codable, Sendable, CustomStringConvertible {
    public let value: String

    /// Lower-case letters, digits and single hyphens, 2 to 60 characters.
    public init?(_ raw: String) {
        let value = raw.trimmingCharacters(in: .whitespaces)
        guard (2...60).contains(value.count),
              value.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }),
              !value.hasPrefix("-"), !value.hasSuffix("-"), !value.contains("--") else { return nil }
        self.value = value
    }

    /// Derives a slug from a display name: accents folded ("Région" → "region"), everything else
    /// that is not a letter or digit becomes a hyphen.
    public static func derived(from name: String) -> Slug? {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "fr_FR")).lowercased()
        var result = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else if !result.hasSuffix("-"), !result.isEmpty {
                result.append("-")
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return Slug(String(result.prefix(60)).trimmingCharacters(in: CharacterSet(charactersIn: "-")))
    }

    public var description: String { value }
}
