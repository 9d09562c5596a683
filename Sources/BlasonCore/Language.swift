import Foundation

/// The languages of the interface and of bilingual content. French comes first: the
/// programme is French and every text must exist in French.
public enum Language: String, CaseIterable, Codable, Sendable {
    case fr
    case en

    public static let `default`: Language = .fr

    /// Picks the best supported language from an `Accept-Language` header, honouring q-values;
    /// anything unsupported or unparsable falls back to French.
    public static func negotiate(acceptLanguage header: String?) -> Language {
        guard let header, !header.isEmpty else { return .default }
        var best: (Language, Double)?
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first?.lowercased() else { continue }
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            guard let language = Language(rawValue: primary) else { continue }
            var quality = 1.0
            for parameter in pieces.dropFirst() where parameter.hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            if quality > 0, quality > (best?.1 ?? -1) {
                best = (language, quality)
            }
        }
        return best?.0 ?? .default
    }
}

/// A text that must exist in French and may exist in English.
public struct LocalizedText: Codable, Equatable, Sendable {
    public var fr: String
    public var en: String?

    public init(fr: String, en: String? = nil) {
        self.fr = fr
        self.en = (en?.isEmpty ?? true) ? nil : en
    }

    /// The text in `language`, falling back to French when no translation exists.
    public func text(in language: Language) -> String {
        switch language {
        case .fr: fr
        case .en: en ?? fr
        }
    }
}
