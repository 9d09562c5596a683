import Foundation

/// What a context says about one term (JSON-LD 1.1 API §4.1): the IRI it stands for and how its
/// values are read.
struct TermDefinition: Equatable, Sendable {
    /// The IRI, blank node identifier or keyword the term maps to; `nil` for `"@id": null`,
    /// a term kept only so that it is no longer expanded with `@vocab`.
    var iri: String?
    var isPrefix = false
    var isProtected = false
    var isReverse = false
    /// The URL of the context that defined the term, for relative URLs in its scoped context.
    var baseURL: String?
    /// The scoped context (`@context` in the definition). `.some(.null)` is a real context:
    /// it resets the active context.
    var context: JSONValue?
    var container: Set<String> = []
    /// `nil`: not given; `.some(nil)`: explicitly `null`, which cancels the default direction.
    var direction: String??
    var index: String?
    /// `nil`: not given; `.some(nil)`: explicitly `null`, which cancels the default language.
    var language: String??
    var nest: String?
    var typeMapping: String?

    init(iri: String? = nil) {
        self.iri = iri
    }

    /// Equal apart from the protected flag: a protected term may be redefined only this way
    /// (§4.2.2 step 29), which is how two contexts can both define `id` or `type`.
    func isSameDefinition(as other: TermDefinition) -> Bool {
        var lhs = self, rhs = other
        lhs.isProtected = false
        rhs.isProtected = false
        return lhs == rhs
    }
}

/// The JSON-LD 1.1 keywords.
enum Keyword {
    static let all: Set<String> = [
        "@base", "@container", "@context", "@direction", "@graph", "@id", "@import", "@included", "@index",
        "@json", "@language", "@list", "@nest", "@none", "@prefix", "@propagate", "@protected", "@reverse",
        "@set", "@type", "@value", "@version", "@vocab",
    ]

    static func isKeyword(_ value: String) -> Bool { all.contains(value) }

    /// `"@" 1*ALPHA`: reserved for future keywords, so ignored (with a warning) where it appears.
    static func hasKeywordForm(_ value: String) -> Bool {
        let scalars = value.unicodeScalars
        return scalars.count > 1 && scalars.first == "@" && scalars.dropFirst().allSatisfy(\.isASCIILetter)
    }
}
