import Foundation

extension JSONLDProcessor {
    /// Steps 13 and 14 of the Expansion Algorithm: every entry of a node, then nested entries.
    func expandEntries(_ element: [String: JSONValue], frame: inout ExpansionFrame, into result: inout [String: JSONValue]) throws {
        var nests: [String] = []
        for key in element.keys.sorted() where key != "@context" {
            let value = element[key]!
            // Steps 13.2–13.3: a key that expands to neither a keyword nor an IRI is dropped.
            guard let property = frame.active.expandIRI(key, vocab: true), property.contains(":") || Keyword.isKeyword(property) else {
                try warn(.undefinedTerm, key)
                continue
            }
            if Keyword.isKeyword(property) {
                try expandKeyword(property, key: key, value: value, frame: frame, into: &result, nests: &nests)
            } else {
                try expandProperty(property, key: key, value: value, frame: frame, into: &result)
            }
        }
        // Step 14: `@nest` entries hold more properties of the same node.
        for nestingKey in nests.sorted() {
            for nested in element[nestingKey]!.asArray {
                guard case .object(let nestedObject) = nested,
                      !nestedObject.keys.contains(where: { frame.active.expandIRI($0, vocab: true) == "@value" }) else {
                    throw JSONLDError(.invalidNestValue, "\(nested)")
                }
                var nestedFrame = frame
                nestedFrame.activeProperty = nestingKey
                if let definition = frame.active.terms[nestingKey], let scoped = definition.context {
                    nestedFrame.active = try processContext(active: frame.active, local: scoped, baseURL: definition.baseURL,
                                                            overrideProtected: true)
                }
                try expandEntries(nestedObject, frame: &nestedFrame, into: &result)
            }
        }
    }

    /// Steps 13.5 to 13.14: the value of a property (a key that expands to an IRI).
    private func expandProperty(_ property: String, key: String, value: JSONValue, frame: ExpansionFrame,
                                into result: inout [String: JSONValue]) throws {
        let active = frame.active
        let definition = active.terms[key]
        let container = definition?.container ?? []
        var expanded: JSONValue?
        if definition?.typeMapping == "@json" {
            // Step 13.6: the value is JSON data, kept as it is.
            expanded = .object(["@value": value, "@type": "@json"])
        } else if container.contains("@language"), case .object(let map) = value {
            expanded = try expandLanguageMap(map, definition: definition, active: active)
        } else if !container.isDisjoint(with: ["@index", "@type", "@id"]), case .object(let map) = value {
            expanded = try expandIndexMap(map, key: key, container: container, definition: definition, frame: frame)
        } else {
            expanded = try expand(active: active, activeProperty: key, element: value, baseURL: frame.baseURL)
        }
        guard var expanded else { return }
        // Steps 13.11–13.12: list and graph containers wrap what they hold.
        if container.contains("@list"), !expanded.isListObject {
            expanded = .object(["@list": .array(expanded.asArray)])
        }
        if container.contains("@graph"), !container.contains("@id"), !container.contains("@index") {
            expanded = .array(expanded.asArray.map { .object(["@graph": .array($0.asArray)]) })
        }
        if definition?.isReverse == true {
            // Step 13.13: a reverse property is stored under @reverse.
            var reverseMap = result["@reverse"]?.objectValue ?? [:]
            for item in expanded.asArray {
                guard !item.isValueObject, !item.isListObject else {
                    throw JSONLDError(.invalidReversePropertyValue, "\(key): \(item)")
                }
                reverseMap[property] = .array((reverseMap[property]?.asArray ?? []) + [item])
            }
            result["@reverse"] = .object(reverseMap)
        } else {
            result[property] = .array((result[property]?.asArray ?? []) + expanded.asArray)
        }
    }

    /// Value Expansion (JSON-LD 1.1 API §5.3): a scalar in the light of its term's definition.
    func expandValue(active: ActiveContext, activeProperty: String?, value: JSONValue) throws -> JSONValue {
        let definition = activeProperty.flatMap { active.terms[$0] }
        if case .string(let text) = value, let typeMapping = definition?.typeMapping,
           typeMapping == "@id" || typeMapping == "@vocab" {
            // Steps 1–2: a string that names a node.
            guard let iri = active.expandIRI(text, documentRelative: true, vocab: typeMapping == "@vocab") else {
                try warn(.droppedValue, text)
                return .object([:])
            }
            if !IRI.isAbsolute(iri) { try warn(.relativeIdReference, iri) }
            return .object(["@id": .string(iri)])
        }
        var result: [String: JSONValue] = ["@value": value]
        if let typeMapping = definition?.typeMapping, !["@id", "@vocab", "@none"].contains(typeMapping) {
            result["@type"] = .string(typeMapping)
        } else if case .string = value {
            let language = definition?.language ?? active.defaultLanguage
            let direction = definition?.direction ?? active.defaultDirection
            if let language { result["@language"] = .string(language) }
            if let direction { result["@direction"] = .string(direction) }
        }
        return .object(result)
    }
}
