import Foundation

/// Options of JSON-LD processing (a subset of the JSON-LD 1.1 API's `JsonLdOptions`).
public struct JSONLDOptions: Sendable {
    /// How `@direction` is written in RDF (JSON-LD 1.1 API §8.1, `rdfDirection`).
    public enum RDFDirection: String, Sendable {
        /// A datatype `https://www.w3.org/ns/i18n#{language}_{direction}`.
        case i18nDatatype = "i18n-datatype"
        /// A blank node with `rdf:value`, `rdf:language` and `rdf:direction`.
        case compoundLiteral = "compound-literal"
    }

    /// The document's base IRI, against which relative IRIs resolve. Credentials have none:
    /// every identifier in them must be absolute.
    public var base: String?
    /// Where context URLs are read from. Defaults to the contexts bundled with this library;
    /// nothing is ever fetched from the network.
    public var contextLoader: any JSONLDContextLoader
    /// Refuse, rather than silently drop, anything that would not reach the RDF output (undefined
    /// terms, relative type and identifier references, …): the behaviour Data Integrity requires.
    public var safeMode: Bool
    /// A context applied before the document's own (`expandContext`).
    public var expandContext: JSONValue?
    /// `nil` drops `@direction` from RDF, as JSON-LD does by default.
    public var rdfDirection: RDFDirection?

    public init(base: String? = nil, contextLoader: any JSONLDContextLoader = BundledContexts(),
                safeMode: Bool = false, expandContext: JSONValue? = nil, rdfDirection: RDFDirection? = nil) {
        self.base = base
        self.contextLoader = contextLoader
        self.safeMode = safeMode
        self.expandContext = expandContext
        self.rdfDirection = rdfDirection
    }

    /// The options Data Integrity uses: bundled contexts only, and safe mode.
    public static var safe: JSONLDOptions { JSONLDOptions(safeMode: true) }
}
