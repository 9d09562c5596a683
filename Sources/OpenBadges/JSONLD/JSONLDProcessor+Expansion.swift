import Foundation

/// The state the steps of node expansion share (JSON-LD 1.1 API §5.1.2 steps 10 to 14).
struct ExpansionFrame {
    var active: ActiveContext
    /// The context before type-scoped contexts applied: `@type` values expand with it.
    let typeScoped: ActiveContext
    /// The expanded last `@type` value, which tells whether `@value` holds JSON (`@json`).
    let inputType: String?
    var activeProperty: String?
    let baseURL: String?
}

extension JSONLDProcessor {
    /// The Expansion Algorithm (JSON-LD 1.1 API §5.1.2). `nil` stands for JSON-LD's null result.
    func expand(active: ActiveContext, activeProperty: String?, element: JSONValue, baseURL: String?,
                fromMap: Bool = false) throws -> JSONValue? {
        switch element {
        case .null:
            return nil
        case .array(let items):
            // Step 5: arrays flatten, except that nested arrays in a list become lists.
            var result: [JSONValue] = []
            let isList = active.container(of: activeProperty).contains("@list")
            for item in items {
                guard var expanded = try expand(active: active, activeProperty: activeProperty, element: item,
                                                baseURL: baseURL, fromMap: fromMap) else { continue }
                if isList, case .array = expanded { expanded = .object(["@list": expanded]) }
                if case .array(let values) = expanded { result += values } else { result.append(expanded) }
            }
            return .array(result)
        case .object(let object):
            return try expandObject(object, active: active, activeProperty: activeProperty, baseURL: baseURL, fromMap: fromMap)
        default:
            // Step 4: a scalar is a value of its property; at the top it has nothing to attach to.
            guard let activeProperty, activeProperty != "@graph" else {
                try warn(.freeFloatingValue, "\(element)")
                return nil
            }
            var active = active
            if let definition = active.terms[activeProperty], let scoped = definition.context {
                active = try processContext(active: active, local: scoped, baseURL: definition.baseURL, overrideProtected: true)
            }
            return try expandValue(active: active, activeProperty: activeProperty, value: element)
        }
    }

    /// Steps 7 to 20 for a JSON object.
    private func expandObject(_ element: [String: JSONValue], active: ActiveContext, activeProperty: String?,
                              baseURL: String?, fromMap: Bool) throws -> JSONValue? {
        var active = active
        let propertyDefinition = activeProperty.flatMap { active.terms[$0] }
        // Step 7: a type-scoped context does not reach into a new node object.
        if let previous = active.previousContext, !fromMap {
            let keys = element.keys.map { active.expandIRI($0, vocab: true) }
            let isValueObject = keys.contains("@value")
            let isReference = element.count == 1 && keys.first == "@id"
            if !isValueObject && !isReference { active = previous }
        }
        // Steps 8 and 9: the property-scoped context, then the element's own context.
        if let definition = propertyDefinition, let scoped = definition.context {
            active = try processContext(active: active, local: scoped, baseURL: definition.baseURL, overrideProtected: true)
        }
        if let local = element["@context"] {
            active = try processContext(active: active, local: local, baseURL: baseURL)
        }
        // Steps 10 and 11: type-scoped contexts, in code point order of the types.
        let typeScoped = active
        var typeKeys: [String] = []
        for key in element.keys.sorted() where active.expandIRI(key, vocab: true) == "@type" {
            typeKeys.append(key)
            for type in element[key]!.asArray.compactMap(\.stringValue).sorted() {
                if let definition = typeScoped.terms[type], let scoped = definition.context {
                    active = try processContext(active: active, local: scoped, baseURL: definition.baseURL, propagate: false)
                }
            }
        }
        // Step 12: the input type decides whether @value is read as JSON.
        let inputType = typeKeys.first.flatMap { element[$0]!.asArray.last?.stringValue }
            .flatMap { active.expandIRI($0, documentRelative: true, vocab: true) }
        var frame = ExpansionFrame(active: active, typeScoped: typeScoped, inputType: inputType,
                                   activeProperty: activeProperty, baseURL: baseURL)
        var result: [String: JSONValue] = [:]
        try expandEntries(element, frame: &frame, into: &result)
        return try finishExpansion(result, activeProperty: activeProperty)
    }

    /// Steps 15 to 20: check value, list and set objects, and drop what has nothing to attach to.
    private func finishExpansion(_ result: [String: JSONValue], activeProperty: String?) throws -> JSONValue? {
        var result = result
        var output: JSONValue
        if let value = result["@value"] {
            let allowed: Set<String> = ["@direction", "@index", "@language", "@type", "@value"]
            guard Set(result.keys).isSubset(of: allowed),
                  result["@type"] == nil || (result["@language"] == nil && result["@direction"] == nil) else {
                throw JSONLDError(.invalidValueObject, "\(JSONValue.object(result))")
            }
            if result["@type"] != "@json" {
                if value == .null || value == .array([]) {
                    try warn(.droppedValue, "@value: null")
                    return nil
                }
                if value.stringValue == nil, result["@language"] != nil {
                    throw JSONLDError(.invalidLanguageTaggedValue, "\(value)")
                }
                if let type = result["@type"] {
                    guard let iri = type.stringValue, IRI.isAbsolute(iri), !iri.hasPrefix("_:") else {
                        throw JSONLDError(.invalidTypedValue, "\(type)")
                    }
                }
            }
            output = .object(result)
        } else if let type = result["@type"], type.arrayValue == nil {
            result["@type"] = .array([type])
            output = .object(result)
        } else if result["@set"] != nil || result["@list"] != nil {
            guard result.count == 1 || (result.count == 2 && result["@index"] != nil) else {
                throw JSONLDError(.invalidSetOrListObject, "\(JSONValue.object(result))")
            }
            output = result["@set"] ?? .object(result)
        } else {
            output = .object(result)
        }
        // Step 18: only a language is nothing.
        if case .object(let object) = output, object.count == 1, object["@language"] != nil {
            try warn(.droppedValue, "an object with only @language")
            return nil
        }
        // Step 19: at the top (or directly in @graph), values and bare references are dropped.
        if activeProperty == nil || activeProperty == "@graph", case .object(let object) = output {
            if object.isEmpty || object["@value"] != nil || object["@list"] != nil {
                try warn(.freeFloatingValue, "\(output)")
                return nil
            }
            if object.count == 1, object["@id"] != nil {
                try warn(.freeFloatingValue, "a node with only @id")
                return nil
            }
        }
        return output
    }
}

extension JSONValue {
    /// A JSON-LD value object (has `@value`).
    var isValueObject: Bool { self["@value"] != nil }
    /// A JSON-LD list object (has `@list`).
    var isListObject: Bool { self["@list"] != nil }
    /// A JSON-LD graph object: `@graph`, and nothing but `@id`, `@index` and `@context` besides.
    var isGraphObject: Bool {
        guard case .object(let object) = self, object["@graph"] != nil else { return false }
        return Set(object.keys).isSubset(of: ["@graph", "@id", "@index", "@context"])
    }
}
