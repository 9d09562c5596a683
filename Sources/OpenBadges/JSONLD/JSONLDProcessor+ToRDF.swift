import Foundation

extension JSONLDProcessor {
    private typealias Triple = (subject: RDFTerm, predicate: RDFTerm, object: RDFTerm)

    /// Deserialize JSON-LD to RDF (JSON-LD 1.1 API §8.1): every node of the node map becomes
    /// triples; anything not well-formed is left out (and reported, or refused in safe mode).
    func deserialize(_ nodeMap: JSONLDNodeMap) throws -> RDFDataset {
        var dataset = RDFDataset()
        for graphName in nodeMap.graphs.keys.sorted() {
            var graphTerm: RDFTerm?
            if graphName != "@default" {
                guard let term = try nodeTerm(graphName) else { continue }
                graphTerm = term
            }
            let graph = nodeMap.graphs[graphName]!
            for subject in graph.keys.sorted() {
                guard let subjectTerm = try nodeTerm(subject) else { continue }
                let node = graph[subject]!
                for property in node.keys.sorted() {
                    let values = node[property]!.asArray
                    if property == "@type" {
                        for type in values {
                            guard let name = type.stringValue, let typeTerm = try nodeTerm(name) else { continue }
                            dataset.insert(RDFQuad(subject: subjectTerm, predicate: .iri(RDFVocabulary.type), object: typeTerm, graph: graphTerm))
                        }
                        continue
                    }
                    if Keyword.isKeyword(property) { continue }
                    guard !property.hasPrefix("_:"), IRI.isWellFormed(property) else {
                        try warn(.invalidRDFTerm, "predicate \(property)")
                        continue
                    }
                    for item in values {
                        var listTriples: [Triple] = []
                        if let object = try objectToRDF(item, listTriples: &listTriples) {
                            dataset.insert(RDFQuad(subject: subjectTerm, predicate: .iri(property), object: object, graph: graphTerm))
                        }
                        for triple in listTriples {
                            dataset.insert(RDFQuad(subject: triple.subject, predicate: triple.predicate, object: triple.object, graph: graphTerm))
                        }
                    }
                }
            }
        }
        return dataset
    }

    /// A node identifier as an RDF term: a blank node, or a well-formed absolute IRI.
    private func nodeTerm(_ id: String) throws -> RDFTerm? {
        if id.hasPrefix("_:") { return .blankNode(String(id.dropFirst(2))) }
        // Already reported when expansion dropped the identifier.
        if id == JSONLDNodeMap.unidentified { return nil }
        guard IRI.isWellFormed(id) else {
            try warn(.invalidRDFTerm, id)
            return nil
        }
        return .iri(id)
    }

    /// Object to RDF Conversion (§8.2): a node reference, a list or a literal.
    private func objectToRDF(_ item: JSONValue, listTriples: inout [Triple]) throws -> RDFTerm? {
        if !item.isValueObject {
            if let list = item["@list"] { return try listToRDF(list.asArray, listTriples: &listTriples) }
            guard let id = item["@id"]?.stringValue else { return nil }
            return try nodeTerm(id)
        }
        let value = item["@value"]!
        var datatype = item["@type"]?.stringValue
        let language = item["@language"]?.stringValue
        if let type = datatype, type != "@json", !IRI.isWellFormed(type) {
            try warn(.invalidRDFTerm, "datatype \(type)")
            return nil
        }
        if let language, !Self.isWellFormedLanguage(language) {
            try warn(.invalidLanguageTag, language)
            return nil
        }
        let lexical: String
        if datatype == "@json" {
            lexical = value.canonicalJSON
            datatype = RDFVocabulary.json
        } else {
            switch value {
            case .bool(let flag):
                lexical = flag ? "true" : "false"
                datatype = datatype ?? RDFVocabulary.xsdBoolean
            case .int, .double:
                let number = value.numberValue!
                let isDouble = if case .double = value { number.rounded(.towardZero) != number || abs(number) >= 1e21 } else { false }
                if isDouble || datatype == RDFVocabulary.xsdDouble {
                    lexical = Self.canonicalDouble(number)
                    datatype = datatype ?? RDFVocabulary.xsdDouble
                } else {
                    lexical = Self.canonicalInteger(value)
                    datatype = datatype ?? RDFVocabulary.xsdInteger
                }
            case .string(let text):
                lexical = text
                datatype = datatype ?? (language == nil ? RDFVocabulary.xsdString : RDFVocabulary.langString)
            default:
                return nil
            }
        }
        if let direction = item["@direction"]?.stringValue, let rdfDirection = options.rdfDirection {
            // Step 13: base direction, only when the caller chose how to write it.
            let tag = language?.lowercased() ?? ""
            switch rdfDirection {
            case .i18nDatatype:
                return .literal(lexical, datatype: RDFVocabulary.i18n + tag + "_" + direction)
            case .compoundLiteral:
                let node = RDFTerm.blankNode(String(blankNodeIssuer.issueAnonymous().dropFirst(2)))
                listTriples.append((node, .iri(RDFVocabulary.value), .string(lexical)))
                if language != nil { listTriples.append((node, .iri(RDFVocabulary.language), .string(tag))) }
                listTriples.append((node, .iri(RDFVocabulary.direction), .string(direction)))
                return node
            }
        }
        return .literal(lexical, datatype: datatype!, language: language)
    }

    /// List to RDF Conversion (§8.3): an RDF collection of `rdf:first`/`rdf:rest` blank nodes.
    private func listToRDF(_ list: [JSONValue], listTriples: inout [Triple]) throws -> RDFTerm {
        guard !list.isEmpty else { return .iri(RDFVocabulary.rdfNil) }
        let nodes = list.map { _ in RDFTerm.blankNode(String(blankNodeIssuer.issueAnonymous().dropFirst(2))) }
        for (position, item) in list.enumerated() {
            var embedded: [Triple] = []
            if let object = try objectToRDF(item, listTriples: &embedded) {
                listTriples.append((nodes[position], .iri(RDFVocabulary.first), object))
            }
            let rest = position + 1 < nodes.count ? nodes[position + 1] : .iri(RDFVocabulary.rdfNil)
            listTriples.append((nodes[position], .iri(RDFVocabulary.rest), rest))
            listTriples += embedded
        }
        return nodes[0]
    }

    /// The canonical `xsd:double` form JSON-LD processors write: `1.1E0`, `1.0E21`, `-5.0E-7`
    /// (ECMAScript's `toExponential(15)` with trailing zeros dropped, as jsonld.js and pyld do).
    static func canonicalDouble(_ value: Double) -> String {
        let text = String(format: "%.15E", value)
        guard let e = text.firstIndex(of: "E") else { return text }
        var mantissa = String(text[..<e])
        while mantissa.hasSuffix("0"), !mantissa.hasSuffix(".0") { mantissa.removeLast() }
        let exponent = Int(text[text.index(after: e)...]) ?? 0
        return mantissa + "E" + String(exponent)
    }

    /// The canonical `xsd:integer` form: plain digits, no exponent, no `-0`.
    static func canonicalInteger(_ value: JSONValue) -> String {
        switch value {
        case .int(let integer): return String(integer)
        case .double(let number) where number == 0: return "0"
        case .double(let number): return String(format: "%.0f", number)
        default: return "0"
        }
    }
}
