import Foundation

/// The node map of JSON-LD (JSON-LD 1.1 API §7.2): every node of every graph, flattened and
/// keyed by identifier, with blank nodes relabelled `_:b0`, `_:b1`, … It is the step between
/// expanded JSON-LD and RDF.
struct JSONLDNodeMap {
    /// Graph name (`@default` for the default graph) → node identifier → node object.
    private(set) var graphs: [String: [String: [String: JSONValue]]] = ["@default": [:]]
    private(set) var issuer: BlankNodeIssuer

    /// The subject a value is attached to: a node, or, for reverse properties, a reference
    /// that becomes the value of the property on the other node.
    enum Subject {
        case none
        case node(String)
        case reverse([String: JSONValue])
    }

    /// A list being filled; a class so that nested calls append to the same list.
    final class ListBuilder {
        var items: [JSONValue] = []
    }

    /// The key of nodes whose `@id` expanded to null (an identifier of the form of a keyword).
    /// The node map still walks them, so the nodes nested in them get their triples. It has the
    /// form of a keyword, which IRI expansion never returns, and toRDF leaves it, and whatever
    /// refers to it, out: had they been given blank nodes instead, triples would be made up.
    static let unidentified = "@null"

    init(issuer: BlankNodeIssuer) {
        self.issuer = issuer
    }

    /// Node Map Generation: adds an expanded element (usually the whole expanded document).
    mutating func add(_ element: JSONValue, graph: String = "@default", subject: Subject = .none, property: String? = nil,
                      list: ListBuilder? = nil) throws {
        if graphs[graph] == nil { graphs[graph] = [:] }
        if case .array(let items) = element {
            for item in items { try add(item, graph: graph, subject: subject, property: property, list: list) }
            return
        }
        guard case .object(var element) = element else { return }
        // Step 3: blank node types get node map labels too.
        if let types = element["@type"] {
            let relabelled = types.asArray.map { type -> JSONValue in
                guard let name = type.stringValue, name.hasPrefix("_:") else { return type }
                return .string(issuer.issue(name))
            }
            element["@type"] = types.arrayValue == nil && relabelled.count == 1 ? relabelled[0] : .array(relabelled)
        }
        if element["@value"] != nil {
            // Step 4: a value belongs to the subject's property (once) or to the list being built.
            if let list { list.items.append(.object(element)) } else { appendValue(.object(element), graph: graph, subject: subject, property: property, unique: true) }
            return
        }
        if let items = element["@list"] {
            // Step 5: the list's items are collected, then attached as one list object.
            let builder = ListBuilder()
            try add(items, graph: graph, subject: subject, property: property, list: builder)
            let listObject = JSONValue.object(["@list": .array(builder.items)])
            if let list { list.items.append(listObject) } else { appendValue(listObject, graph: graph, subject: subject, property: property, unique: false) }
            return
        }
        // Step 6: a node object.
        let id: String
        switch element.removeValue(forKey: "@id") {
        case .string(let name)?: id = name.hasPrefix("_:") ? issuer.issue(name) : name
        case .null?: id = Self.unidentified
        default: id = issuer.issueAnonymous()
        }
        if graphs[graph]![id] == nil { graphs[graph]![id] = ["@id": .string(id)] }
        let reference = JSONValue.object(["@id": .string(id)])
        if case .reverse(let referencing) = subject, let property {
            appendValue(.object(referencing), graph: graph, subject: .node(id), property: property, unique: true)
        } else if property != nil {
            if let list { list.items.append(reference) } else { appendValue(reference, graph: graph, subject: subject, property: property, unique: true) }
        }
        if let types = element.removeValue(forKey: "@type") {
            for type in types.asArray { appendValue(type, graph: graph, subject: .node(id), property: "@type", unique: true) }
        }
        if let index = element.removeValue(forKey: "@index") {
            if let existing = graphs[graph]![id]!["@index"], existing != index {
                throw JSONLDError(.conflictingIndexes, "\(id) has two indexes")
            }
            graphs[graph]![id]!["@index"] = index
        }
        if case .object(let reverseMap) = element.removeValue(forKey: "@reverse") {
            for property in reverseMap.keys.sorted() {
                try add(reverseMap[property]!, graph: graph, subject: .reverse(["@id": .string(id)]), property: property)
            }
        }
        if let inner = element.removeValue(forKey: "@graph") {
            try add(inner, graph: id)
        }
        if let included = element.removeValue(forKey: "@included") {
            try add(included, graph: graph)
        }
        for key in element.keys.sorted() {
            let property = key.hasPrefix("_:") ? issuer.issue(key) : key
            if graphs[graph]![id]![property] == nil { graphs[graph]![id]![property] = .array([]) }
            try add(element[key]!, graph: graph, subject: .node(id), property: property)
        }
    }

    /// Adds a value to a property of the subject node, once if `unique` (node map values are sets,
    /// except list objects, which are never equal to one another).
    private mutating func appendValue(_ value: JSONValue, graph: String, subject: Subject, property: String?, unique: Bool) {
        guard case .node(let id) = subject, let property, graphs[graph]?[id] != nil else { return }
        var values = graphs[graph]![id]![property]?.asArray ?? []
        if !unique || !values.contains(value) { values.append(value) }
        graphs[graph]![id]![property] = .array(values)
    }
}
