import Foundation

/// One run of JSON-LD processing: expansion (JSON-LD 1.1 API §5.1) and deserialization to RDF
/// (§8.1), sharing the options, the warnings and the contexts loaded so far.
///
/// The algorithms follow the specification's numbered steps, which the comments cite, so the
/// code can be checked against it line by line. Not covered: compaction, framing, flattening
/// output, `json-ld-1.0` processing mode, remote documents other than contexts, generalized RDF.
final class JSONLDProcessor {
    let options: JSONLDOptions
    private(set) var warnings: [JSONLDWarning] = []
    /// Remote contexts already dereferenced, by URL (§4.1.2 step 5.2.4: never load twice).
    private var loadedContexts: [String: JSONValue] = [:]
    /// Blank node identifiers for node map generation and RDF lists.
    var blankNodeIssuer = BlankNodeIssuer(prefix: "_:b")

    /// A processor-defined limit on nested context references (§4.1.2 step 5.2.3).
    static let maximumRemoteContexts = 32

    init(options: JSONLDOptions) {
        self.options = options
    }

    /// Records something dropped; in safe mode, refuses it instead.
    func warn(_ kind: JSONLDWarning.Kind, _ subject: String) throws {
        let warning = JSONLDWarning(kind, subject)
        if options.safeMode {
            throw JSONLDError(.safeModeViolation, warning.description)
        }
        warnings.append(warning)
    }

    /// The `@context` value of the document at `url`, loaded through the options' loader once.
    func loadRemoteContext(_ url: String) throws -> JSONValue {
        if let context = loadedContexts[url] { return context }
        let document: JSONValue
        do {
            document = try options.contextLoader.loadContext(url)
        } catch let error as JSONLDError {
            throw error
        } catch {
            throw JSONLDError(.loadingRemoteContextFailed, "\(url): \(error)")
        }
        guard let context = document["@context"] else {
            throw JSONLDError(.invalidRemoteContext, "\(url) has no top-level @context")
        }
        loadedContexts[url] = context
        return context
    }

    /// The expansion algorithm applied to a whole document, with the final clean-up of §9.2:
    /// the result is always an array of node objects.
    func expandDocument(_ document: JSONValue) throws -> [JSONValue] {
        var active = ActiveContext(base: options.base)
        if let expandContext = options.expandContext {
            let local = expandContext["@context"] ?? expandContext
            active = try processContext(active: active, local: local, baseURL: options.base)
        }
        guard var expanded = try expand(active: active, activeProperty: nil, element: document, baseURL: options.base) else {
            return []
        }
        if case .object(let object) = expanded, object.count == 1, let graph = object["@graph"] {
            expanded = graph
        }
        return expanded.asArray
    }

    /// Expands and deserializes a document to an RDF dataset.
    func toRDF(_ document: JSONValue) throws -> RDFDataset {
        let expanded = try expandDocument(document)
        var nodeMap = JSONLDNodeMap(issuer: blankNodeIssuer)
        try nodeMap.add(.array(expanded))
        blankNodeIssuer = nodeMap.issuer
        return try deserialize(nodeMap)
    }
}
