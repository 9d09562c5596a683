import Foundation

extension JSONLDProcessor {
    /// Context Processing (JSON-LD 1.1 API §4.1.2): the active context after applying `local`.
    ///
    /// The result depends only on the arguments and the loader's documents, so it is taken from
    /// `JSONLDContextCache` when the same context was processed before from the same context:
    /// building the term definitions of the Verifiable Credentials and Open Badges contexts is
    /// most of the work of canonicalizing a credential otherwise.
    func processContext(active: ActiveContext, local: JSONValue, baseURL: String?, remoteContexts: [String] = [],
                        overrideProtected: Bool = false, propagate: Bool = true,
                        validateScopedContext: Bool = true) throws -> ActiveContext {
        guard let loader = options.contextLoader.cacheIdentity, let activeID = active.cacheID else {
            return try processContextUncached(active: active, local: local, baseURL: baseURL, remoteContexts: remoteContexts,
                                              overrideProtected: overrideProtected, propagate: propagate,
                                              validateScopedContext: validateScopedContext)
        }
        let key = JSONLDContextCache.Key(loader: loader, activeID: activeID, activeBase: active.base, originalBase: active.originalBase,
                                         local: local, baseURL: baseURL, remoteContexts: remoteContexts,
                                         overrideProtected: overrideProtected, propagate: propagate,
                                         validateScopedContext: validateScopedContext)
        if let cached = JSONLDContextCache.shared.context(for: key) { return cached }
        let warningsBefore = warnings.count
        let result = try processContextUncached(active: active, local: local, baseURL: baseURL, remoteContexts: remoteContexts,
                                                overrideProtected: overrideProtected, propagate: propagate,
                                                validateScopedContext: validateScopedContext)
        // A context that warned is not kept: taken from the cache it would not warn again.
        guard warnings.count == warningsBefore else { return result }
        return JSONLDContextCache.shared.store(result, for: key)
    }

    private func processContextUncached(active: ActiveContext, local: JSONValue, baseURL: String?, remoteContexts: [String],
                                        overrideProtected: Bool, propagate: Bool,
                                        validateScopedContext: Bool) throws -> ActiveContext {
        var result = active
        var propagate = propagate
        let contexts: [JSONValue] = if case .array(let items) = local { items } else { [local] }
        // Step 2: `@propagate` of the (first) context definition decides for the whole list.
        if case .object(let first) = contexts.first, let value = first["@propagate"] {
            guard case .bool(let flag) = value else { throw JSONLDError(.invalidPropagateValue, "\(value)") }
            propagate = flag
        }
        // Step 3: a non-propagated context remembers where to return to.
        if !propagate, result.previousContext == nil { result.previousContext = active }
        for context in contexts {
            switch context {
            case .null:
                // Step 5.1: reset, unless that would discard protected terms.
                guard overrideProtected || !result.hasProtectedTerms else {
                    throw JSONLDError(.invalidContextNullification, "a null context cannot drop protected terms")
                }
                let previous = result
                result = ActiveContext(base: active.originalBase)
                if !propagate { result.previousContext = previous }
            case .string(let reference):
                // Step 5.2: a context URL, loaded once, processed with its own URL as base.
                let url = IRI.resolve(reference, against: baseURL)
                if !validateScopedContext, remoteContexts.contains(url) { continue }
                guard remoteContexts.count < Self.maximumRemoteContexts else {
                    throw JSONLDError(.contextOverflow, "too many nested contexts at \(url)")
                }
                let loaded = try loadRemoteContext(url)
                result = try processContext(active: result, local: loaded, baseURL: url, remoteContexts: remoteContexts + [url],
                                            overrideProtected: overrideProtected, validateScopedContext: validateScopedContext)
            case .object(let definition):
                result = try processContextDefinition(definition, into: result, baseURL: baseURL, remoteContexts: remoteContexts,
                                                      overrideProtected: overrideProtected)
            default:
                throw JSONLDError(.invalidLocalContext, "a context must be an object, a URL or null, not \(context)")
            }
        }
        return result
    }

    /// Steps 5.5 to 5.13 for one context definition (a JSON object).
    private func processContextDefinition(_ definition: [String: JSONValue], into active: ActiveContext, baseURL: String?,
                                          remoteContexts: [String], overrideProtected: Bool) throws -> ActiveContext {
        var result = active
        var definition = definition
        if let version = definition["@version"], version != .double(1.1) {
            throw JSONLDError(.invalidVersionValue, "\(version)")
        }
        if let value = definition["@import"] {
            // Step 5.6: the imported context, overridden by this one's own entries.
            guard case .string(let reference) = value else { throw JSONLDError(.invalidImportValue, "\(value)") }
            let url = IRI.resolve(reference, against: baseURL)
            guard case .object(let imported) = try loadRemoteContext(url) else {
                throw JSONLDError(.invalidRemoteContext, "\(url) is not a context definition")
            }
            guard imported["@import"] == nil else { throw JSONLDError(.invalidContextEntry, "\(url) imports another context") }
            definition = imported.merging(definition) { _, own in own }
        }
        if let value = definition["@base"], remoteContexts.isEmpty {
            // Step 5.7: only a context in the document itself may change the base IRI.
            switch value {
            case .null: result.base = nil
            case .string(let iri) where IRI.isAbsolute(iri): result.base = iri
            case .string(let iri) where result.base != nil: result.base = IRI.resolve(iri, against: result.base)
            default: throw JSONLDError(.invalidBaseIRI, "\(value)")
            }
        }
        if let value = definition["@vocab"] {
            switch value {
            case .null: result.vocabulary = nil
            case .string(let iri):
                guard let vocabulary = result.expandIRI(iri, documentRelative: true, vocab: true) else {
                    throw JSONLDError(.invalidVocabMapping, iri)
                }
                if !IRI.isAbsolute(vocabulary) { try warn(.relativeVocabReference, vocabulary) }
                result.vocabulary = vocabulary
            default: throw JSONLDError(.invalidVocabMapping, "\(value)")
            }
        }
        if let value = definition["@language"] {
            switch value {
            case .null: result.defaultLanguage = nil
            case .string(let language):
                if !Self.isWellFormedLanguage(language) { try warn(.invalidLanguageTag, language) }
                // Lower case, as jsonld.js and pyld do (allowed by the API): tags then compare alike.
                result.defaultLanguage = language.lowercased()
            default: throw JSONLDError(.invalidDefaultLanguage, "\(value)")
            }
        }
        if let value = definition["@direction"] {
            switch value {
            case .null: result.defaultDirection = nil
            case .string(let direction) where direction == "ltr" || direction == "rtl": result.defaultDirection = direction
            default: throw JSONLDError(.invalidBaseDirection, "\(value)")
            }
        }
        if let value = definition["@propagate"], value.boolValue == nil {
            throw JSONLDError(.invalidPropagateValue, "\(value)")
        }
        // Steps 5.12–5.13: every other entry defines a term.
        if let value = definition["@protected"], value.boolValue == nil {
            throw JSONLDError(.invalidProtectedValue, "\(value)")
        }
        var scope = ContextDefinitionScope(local: definition, baseURL: baseURL, isProtected: definition["@protected"]?.boolValue ?? false,
                                           overrideProtected: overrideProtected, remoteContexts: remoteContexts)
        let reserved: Set<String> = ["@base", "@direction", "@import", "@language", "@propagate", "@protected", "@version", "@vocab"]
        for term in definition.keys.sorted() where !reserved.contains(term) {
            try createTermDefinition(term, active: &result, scope: &scope)
        }
        return result
    }

    /// BCP 47 well-formedness as jsonld.js checks it: letters, then dash-separated alphanumerics.
    static func isWellFormedLanguage(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (1...8).contains(first.count), first.unicodeScalars.allSatisfy(\.isASCIILetter) else {
            return false
        }
        return parts.dropFirst().allSatisfy {
            (1...8).contains($0.count) && $0.unicodeScalars.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit }
        }
    }
}
