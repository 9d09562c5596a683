import Foundation

extension JSONLDProcessor {
    /// Containers a term may declare: one keyword, or the combinations of §4.2.2 step 21.1.
    private static func isValidContainer(_ container: Set<String>) -> Bool {
        let single: Set<String> = ["@graph", "@id", "@index", "@language", "@list", "@set", "@type"]
        if container.count == 1 { return single.contains(container.first!) }
        if container.contains("@graph"), container.contains("@id") != container.contains("@index"),
           container.isSubset(of: ["@graph", "@id", "@index", "@set"]) {
            return true
        }
        return container.contains("@set") && container.isSubset(of: ["@set", "@index", "@graph", "@id", "@type", "@language"])
    }

    /// Create Term Definition, steps 21 to 27: container, index, scoped context, language,
    /// direction, nesting and prefix flag.
    func applyTermOptions(_ map: [String: JSONValue], to definition: inout TermDefinition, term: String,
                          active: ActiveContext, scope: ContextDefinitionScope) throws {
        if let value = map["@container"] {
            let entries: [JSONValue] = if case .array(let items) = value { items } else { [value] }
            let names = entries.compactMap(\.stringValue)
            let container = Set(names)
            guard names.count == entries.count, container.count == names.count, Self.isValidContainer(container) else {
                throw JSONLDError(.invalidContainerMapping, "\(term): \(value)")
            }
            if definition.isReverse, !container.isSubset(of: ["@set", "@index"]) {
                throw JSONLDError(.invalidReverseProperty, "\(term): a reverse property only takes @set or @index")
            }
            definition.container = container
            if container.contains("@type") {
                // Step 21.4: a type map indexes by IRI, so its values are node references.
                if definition.typeMapping == nil { definition.typeMapping = "@id" }
                guard definition.typeMapping == "@id" || definition.typeMapping == "@vocab" else {
                    throw JSONLDError(.invalidTypeMapping, "\(term): a type map needs @id or @vocab")
                }
            }
        }
        if let value = map["@index"] {
            guard definition.container.contains("@index"), case .string(let index) = value,
                  let expanded = active.expandIRI(index, vocab: true), IRI.isAbsolute(expanded) else {
                throw JSONLDError(.invalidTermDefinition, "\(term): invalid @index")
            }
            definition.index = index
        }
        if let context = map["@context"] {
            // Step 23: the scoped context is checked now but applied only where the term is used.
            do {
                _ = try processContext(active: active, local: context, baseURL: scope.baseURL, remoteContexts: scope.remoteContexts,
                                       overrideProtected: true, validateScopedContext: false)
            } catch let error as JSONLDError where error.code == .loadingRemoteContextFailed || error.code == .safeModeViolation {
                throw error
            } catch {
                throw JSONLDError(.invalidScopedContext, "\(term): \(error)")
            }
            definition.context = context
            definition.baseURL = scope.baseURL
        }
        if let value = map["@language"], map["@type"] == nil {
            switch value {
            case .null: definition.language = .some(nil)
            case .string(let language):
                if !Self.isWellFormedLanguage(language) { try warn(.invalidLanguageTag, language) }
                definition.language = .some(language.lowercased())
            default: throw JSONLDError(.invalidLanguageMapping, "\(term): \(value)")
            }
        }
        if let value = map["@direction"], map["@type"] == nil {
            switch value {
            case .null: definition.direction = .some(nil)
            case .string(let direction) where direction == "ltr" || direction == "rtl": definition.direction = .some(direction)
            default: throw JSONLDError(.invalidBaseDirection, "\(term): \(value)")
            }
        }
        if let value = map["@nest"] {
            guard case .string(let nest) = value, nest == "@nest" || !Keyword.isKeyword(nest) else {
                throw JSONLDError(.invalidNestValue, "\(term): \(value)")
            }
            definition.nest = nest
        }
        if let value = map["@prefix"] {
            guard !term.contains(":"), !term.contains("/") else {
                throw JSONLDError(.invalidTermDefinition, "\(term): a compact or absolute IRI cannot be a prefix")
            }
            guard case .bool(let flag) = value else { throw JSONLDError(.invalidPrefixValue, "\(term): \(value)") }
            definition.isPrefix = flag
            if flag, let iri = definition.iri, Keyword.isKeyword(iri) {
                throw JSONLDError(.invalidTermDefinition, "\(term): a keyword alias cannot be a prefix")
            }
        }
    }
}
