import Foundation

extension JSONLDProcessor {
    /// Step 13.7: a language map (`{"en": "…", "fr": "…"}`) becomes language-tagged strings.
    func expandLanguageMap(_ map: [String: JSONValue], definition: TermDefinition?, active: ActiveContext) throws -> JSONValue {
        var items: [JSONValue] = []
        let direction = definition?.direction ?? active.defaultDirection
        for language in map.keys.sorted() {
            for item in map[language]!.asArray {
                if item == .null { continue }
                guard case .string = item else { throw JSONLDError(.invalidLanguageMapValue, "\(language): \(item)") }
                var value: [String: JSONValue] = ["@value": item]
                if language != "@none", active.expandIRI(language, vocab: true) != "@none" {
                    if !Self.isWellFormedLanguage(language) { try warn(.invalidLanguageTag, language) }
                    value["@language"] = .string(language.lowercased())
                }
                if let direction { value["@direction"] = .string(direction) }
                items.append(.object(value))
            }
        }
        return .array(items)
    }

    /// Step 13.8: index, id and type maps (`{"key": node, …}`), whose keys become `@index`,
    /// `@id` or `@type` of the nodes, or the value of the property named by `@index`.
    func expandIndexMap(_ map: [String: JSONValue], key: String, container: Set<String>, definition: TermDefinition?,
                        frame: ExpansionFrame) throws -> JSONValue {
        let active = frame.active
        var items: [JSONValue] = []
        let indexKey = definition?.index ?? "@index"
        for index in map.keys.sorted() {
            var mapContext = active
            if container.contains("@id") || container.contains("@type") {
                mapContext = active.previousContext ?? active
            }
            if container.contains("@type"), let typeDefinition = mapContext.terms[index], let scoped = typeDefinition.context {
                mapContext = try processContext(active: mapContext, local: scoped, baseURL: typeDefinition.baseURL)
            }
            let expandedIndex = active.expandIRI(index, vocab: true)
            let values = try expand(active: mapContext, activeProperty: key, element: .array(map[index]!.asArray),
                                    baseURL: frame.baseURL, fromMap: true)
            for value in values?.asArray ?? [] {
                var item = value
                if container.contains("@graph"), !item.isGraphObject {
                    item = .object(["@graph": .array(item.asArray)])
                }
                if container.contains("@index"), indexKey != "@index", expandedIndex != "@none" {
                    // The key is the value of an ordinary property (`@index` names it).
                    let reexpanded = try expandValue(active: active, activeProperty: indexKey, value: .string(index))
                    guard let propertyIRI = active.expandIRI(indexKey, vocab: true) else { continue }
                    item[propertyIRI] = .array([reexpanded] + (item[propertyIRI]?.asArray ?? []))
                    if item.isValueObject, (item.objectValue?.count ?? 0) > 1 {
                        throw JSONLDError(.invalidValueObject, "\(item)")
                    }
                } else if container.contains("@index"), item["@index"] == nil, expandedIndex != "@none" {
                    item["@index"] = .string(index)
                } else if container.contains("@id"), item["@id"] == nil, expandedIndex != "@none" {
                    let id = active.expandIRI(index, documentRelative: true) ?? index
                    item["@id"] = .string(id)
                } else if container.contains("@type"), expandedIndex != "@none", let expandedIndex {
                    item["@type"] = .array([.string(expandedIndex)] + (item["@type"]?.asArray ?? []))
                }
                items.append(item)
            }
        }
        return .array(items)
    }
}
