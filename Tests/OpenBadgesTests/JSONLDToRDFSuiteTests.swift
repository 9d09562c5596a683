import Foundation
import OpenBadges
import Testing

/// The W3C JSON-LD 1.1 "toRdf" test suite (w3c/json-ld-api `tests/toRdf`), for the features
/// this library implements. Results are compared as datasets (canonical N-Quads on both sides),
/// errors by their JSON-LD error code.
@Suite("W3C JSON-LD toRdf test suite")
struct JSONLDToRDFSuiteTests {
    static let baseIRI = "https://w3c.github.io/json-ld-api/tests/"

    struct Entry: CustomTestStringConvertible, Sendable {
        let id: String
        let name: String
        let kind: String
        let input: String
        let expect: String?
        let errorCode: String?
        let options: JSONValue
        var testDescription: String { "\(id) \(name)" }
    }

    /// Why a test is not run: features outside this library's scope.
    static func unsupported(_ entry: Entry) -> String? {
        let options = entry.options
        if options["specVersion"] == "json-ld-1.0" || options["processingMode"] == "json-ld-1.0" { return "JSON-LD 1.0 processing mode" }
        if options["produceGeneralizedRdf"] == true { return "generalized RDF" }
        if entry.input.hasSuffix(".html") { return "HTML documents" }
        return nil
    }

    static let allEntries: [Entry] = {
        guard let manifest = try? Fixtures.json("JSONLDToRDF/toRdf-manifest.jsonld"), let sequence = manifest["sequence"]?.arrayValue else { return [] }
        return sequence.map { test in
            let types = test["@type"]?.asArray.compactMap(\.stringValue) ?? []
            return Entry(id: test["@id"]?.stringValue ?? "?", name: test["name"]?.stringValue ?? "",
                         kind: types.first { $0 != "jld:ToRDFTest" } ?? "?", input: test["input"]?.stringValue ?? "",
                         expect: test["expect"]?.stringValue, errorCode: test["expectErrorCode"]?.stringValue, options: test["option"] ?? [:])
        }
    }()

    static let entries = allEntries.filter { unsupported($0) == nil }

    /// Inputs the manifest names from outside the vendored sections, and the vendored file that
    /// holds the same test. `#ter56` ("Invalid redefinition of @context keyword") names the expand
    /// section's input; the toRdf section carries that test's input as `toRdf/er56-in.jsonld`,
    /// which no entry refers to. The entry's base IRI stays the one the manifest implies.
    static let relocatedInputs = ["expand/er56-in.jsonld": "toRdf/er56-in.jsonld"]

    /// Every file of the suite, by URL: documents refer to their contexts by relative URL.
    struct SuiteLoader: JSONLDContextLoader {
        /// With a name, processed contexts are kept in the process-wide cache.
        var cacheIdentity: String?

        func loadContext(_ url: String) throws -> JSONValue {
            guard url.hasPrefix(JSONLDToRDFSuiteTests.baseIRI + "toRdf/") else {
                throw JSONLDError(.loadingRemoteContextFailed, "\(url) is not part of the suite")
            }
            return try Fixtures.json("JSONLDToRDF/" + url.dropFirst(JSONLDToRDFSuiteTests.baseIRI.count))
        }
    }

    @Test func mostOfTheSuiteRuns() {
        #expect(Self.allEntries.count == 467)
        #expect(Self.entries.count >= 440)
    }

    /// Each test runs without the context cache, then twice with it (filling it, then reading
    /// from it): a context taken from the cache must give the very same results and errors.
    @Test(arguments: entries)
    func conformance(_ entry: Entry) throws {
        try check(entry, loader: SuiteLoader())
        try check(entry, loader: SuiteLoader(cacheIdentity: "w3c-toRdf-suite"))
        try check(entry, loader: SuiteLoader(cacheIdentity: "w3c-toRdf-suite"))
    }

    func check(_ entry: Entry, loader: SuiteLoader) throws {
        var options = JSONLDOptions(base: entry.options["base"]?.stringValue ?? Self.baseIRI + entry.input, contextLoader: loader)
        if let expandContext = entry.options["expandContext"]?.stringValue {
            options.expandContext = try Fixtures.json("JSONLDToRDF/" + expandContext)
        }
        if let direction = entry.options["rdfDirection"]?.stringValue {
            options.rdfDirection = JSONLDOptions.RDFDirection(rawValue: direction)
        }
        let document = try Fixtures.json("JSONLDToRDF/" + (Self.relocatedInputs[entry.input] ?? entry.input))
        switch entry.kind {
        case "jld:PositiveEvaluationTest":
            let canonicalizer = RDFCanonicalizer()
            let actual = try canonicalizer.canonicalNQuads(JSONLD.toRDF(document, options: options))
            let expected = try canonicalizer.canonicalNQuads(RDFDataset(nquads: Fixtures.text("JSONLDToRDF/" + entry.expect!)))
            #expect(actual == expected)
        case "jld:PositiveSyntaxTest":
            _ = try JSONLD.toRDF(document, options: options)
        case "jld:NegativeEvaluationTest":
            do {
                let dataset = try JSONLD.toRDF(document, options: options)
                Issue.record("expected \(entry.errorCode ?? "an error"), got \(dataset.count) quads")
            } catch let error as JSONLDError {
                #expect(error.code.rawValue == entry.errorCode, "\(error)")
            }
        default:
            Issue.record("unknown test kind \(entry.kind)")
        }
    }
}
