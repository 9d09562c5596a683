import Foundation

/// The active context of JSON-LD processing (JSON-LD 1.1 API §4.1): term definitions and the
/// defaults that apply where a document does not say otherwise.
///
/// A value type: processing a local context makes a changed copy, and a node's scoped contexts
/// stop applying simply because the caller's copy is unchanged.
struct ActiveContext: Sendable {
    // Any change forgets `cacheID`: the context is then no longer the one the cache knows.
    var terms: [String: TermDefinition] = [:] { didSet { cacheID = nil } }
    /// The base IRI relative references resolve against (`@base`, or the document's URL).
    var base: String? { didSet { cacheID = nil } }
    /// The document's own base, which a `null` context restores.
    var originalBase: String? { didSet { cacheID = nil } }
    var vocabulary: String? { didSet { cacheID = nil } }
    var defaultLanguage: String? { didSet { cacheID = nil } }
    var defaultDirection: String? { didSet { cacheID = nil } }
    /// Set by a non-propagated (type-scoped) context: the context to return to when entering a
    /// new node object. Stored in an array because a struct cannot hold itself directly.
    private var previousStorage: [ActiveContext] = [] { didSet { cacheID = nil } }
    /// Names this exact context in `JSONLDContextCache`: 0 for an initial context (whose base the
    /// cache key holds), a number the cache gave for one it made, `nil` for any other.
    private(set) var cacheID: UInt64?

    init(base: String?) {
        self.base = base
        self.originalBase = base
        cacheID = 0
    }

    /// Marks a context as the cache's entry `id`.
    mutating func identify(as id: UInt64) { cacheID = id }

    var previousContext: ActiveContext? {
        get { previousStorage.first }
        set { previousStorage = newValue.map { [$0] } ?? [] }
    }

    /// Whether any term is protected: a `null` context may not wipe protected terms out.
    var hasProtectedTerms: Bool { terms.values.contains { $0.isProtected } }

    /// The container mapping of a term (empty for undefined terms and keywords).
    func container(of term: String?) -> Set<String> {
        guard let term else { return [] }
        return terms[term]?.container ?? []
    }

    /// The type mapping of a term.
    func typeMapping(of term: String?) -> String? {
        guard let term else { return nil }
        return terms[term]?.typeMapping
    }

    /// IRI expansion outside context processing (JSON-LD 1.1 API §5.2 without steps 3 and 6.3):
    /// terms, compact IRIs, keywords, `@vocab` and the base IRI turn `value` into an IRI.
    func expandIRI(_ value: String, documentRelative: Bool = false, vocab: Bool = false) -> String? {
        if Keyword.isKeyword(value) { return value }
        if Keyword.hasKeywordForm(value) { return nil }
        if let definition = terms[value], let iri = definition.iri, Keyword.isKeyword(iri) { return iri }
        if vocab, let definition = terms[value] { return definition.iri }
        if let colon = value.firstIndex(of: ":"), colon != value.startIndex {
            let prefix = String(value[..<colon])
            let suffix = value[value.index(after: colon)...]
            if prefix == "_" || suffix.hasPrefix("//") { return value }
            if let definition = terms[prefix], let iri = definition.iri, definition.isPrefix {
                return iri + suffix
            }
            if IRI.isAbsolute(value) { return value }
        }
        if vocab, let vocabulary { return vocabulary + value }
        if documentRelative { return IRI.resolve(value, against: base) }
        return value
    }
}
