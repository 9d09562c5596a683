import Foundation

/// A node or value in an RDF dataset: an IRI, a blank node or a literal.
///
/// Equality and hashing compare Unicode scalars exactly. Swift's own `String` equality treats
/// canonically equivalent strings ("é" precomposed and decomposed) as equal, but in RDF they are
/// different terms, and merging them would make two different datasets canonicalize the same.
public enum RDFTerm: Sendable, Hashable, CustomStringConvertible {
    /// An absolute IRI, without angle brackets.
    case iri(String)
    /// A blank node, by its label without the `_:` prefix.
    case blankNode(String)
    /// A literal: lexical form, datatype IRI, and a language tag for `rdf:langString`.
    case literal(String, datatype: String, language: String? = nil)

    /// A plain string literal (`xsd:string`).
    public static func string(_ value: String) -> RDFTerm { .literal(value, datatype: RDFVocabulary.xsdString) }

    /// Whether this is a blank node.
    public var isBlankNode: Bool {
        if case .blankNode = self { return true }
        return false
    }

    /// The label of a blank node.
    public var blankNodeLabel: String? {
        if case .blankNode(let label) = self { return label }
        return nil
    }

    /// The term in N-Quads syntax, with the canonical escaping of RDFC-1.0.
    public var description: String {
        var output = ""
        NQuadsSerializer.write(self, to: &output)
        return output
    }

    public static func == (lhs: RDFTerm, rhs: RDFTerm) -> Bool {
        switch (lhs, rhs) {
        case (.iri(let a), .iri(let b)), (.blankNode(let a), .blankNode(let b)):
            return sameScalars(a, b)
        case (.literal(let a, let typeA, let languageA), .literal(let b, let typeB, let languageB)):
            return sameScalars(a, b) && sameScalars(typeA, typeB) && sameScalars(languageA ?? "", languageB ?? "")
                && (languageA == nil) == (languageB == nil)
        default:
            return false
        }
    }

    /// Equal scalars are equal UTF-8 bytes (the encoding is one-to-one), which compare and hash
    /// much faster than scalars one by one: datasets hash every term of every quad.
    private static func sameScalars(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8)
    }

    public func hash(into hasher: inout Hasher) {
        func combine(_ text: String) {
            hasher.combine(text.utf8.count)
            if text.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
                for byte in text.utf8 { hasher.combine(byte) }
            }
        }
        switch self {
        case .iri(let value):
            hasher.combine(0)
            combine(value)
        case .blankNode(let label):
            hasher.combine(1)
            combine(label)
        case .literal(let value, let datatype, let language):
            hasher.combine(2)
            combine(value)
            combine(datatype)
            hasher.combine(language != nil)
            combine(language ?? "")
        }
    }
}

/// The IRIs JSON-LD and RDF canonicalization need by name.
public enum RDFVocabulary {
    public static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    public static let xsd = "http://www.w3.org/2001/XMLSchema#"
    public static let type = rdf + "type"
    public static let first = rdf + "first"
    public static let rest = rdf + "rest"
    public static let rdfNil = rdf + "nil"
    public static let langString = rdf + "langString"
    public static let json = rdf + "JSON"
    public static let value = rdf + "value"
    public static let direction = rdf + "direction"
    public static let language = rdf + "language"
    public static let xsdString = xsd + "string"
    public static let xsdBoolean = xsd + "boolean"
    public static let xsdInteger = xsd + "integer"
    public static let xsdDouble = xsd + "double"
    public static let i18n = "https://www.w3.org/ns/i18n#"
}

/// One statement: subject, predicate, object, in the default graph (`graph == nil`) or a named one.
public struct RDFQuad: Sendable, Hashable, CustomStringConvertible {
    public var subject: RDFTerm
    public var predicate: RDFTerm
    public var object: RDFTerm
    public var graph: RDFTerm?

    public init(subject: RDFTerm, predicate: RDFTerm, object: RDFTerm, graph: RDFTerm? = nil) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.graph = graph
    }

    /// The quad as one N-Quads line, newline included.
    public var description: String { NQuadsSerializer.line(for: self) }
}
