import Foundation

/// What Create Term Definition needs about the context definition being processed: its entries,
/// which terms are done (`true`) or in progress (`false`, to detect cycles), and its settings.
struct ContextDefinitionScope {
    let local: [String: JSONValue]
    var defined: [String: Bool] = [:]
    let baseURL: String?
    let isProtected: Bool
    let overrideProtected: Bool
    let remoteContexts: [String]
}

extension JSONLDProcessor {
    static let termDefinitionKeys: Set<String> = [
        "@id", "@reverse", "@container", "@context", "@direction", "@index", "@language", "@nest", "@prefix", "@protected", "@type",
    ]

    /// Create Term Definition (JSON-LD 1.1 API §4.2.2), steps 1 to 20; the rest is in
    /// `applyTermOptions`. Defines `term` from the scope's local context into `active`.
    func createTermDefinition(_ term: String, active: inout ActiveContext, scope: inout ContextDefinitionScope) throws {
        if let done = scope.defined[term] {
            if done { return }
            throw JSONLDError(.cyclicIRIMapping, term)
        }
        guard !term.isEmpty else { throw JSONLDError(.invalidTermDefinition, "a term cannot be empty") }
        scope.defined[term] = false
        let value = scope.local[term] ?? .null
        if term == "@type" {
            // Steps 4–6: `@type` may only be given `@container: @set` and `@protected`.
            guard case .object(let map) = value, !map.isEmpty, map.keys.allSatisfy({ ["@container", "@protected"].contains($0) }),
                  map["@container"] == nil || map["@container"] == "@set" else {
                throw JSONLDError(.keywordRedefinition, "@type")
            }
        } else if Keyword.isKeyword(term) {
            throw JSONLDError(.keywordRedefinition, term)
        } else if Keyword.hasKeywordForm(term) {
            try warn(.droppedValue, term)
            return
        }
        // Step 8: the previous definition goes, but is kept for the protection check.
        let previous = active.terms.removeValue(forKey: term)
        var simpleTerm = false
        let map: [String: JSONValue]
        switch value {
        case .null: map = ["@id": .null]
        case .string: map = ["@id": value]; simpleTerm = true
        case .object(let object): map = object
        default: throw JSONLDError(.invalidTermDefinition, "\(term): a definition is a string, an object or null")
        }
        if let unexpected = map.keys.first(where: { !Self.termDefinitionKeys.contains($0) }) {
            throw JSONLDError(.invalidTermDefinition, "\(term): unexpected \(unexpected)")
        }
        var definition = TermDefinition()
        definition.isProtected = scope.isProtected
        if let value = map["@protected"] {
            guard case .bool(let flag) = value else { throw JSONLDError(.invalidProtectedValue, term) }
            definition.isProtected = flag
        }
        if let value = map["@type"] {
            // Step 14: the type mapping.
            guard case .string(let type) = value,
                  let expanded = try expandIRI(type, active: &active, scope: &scope, vocab: true),
                  ["@id", "@json", "@none", "@vocab"].contains(expanded) || (IRI.isAbsolute(expanded) && !expanded.hasPrefix("_:")) else {
                throw JSONLDError(.invalidTypeMapping, "\(term): \(value)")
            }
            definition.typeMapping = expanded
        }
        if let value = map["@reverse"] {
            // Step 15: a reverse property.
            guard map["@id"] == nil, map["@nest"] == nil else { throw JSONLDError(.invalidReverseProperty, term) }
            guard case .string(let reverse) = value else { throw JSONLDError(.invalidIRIMapping, term) }
            if Keyword.hasKeywordForm(reverse) {
                try warn(.droppedValue, reverse)
                if let previous { active.terms[term] = previous }
                return
            }
            guard let expanded = try expandIRI(reverse, active: &active, scope: &scope, vocab: true), IRI.isAbsolute(expanded) else {
                throw JSONLDError(.invalidIRIMapping, "\(term): @reverse \(reverse)")
            }
            definition.iri = expanded
            definition.isReverse = true
        } else if let value = map["@id"], value != .string(term) {
            // Step 16: an explicit IRI mapping.
            if case .string(let id) = value {
                if !Keyword.isKeyword(id), Keyword.hasKeywordForm(id) {
                    try warn(.droppedValue, id)
                    if let previous { active.terms[term] = previous }
                    return
                }
                guard let expanded = try expandIRI(id, active: &active, scope: &scope, vocab: true),
                      Keyword.isKeyword(expanded) || IRI.isAbsolute(expanded) else {
                    throw JSONLDError(.invalidIRIMapping, "\(term): \(id)")
                }
                guard expanded != "@context" else { throw JSONLDError(.invalidKeywordAlias, term) }
                definition.iri = expanded
                if Self.looksLikeIRI(term) {
                    // Step 16.2.4: a term that looks like an IRI must expand to its own mapping.
                    scope.defined[term] = true
                    guard try expandIRI(term, active: &active, scope: &scope, vocab: true) == expanded else {
                        throw JSONLDError(.invalidIRIMapping, "\(term) looks like an IRI but maps to \(expanded)")
                    }
                    scope.defined[term] = false
                }
                if !term.contains(":"), !term.contains("/"), simpleTerm,
                   expanded.hasPrefix("_:") || ":/?#[]@".contains(expanded.last ?? " ") {
                    definition.isPrefix = true
                }
            } else if value != .null {
                throw JSONLDError(.invalidIRIMapping, "\(term): @id must be a string")
            }
        } else if let colon = term.firstIndex(of: ":"), colon != term.startIndex {
            // Step 17: a compact IRI or an absolute IRI as a term.
            let prefix = String(term[..<colon])
            if scope.local[prefix] != nil { try createTermDefinition(prefix, active: &active, scope: &scope) }
            if let prefixIRI = active.terms[prefix]?.iri {
                definition.iri = prefixIRI + term[term.index(after: colon)...]
            } else {
                definition.iri = term
            }
        } else if term.contains("/") {
            // Step 18: a relative IRI reference as a term.
            guard let expanded = active.expandIRI(term, vocab: true), IRI.isAbsolute(expanded) else {
                throw JSONLDError(.invalidIRIMapping, "\(term) is relative and there is no @vocab")
            }
            definition.iri = expanded
        } else if term == "@type" {
            definition.iri = "@type"
        } else if let vocabulary = active.vocabulary {
            definition.iri = vocabulary + term
        } else {
            throw JSONLDError(.invalidIRIMapping, "\(term) has no @id and there is no @vocab")
        }
        try applyTermOptions(map, to: &definition, term: term, active: active, scope: scope)
        // Step 29: a protected term may only be "redefined" identically.
        if !scope.overrideProtected, let previous, previous.isProtected {
            guard definition.isSameDefinition(as: previous) else {
                throw JSONLDError(.protectedTermRedefinition, term)
            }
            definition = previous
        }
        active.terms[term] = definition
        scope.defined[term] = true
    }

    /// Whether a term has a colon other than first or last, or a slash (step 16.2.4).
    private static func looksLikeIRI(_ term: String) -> Bool {
        if term.contains("/") { return true }
        guard let colon = term.firstIndex(of: ":") else { return false }
        return colon != term.startIndex && term.index(after: colon) != term.endIndex
    }

    /// IRI expansion during context processing (§5.2 steps 3 and 6.3): terms of the local
    /// context that are used before their own definition are defined first.
    func expandIRI(_ value: String, active: inout ActiveContext, scope: inout ContextDefinitionScope,
                   documentRelative: Bool = false, vocab: Bool = false) throws -> String? {
        if !Keyword.isKeyword(value), !Keyword.hasKeywordForm(value) {
            if scope.local[value] != nil, scope.defined[value] != true {
                try createTermDefinition(value, active: &active, scope: &scope)
            }
            if let colon = value.firstIndex(of: ":"), colon != value.startIndex {
                let prefix = String(value[..<colon])
                let isIRIOrBlankNode = prefix == "_" || value[value.index(after: colon)...].hasPrefix("//")
                if !isIRIOrBlankNode, scope.local[prefix] != nil, scope.defined[prefix] != true {
                    try createTermDefinition(prefix, active: &active, scope: &scope)
                }
            }
        }
        return active.expandIRI(value, documentRelative: documentRelative, vocab: vocab)
    }
}
