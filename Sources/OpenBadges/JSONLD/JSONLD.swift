import Foundation

/// JSON-LD 1.1 processing for credentials: expansion and conversion to RDF ("toRdf"), with
/// contexts coming only from a loader (by default the contexts bundled with this library).
///
/// ```swift
/// let dataset = try JSONLD.toRDF(credential, options: .safe)
/// let nquads = try JSONLD.canonicalize(credential)   // RDFC-1.0, what Data Integrity signs
/// ```
public enum JSONLD {
    /// The document in expanded form (an array of node objects), JSON-LD 1.1 API §5.1.
    public static func expand(_ document: JSONValue, options: JSONLDOptions = JSONLDOptions()) throws -> JSONValue {
        .array(try JSONLDProcessor(options: options).expandDocument(document))
    }

    /// The RDF dataset the document stands for (JSON-LD 1.1 API "toRdf").
    public static func toRDF(_ document: JSONValue, options: JSONLDOptions = JSONLDOptions()) throws -> RDFDataset {
        try JSONLDProcessor(options: options).toRDF(document)
    }

    /// What processing the document leaves out: undefined terms, relative references, dropped
    /// values. An empty list means every part of the document is in its RDF form (and so in
    /// what a signature over the canonical form covers). Errors are thrown as by `toRDF`.
    public static func warnings(for document: JSONValue, options: JSONLDOptions = JSONLDOptions()) throws -> [JSONLDWarning] {
        var options = options
        options.safeMode = false
        let processor = JSONLDProcessor(options: options)
        _ = try processor.toRDF(document)
        return processor.warnings
    }

    /// The canonical N-Quads (RDFC-1.0) of the document. Safe mode by default: a document with
    /// parts JSON-LD would silently drop is refused rather than canonicalized without them.
    public static func canonicalize(_ document: JSONValue, options: JSONLDOptions = .safe,
                                    canonicalizer: RDFCanonicalizer = RDFCanonicalizer()) throws -> String {
        try canonicalizer.canonicalNQuads(toRDF(document, options: options))
    }
}
