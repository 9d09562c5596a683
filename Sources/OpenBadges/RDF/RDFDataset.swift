import Foundation

/// A set of quads (RDF 1.1 dataset): what JSON-LD deserializes to and RDFC-1.0 canonicalizes.
///
/// Insertion order is kept for readable output, but a quad is only held once: a dataset is a
/// set, and canonicalizing a duplicate twice would change the hash of the same data.
public struct RDFDataset: Sendable, Equatable, CustomStringConvertible {
    public private(set) var quads: [RDFQuad] = []
    private var members: Set<RDFQuad> = []

    public init() {}

    public init<S: Sequence>(quads: S) where S.Element == RDFQuad {
        for quad in quads { insert(quad) }
    }

    /// Parses an N-Quads document (RDF 1.1 N-Quads), keeping its blank node labels.
    public init(nquads: String) throws {
        self.init(quads: try NQuadsParser.parse(nquads))
    }

    /// Adds a quad unless the dataset already holds it; returns whether it was added.
    @discardableResult
    public mutating func insert(_ quad: RDFQuad) -> Bool {
        guard members.insert(quad).inserted else { return false }
        quads.append(quad)
        return true
    }

    public var count: Int { quads.count }
    public var isEmpty: Bool { quads.isEmpty }

    /// The labels of every blank node used anywhere in the dataset.
    public var blankNodeLabels: Set<String> {
        var labels: Set<String> = []
        for quad in quads {
            for term in [quad.subject, quad.object, quad.graph] {
                if let label = term?.blankNodeLabel { labels.insert(label) }
            }
        }
        return labels
    }

    /// The dataset as N-Quads in insertion order (not canonical: see `RDFCanonicalizer`).
    public var nquads: String { quads.map(NQuadsSerializer.line(for:)).joined() }

    public var description: String { nquads }

    public static func == (lhs: RDFDataset, rhs: RDFDataset) -> Bool { lhs.members == rhs.members }
}

/// Writes terms and quads in canonical N-Quads form (RDFC-1.0 §4.6 and RDF 1.2 N-Triples §4).
enum NQuadsSerializer {
    /// One quad, terms separated by single spaces, ending with " .\n".
    static func line(for quad: RDFQuad) -> String {
        var output = ""
        write(quad.subject, to: &output)
        output += " "
        write(quad.predicate, to: &output)
        output += " "
        write(quad.object, to: &output)
        if let graph = quad.graph {
            output += " "
            write(graph, to: &output)
        }
        output += " .\n"
        return output
    }

    static func write(_ term: RDFTerm, to output: inout String) {
        switch term {
        case .iri(let iri):
            // Canonical form writes IRIs as they are: no escapes.
            output += "<" + iri + ">"
        case .blankNode(let label):
            output += "_:" + label
        case .literal(let value, let datatype, let language):
            output += "\""
            escape(value, to: &output)
            output += "\""
            if let language {
                output += "@" + language
            } else if datatype != RDFVocabulary.xsdString {
                output += "^^<" + datatype + ">"
            }
        }
    }

    /// Escapes a literal's lexical form: the seven characters with a short escape use it, other
    /// control characters (U+0000–U+001F, U+007F) use `\uXXXX` in upper case, the rest stays as is.
    static func escape(_ value: String, to output: inout String) {
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\u{08}": output += "\\b"
            case "\t": output += "\\t"
            case "\n": output += "\\n"
            case "\u{0C}": output += "\\f"
            case "\r": output += "\\r"
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\u{00}"..."\u{1F}", "\u{7F}":
                let hex = String(scalar.value, radix: 16, uppercase: true)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                output.unicodeScalars.append(scalar)
            }
        }
    }
}
