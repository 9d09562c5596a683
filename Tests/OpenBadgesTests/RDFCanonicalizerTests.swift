import Foundation
import OpenBadges
import Testing

@Suite("RDF canonicalization and N-Quads")
struct RDFCanonicalizerTests {
    let canonicalizer = RDFCanonicalizer()

    @Test func isomorphicDatasetsCanonicalizeAlike() throws {
        // The same two-node cycle with different labels and quad order.
        let first = try RDFDataset(nquads: """
            _:x <http://ex/p> _:y .
            _:y <http://ex/p> _:x .
            _:x <http://ex/name> "a" .
            """)
        let second = try RDFDataset(nquads: """
            _:n2 <http://ex/name> "a" .
            _:n9 <http://ex/p> _:n2 .
            _:n2 <http://ex/p> _:n9 .
            """)
        let canonical = try canonicalizer.canonicalNQuads(first)
        #expect(try canonicalizer.canonicalNQuads(second) == canonical)
        #expect(canonical == """
            _:c14n0 <http://ex/name> "a" .
            _:c14n0 <http://ex/p> _:c14n1 .
            _:c14n1 <http://ex/p> _:c14n0 .

            """)
        // A change of literal gives another form.
        let third = try RDFDataset(nquads: second.nquads.replacingOccurrences(of: "\"a\"", with: "\"b\""))
        #expect(try canonicalizer.canonicalNQuads(third) != canonical)
    }

    @Test func tiedBlankNodesNeedTheNDegreeHash() throws {
        // Four nodes in a square: every first-degree hash is the same, only paths tell them apart.
        let square = try RDFDataset(nquads: """
            _:a <http://ex/next> _:b .
            _:b <http://ex/next> _:c .
            _:c <http://ex/next> _:d .
            _:d <http://ex/next> _:a .
            _:a <http://ex/mark> "start" .
            """)
        let relabelled = try RDFDataset(nquads: """
            _:q <http://ex/next> _:r .
            _:p <http://ex/next> _:q .
            _:s <http://ex/mark> "start" .
            _:r <http://ex/next> _:s .
            _:s <http://ex/next> _:p .
            """)
        let result = try canonicalizer.canonicalize(square)
        #expect(try canonicalizer.canonicalNQuads(relabelled) == result.nquads)
        #expect(Set(result.issuedIdentifiers.values) == ["c14n0", "c14n1", "c14n2", "c14n3"])
        #expect(result.dataset.count == 5)
    }

    @Test func literalsUseTheCanonicalEscapes() throws {
        let dataset = RDFDataset(quads: [
            RDFQuad(subject: .iri("http://ex/s"), predicate: .iri("http://ex/p"),
                    object: .string("quote \" backslash \\ nl \n cr \r tab \t bs \u{08} ff \u{0C} nul \u{00} us \u{1F} del \u{7F} é 🌃")),
            RDFQuad(subject: .iri("http://ex/s"), predicate: .iri("http://ex/p"), object: .literal("chat", datatype: RDFVocabulary.langString, language: "fr")),
            RDFQuad(subject: .iri("http://ex/s"), predicate: .iri("http://ex/p"), object: .literal("1", datatype: RDFVocabulary.xsdInteger)),
        ])
        #expect(try canonicalizer.canonicalNQuads(dataset) == """
            <http://ex/s> <http://ex/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .
            <http://ex/s> <http://ex/p> "chat"@fr .
            <http://ex/s> <http://ex/p> "quote \\" backslash \\\\ nl \\n cr \\r tab \\t bs \\b ff \\f nul \\u0000 us \\u001F del \\u007F é 🌃" .

            """)
        // What is written reads back as the same dataset.
        #expect(try RDFDataset(nquads: dataset.nquads) == dataset)
    }

    @Test func quadsAreASet() throws {
        let dataset = try RDFDataset(nquads: "<http://ex/s> <http://ex/p> _:o .\n<http://ex/s> <http://ex/p> _:o .\n")
        #expect(dataset.count == 1)
        // Canonically equivalent but different strings stay different terms.
        let composed = RDFQuad(subject: .iri("http://ex/s"), predicate: .iri("http://ex/p"), object: .string("\u{E9}"))
        let decomposed = RDFQuad(subject: .iri("http://ex/s"), predicate: .iri("http://ex/p"), object: .string("e\u{301}"))
        #expect(RDFDataset(quads: [composed, decomposed]).count == 2)
    }

    @Test(arguments: [
        "<http://ex/s> <http://ex/p> <http://ex/o>",
        "\"lit\" <http://ex/p> <http://ex/o> .",
        "<http://ex/s> _:p <http://ex/o> .",
        "<http://ex/s> <http://ex/p> \"unterminated .",
        "<http://ex/s> <http://ex/p> <http://ex/o> <http://ex/g> <http://ex/x> .",
        "<http://ex/s p> <http://ex/p> <http://ex/o> .",
    ])
    func invalidNQuadsAreRefused(_ line: String) {
        #expect(throws: NQuadsParseError.self) { try RDFDataset(nquads: line) }
    }

    @Test func aPoisonDatasetIsStoppedByTheWorkLimit() throws {
        // Eight blank nodes all linked to all: the permutations grow factorially.
        let nodes = (0..<8).map { "_:n\($0)" }
        var lines = ""
        for a in nodes { for b in nodes where a != b { lines += "\(a) <http://ex/p> \(b) .\n" } }
        let dataset = try RDFDataset(nquads: lines)
        #expect(throws: RDFCanonicalizationError.self) { try RDFCanonicalizer(workLimit: 2_000).canonicalize(dataset) }
    }
}
