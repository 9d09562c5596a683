import Foundation
import OpenBadges
import Testing

@Suite("JSON-LD to RDF")
struct JSONLDToRDFTests {
    /// Canonical N-Quads of a document, so expectations do not depend on blank node numbering.
    func nquads(_ json: String, options: JSONLDOptions = JSONLDOptions()) throws -> String {
        try RDFCanonicalizer().canonicalNQuads(JSONLD.toRDF(JSONValue(json: json), options: options))
    }

    let xsd = "http://www.w3.org/2001/XMLSchema#"

    @Test func scalarsBecomeCanonicalLiterals() throws {
        let result = try nquads("""
            {"@context": {"@vocab": "http://ex/", "xsd": "http://www.w3.org/2001/XMLSchema#", "date": {"@type": "xsd:dateTime"},
                          "tag": {"@type": "@vocab"}, "ref": {"@type": "@id"}},
             "@id": "http://ex/s", "n": 5, "d": 1.5, "big": 1e21, "whole": 2.0, "b": true, "s": "x",
             "date": "2024-01-01T00:00:00Z", "tag": "Red", "ref": "http://ex/o"}
            """)
        #expect(result == """
            <http://ex/s> <http://ex/b> "true"^^<\(xsd)boolean> .
            <http://ex/s> <http://ex/big> "1.0E21"^^<\(xsd)double> .
            <http://ex/s> <http://ex/d> "1.5E0"^^<\(xsd)double> .
            <http://ex/s> <http://ex/date> "2024-01-01T00:00:00Z"^^<\(xsd)dateTime> .
            <http://ex/s> <http://ex/n> "5"^^<\(xsd)integer> .
            <http://ex/s> <http://ex/ref> <http://ex/o> .
            <http://ex/s> <http://ex/s> "x" .
            <http://ex/s> <http://ex/tag> <http://ex/Red> .
            <http://ex/s> <http://ex/whole> "2"^^<\(xsd)integer> .

            """)
    }

    @Test func jsonLiteralsUseTheCanonicalJSONForm() throws {
        let result = try nquads("""
            {"@context": {"data": {"@id": "http://ex/data", "@type": "@json"}},
             "@id": "http://ex/s", "data": {"b": [1, 2.50, "é", true], "a": null}}
            """)
        #expect(result == "<http://ex/s> <http://ex/data> \"{\\\"a\\\":null,\\\"b\\\":[1,2.5,\\\"é\\\",true]}\"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON> .\n")
    }

    @Test func languagesAndLists() throws {
        let result = try nquads("""
            {"@context": {"@vocab": "http://ex/", "@language": "FR", "l": {"@container": "@list"}, "code": {"@language": null}},
             "@id": "http://ex/s", "label": "chat", "code": "x1", "l": ["a", {"@value": "b", "@language": "en"}]}
            """)
        #expect(result == """
            <http://ex/s> <http://ex/code> "x1" .
            <http://ex/s> <http://ex/l> _:c14n1 .
            <http://ex/s> <http://ex/label> "chat"@fr .
            _:c14n0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> "b"@en .
            _:c14n0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .
            _:c14n1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> "a"@fr .
            _:c14n1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> _:c14n0 .

            """)
    }

    @Test func protectedTermsCannotBeRedefinedDifferently() throws {
        let same = #"{"@context": [{"@protected": true, "name": "http://ex/name"}, {"name": {"@id": "http://ex/name"}}], "name": "x"}"#
        #expect(try JSONLD.toRDF(JSONValue(json: same)).count == 1)
        let different = #"{"@context": [{"@protected": true, "name": "http://ex/name"}, {"name": "http://other/name"}], "name": "x"}"#
        #expect(throws: JSONLDError(.protectedTermRedefinition, "name")) { try JSONLD.toRDF(JSONValue(json: different)) }
        // A property-scoped context may override protected terms for its property's value.
        let scoped = """
            {"@context": [{"@protected": true, "name": "http://ex/name", "p": {"@id": "http://ex/p", "@context": {"name": "http://other/name"}}}],
             "@id": "http://ex/s", "p": {"name": "inner"}}
            """
        #expect(try nquads(scoped).contains("<http://other/name> \"inner\""))
    }

    @Test func typeScopedContextsDoNotPropagateUnlessAsked() throws {
        func document(propagate: Bool) -> String {
            """
            {"@context": {"@vocab": "http://ex/", "T": {"@id": "http://ex/T", "@context": {"@propagate": \(propagate), "inner": "http://scoped/inner"}}},
             "@id": "http://ex/s", "@type": "T", "inner": "x", "child": {"@id": "http://ex/c", "inner": "y"}}
            """
        }
        let local = try nquads(document(propagate: false))
        #expect(local.contains("<http://ex/s> <http://scoped/inner> \"x\""))
        #expect(local.contains("<http://ex/c> <http://ex/inner> \"y\""))
        let propagated = try nquads(document(propagate: true))
        #expect(propagated.contains("<http://ex/c> <http://scoped/inner> \"y\""))
    }

    @Test func propertyScopedContextsReachNestedNodes() throws {
        let result = try nquads("""
            {"@context": {"@vocab": "http://ex/", "p": {"@id": "http://ex/p", "@context": {"q": "http://scoped/q"}}},
             "@id": "http://ex/s", "p": {"@id": "http://ex/o", "q": "v", "r": {"@id": "http://ex/r", "q": "w"}}, "q": "outside"}
            """)
        #expect(result.contains("<http://ex/o> <http://scoped/q> \"v\""))
        #expect(result.contains("<http://ex/r> <http://scoped/q> \"w\""))
        #expect(result.contains("<http://ex/s> <http://ex/q> \"outside\""))
    }

    @Test func nestReverseIncludedAndRelativeIdentifiers() throws {
        let result = try nquads("""
            {"@context": {"@vocab": "http://ex/", "meta": "@nest", "parentOf": {"@reverse": "http://ex/child"}},
             "@id": "../x", "meta": {"a": 1}, "parentOf": {"@id": "kid"}, "@included": [{"@id": "http://ex/other", "a": 2}]}
            """, options: JSONLDOptions(base: "http://ex/dir/doc"))
        #expect(result == """
            <http://ex/dir/kid> <http://ex/child> <http://ex/x> .
            <http://ex/other> <http://ex/a> "2"^^<\(xsd)integer> .
            <http://ex/x> <http://ex/a> "1"^^<\(xsd)integer> .

            """)
    }

    @Test func proofIsAGraphContainer() throws {
        let credential = """
            {"@context": ["https://www.w3.org/ns/credentials/v2"], "id": "urn:uuid:1", "type": ["VerifiableCredential"],
             "issuer": "did:example:issuer", "credentialSubject": {"id": "did:example:subject"},
             "proof": {"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "created": "2024-01-01T00:00:00Z",
                       "verificationMethod": "did:example:issuer#key", "proofPurpose": "assertionMethod", "proofValue": "z1"}}
            """
        let result = try nquads(credential, options: .safe)
        #expect(result.contains("<urn:uuid:1> <https://w3id.org/security#proof> _:c14n0 .\n"))
        #expect(result.contains("_:c14n1 <https://w3id.org/security#proofPurpose> <https://w3id.org/security#assertionMethod> _:c14n0 .\n"))
        #expect(result.contains("_:c14n1 <https://w3id.org/security#proofValue> \"z1\"^^<https://w3id.org/security#multibase> _:c14n0 .\n"))
        #expect(result.contains("<urn:uuid:1> <https://www.w3.org/2018/credentials#issuer> <did:example:issuer> .\n"))
    }

    @Test func unknownContextURLsAreRefusedClearly() throws {
        let document = try JSONValue(json: #"{"@context": ["https://www.w3.org/ns/credentials/v2", "https://example.org/my-context.jsonld"], "name": "x"}"#)
        do {
            _ = try JSONLD.toRDF(document)
            Issue.record("an unknown context was accepted")
        } catch let error as JSONLDError {
            #expect(error.code == .loadingRemoteContextFailed)
            #expect(error.description.contains("https://example.org/my-context.jsonld"))
            #expect(error.description.contains("never fetched"))
        }
        // Contexts given by the application are used before the bundled ones.
        let loader = InMemoryContextLoader(documents: ["https://example.org/my-context.jsonld": ["@context": ["nick": "http://ex/nick"]]])
        let dataset = try JSONLD.toRDF(JSONValue(json: #"{"@context": "https://example.org/my-context.jsonld", "@id": "http://ex/s", "nick": "x"}"#),
                                       options: JSONLDOptions(contextLoader: loader))
        #expect(dataset.count == 1)
    }

    @Test func safeModeRefusesWhatWouldBeDropped() throws {
        let cases: [(String, JSONLDWarning.Kind)] = [
            (#"{"@context": {"@vocab": null, "a": "http://ex/a"}, "@id": "http://ex/s", "a": 1, "favouriteColour": "blue"}"#, .undefinedTerm),
            (#"{"@context": "https://www.w3.org/ns/credentials/v2", "id": "urn:x", "type": ["VerifiableCredential", "MadeUp"]}"#, .relativeTypeReference),
            (#"{"@context": "https://www.w3.org/ns/credentials/v2", "id": "relative/id", "type": "VerifiableCredential"}"#, .relativeIdReference),
        ]
        for (json, kind) in cases {
            let document = try JSONValue(json: json)
            #expect(try JSONLD.warnings(for: document).map(\.kind).contains(kind), "\(json)")
            #expect(throws: JSONLDError.self) { try JSONLD.toRDF(document, options: .safe) }
        }
        let clean = try JSONValue(json: #"{"@context": "https://www.w3.org/ns/credentials/v2", "id": "urn:x", "type": "VerifiableCredential", "name": "n"}"#)
        #expect(try JSONLD.warnings(for: clean).isEmpty)
    }

    @Test func expansionGivesTheExpandedForm() throws {
        let expanded = try JSONLD.expand(JSONValue(json: #"{"@context": {"name": "http://ex/name"}, "@id": "http://ex/s", "@type": "http://ex/T", "name": "x"}"#))
        #expect(expanded == [["@id": "http://ex/s", "@type": ["http://ex/T"], "http://ex/name": [["@value": "x"]]]])
    }
}
