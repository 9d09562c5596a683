import Foundation

extension JSONLDProcessor {
    /// Step 13.4 of the Expansion Algorithm: an entry whose key is (an alias of) a keyword.
    func expandKeyword(_ keyword: String, key: String, value: JSONValue, frame: ExpansionFrame,
                       into result: inout [String: JSONValue], nests: inout [String]) throws {
        let active = frame.active
        if frame.activeProperty == "@reverse" {
            throw JSONLDError(.invalidReversePropertyMap, "\(key) inside @reverse")
        }
        if result[keyword] != nil, keyword != "@included", keyword != "@type" {
            throw JSONLDError(.collidingKeywords, keyword)
        }
        var expanded: JSONValue?
        switch keyword {
        case "@id":
            guard case .string(let id) = value else { throw JSONLDError(.invalidIdValue, "\(value)") }
            if let iri = active.expandIRI(id, documentRelative: true) {
                if !IRI.isAbsolute(iri) { try warn(.relativeIdReference, iri) }
                expanded = .string(iri)
            } else {
                // An identifier of the form of a keyword expands to null (§5.2 step 2), and the
                // entry stays as `@id: null`, as in the specification's expanded output. Dropping
                // it would turn the node into a fresh blank node and make up triples about it;
                // with a null identifier the node map and toRDF leave the node and every
                // reference to it out.
                try warn(.droppedValue, id)
                expanded = .null
            }
        case "@type":
            let types: [String]
            switch value {
            case .string(let type): types = [type]
            case .array(let items) where items.allSatisfy({ $0.stringValue != nil }): types = items.compactMap(\.stringValue)
            default: throw JSONLDError(.invalidTypeValue, "\(value)")
            }
            var iris: [JSONValue] = []
            for type in types {
                guard let iri = frame.typeScoped.expandIRI(type, documentRelative: true, vocab: true) else {
                    try warn(.droppedValue, type)
                    continue
                }
                if !IRI.isAbsolute(iri) { try warn(.relativeTypeReference, type) }
                iris.append(.string(iri))
            }
            // A single type stays a string: a value object's @type must not become an array.
            expanded = value.stringValue != nil && iris.count == 1 ? iris[0] : .array(iris)
            if let existing = result["@type"] { expanded = .array(existing.asArray + expanded!.asArray) }
        case "@graph":
            let graph = try expand(active: active, activeProperty: "@graph", element: value, baseURL: frame.baseURL)
            expanded = .array(graph?.asArray ?? [])
        case "@included":
            // Expanded with `@included` as the active property, not null (w3c/json-ld-api#479):
            // with null, strings, value objects and lists would be dropped as free-floating before
            // the check below could refuse them.
            let included = try expand(active: active, activeProperty: "@included", element: value, baseURL: frame.baseURL)?.asArray ?? []
            for item in included where item.objectValue == nil || item.isValueObject || item.isListObject || item["@set"] != nil {
                throw JSONLDError(.invalidIncludedValue, "\(item)")
            }
            expanded = .array((result["@included"]?.asArray ?? []) + included)
        case "@value":
            if frame.inputType == "@json" {
                expanded = value
            } else if value == .null {
                result["@value"] = .null
                return
            } else if value.isScalar {
                expanded = value
            } else {
                throw JSONLDError(.invalidValueObjectValue, "\(value)")
            }
        case "@language":
            guard case .string(let language) = value else { throw JSONLDError(.invalidLanguageTaggedString, "\(value)") }
            if !Self.isWellFormedLanguage(language) { try warn(.invalidLanguageTag, language) }
            expanded = .string(language.lowercased())
        case "@direction":
            guard value == "ltr" || value == "rtl" else { throw JSONLDError(.invalidBaseDirection, "\(value)") }
            expanded = value
        case "@index":
            guard value.stringValue != nil else { throw JSONLDError(.invalidIndexValue, "\(value)") }
            expanded = value
        case "@list":
            guard let property = frame.activeProperty, property != "@graph" else {
                try warn(.freeFloatingValue, "a list outside a property")
                return
            }
            let list = try expand(active: active, activeProperty: property, element: value, baseURL: frame.baseURL)
            expanded = .array(list?.asArray ?? [])
        case "@set":
            expanded = try expand(active: active, activeProperty: frame.activeProperty, element: value, baseURL: frame.baseURL)
        case "@reverse":
            try expandReverse(value, frame: frame, into: &result)
            return
        case "@nest":
            nests.append(key)
            return
        default:
            // Other keywords (@context was skipped before) carry no data in a node.
            return
        }
        if let expanded { result[keyword] = expanded }
    }

    /// Step 13.4.13: `@reverse` holds properties pointing at this node from others.
    private func expandReverse(_ value: JSONValue, frame: ExpansionFrame, into result: inout [String: JSONValue]) throws {
        guard case .object = value else { throw JSONLDError(.invalidReverseValue, "\(value)") }
        let expanded = try expand(active: frame.active, activeProperty: "@reverse", element: value, baseURL: frame.baseURL)
        guard case .object(let map) = expanded else { return }
        if case .object(let doubleReverse) = map["@reverse"] {
            // Reversed twice: ordinary properties of this node.
            for (property, items) in doubleReverse {
                result[property] = .array((result[property]?.asArray ?? []) + items.asArray)
            }
        }
        let others = map.filter { $0.key != "@reverse" }
        guard !others.isEmpty else { return }
        var reverseMap = result["@reverse"]?.objectValue ?? [:]
        for (property, items) in others {
            for item in items.asArray {
                guard !item.isValueObject, !item.isListObject else {
                    throw JSONLDError(.invalidReversePropertyValue, "\(property): \(item)")
                }
                reverseMap[property] = .array((reverseMap[property]?.asArray ?? []) + [item])
            }
        }
        result["@reverse"] = .object(reverseMap)
    }
}
