import Foundation
import OpenBadges
import Testing

/// The W3C RDFC-1.0 test suite (w3c/rdf-canon `tests/`), run in full: evaluation tests
/// (canonical N-Quads byte for byte), map tests (issued identifiers) and the negative test
/// (a poison dataset that must be refused).
@Suite("W3C RDFC-1.0 test suite")
struct RDFCanonicalizationSuiteTests {
    struct Entry: CustomTestStringConvertible, Sendable {
        let id: String
        let type: String
        let name: String
        let action: String
        let result: String?
        let hashAlgorithm: String?
        var testDescription: String { "\(id) \(name)" }
    }

    static let entries: [Entry] = {
        guard let manifest = try? Fixtures.json("RDFC10/manifest.jsonld"), let list = manifest["entries"]?.arrayValue else { return [] }
        return list.map { entry in
            Entry(id: entry["id"]?.stringValue ?? "?", type: entry["type"]?.stringValue ?? "?", name: entry["name"]?.stringValue ?? "",
                  action: entry["action"]?.stringValue ?? "", result: entry["result"]?.stringValue,
                  hashAlgorithm: entry["hashAlgorithm"]?.stringValue)
        }
    }()

    @Test func theWholeSuiteIsPresent() {
        // 64 evaluation tests, 21 map tests, 1 negative test in the vendored manifest.
        #expect(Self.entries.count == 86)
        #expect(Self.entries.filter { $0.type == "rdfc:RDFC10EvalTest" }.count == 64)
        #expect(Self.entries.filter { $0.type == "rdfc:RDFC10MapTest" }.count == 21)
        #expect(Self.entries.filter { $0.type == "rdfc:RDFC10NegativeEvalTest" }.count == 1)
    }

    @Test(arguments: entries)
    func conformance(_ entry: Entry) throws {
        let input = try RDFDataset(nquads: Fixtures.text("RDFC10/" + entry.action))
        let canonicalizer = RDFCanonicalizer(hashAlgorithm: entry.hashAlgorithm == "SHA384" ? .sha384 : .sha256)
        switch entry.type {
        case "rdfc:RDFC10EvalTest":
            let expected = try Fixtures.text("RDFC10/" + entry.result!)
            #expect(try canonicalizer.canonicalNQuads(input) == expected)
        case "rdfc:RDFC10MapTest":
            let expected = try Fixtures.json("RDFC10/" + entry.result!).objectValue ?? [:]
            let issued = try canonicalizer.canonicalize(input).issuedIdentifiers
            #expect(issued == expected.mapValues { $0.stringValue ?? "" })
        case "rdfc:RDFC10NegativeEvalTest":
            #expect(throws: RDFCanonicalizationError.self) { try canonicalizer.canonicalize(input) }
        default:
            Issue.record("unknown test type \(entry.type)")
        }
    }
}
