import Foundation
import OpenBadges
import Testing

/// 1EdTech's Linked Data Proof test vectors (Open Badges 3.0 and CLR 2.0), reproduced step by
/// step: canonical N-Quads of the document and of the proof options, both hashes, the signature
/// and the proof value. See `Resources/DataIntegrity/SOURCE.md`.
@Suite("1EdTech eddsa-rdfc-2022 test vectors")
struct DataIntegrityVectorTests {
    struct Vector: CustomTestStringConvertible, Sendable {
        let name: String
        let documentHash: String
        let proofHash: String
        let signature: String
        let proofValue: String
        var testDescription: String { name }

        func signed() throws -> JSONValue { try Fixtures.json("DataIntegrity/\(name)-vector-signed.json") }
        func documentCanon() throws -> String { try Fixtures.text("DataIntegrity/\(name)-vector-document-canon.nq") }
        func proofCanon() throws -> String { try Fixtures.text("DataIntegrity/\(name)-vector-proof-canon.nq") }
    }

    static let vectors = [
        Vector(name: "ob3", documentHash: "87f65a76d40146205e3b3e06cb0fbd153f97f9ce70372390f52566bb7f9e0773",
               proofHash: "d34009cea0dbc1ca941e09dc01c8c9d3e3ce3c5b853f67ee44698dcea10f5d19",
               signature: "f7a017acf7d27983267ec362657c0fb08e955549f49dac5bf36a03c4f2c3a4f1e3738a6c5ecd7ffba7135cb9cd754e6196f4b73082ea8df8e703c8ecd4333503",
               proofValue: "z5x9aCBYovW3CQCbKdNyhEm7ffYSw1YpEdPywQJoNbzDD2gkzQDKJ1sYKJaWvqZtkMtSbz35HcbgXVEDYHxCzgkCr"),
        Vector(name: "clr", documentHash: "768d7015ae69e0210e1c2a45194d9c1d15d7a6022e52b946574a2a27f6fa85fe",
               proofHash: "d34009cea0dbc1ca941e09dc01c8c9d3e3ce3c5b853f67ee44698dcea10f5d19",
               signature: "0c220dadbcfcaa64ab8a8c5002dbe258e6c7746ca71c25e2ea3b7fbffd66568413f53b1d34f5655f3057864bd372bbf0d1e74ea2f8c72e2f4b5790f21a22b70a",
               proofValue: "zF52sU1nfPAjcwCqtgxPNSor6SJnAzRBwZW5VNQXPt8xXCHkd39sgqj32DnMjhFCzbyHsLkhQ8HpBqQTkMgXy329"),
    ]

    /// The vectors' key pair (public key `z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi`).
    static let secretKey = "zrv2bqTbNwCTsRrHFcJCPjVAduh4Ezcnoq1A3ZxH1GWTNkxipLVuaAoMFmze2gFN9oNXfJjufxSHWVZzsJiUsMHFMcx"

    /// The signed document without its proof, and its (only) proof.
    func parts(_ vector: Vector) throws -> (unsecured: JSONValue, proof: JSONValue) {
        var unsecured = try vector.signed()
        let proof = try #require(unsecured["proof"]?.asArray.first)
        unsecured["proof"] = nil
        return (unsecured, proof)
    }

    @Test(arguments: vectors)
    func canonicalFormsAndHashesMatchByteForByte(_ vector: Vector) throws {
        let (unsecured, proof) = try parts(vector)
        let canonicalDocument = try EdDSARDFC2022.transform(unsecured)
        #expect(canonicalDocument == (try vector.documentCanon()))
        let canonicalProof = try EdDSARDFC2022.canonicalProofConfiguration(proof, documentContext: unsecured["@context"])
        #expect(canonicalProof == (try vector.proofCanon()))
        let hashData = EdDSARDFC2022.hashData(canonicalDocument: canonicalDocument, canonicalProofConfiguration: canonicalProof)
        #expect(hashData.count == 64)
        #expect(Fixtures.hex(hashData.prefix(32)) == vector.proofHash, "the proof configuration hash comes first")
        #expect(Fixtures.hex(hashData.suffix(32)) == vector.documentHash)
        #expect(Base58.multibase(Fixtures.bytes(hex: vector.signature)) == vector.proofValue)
    }

    @Test(arguments: vectors)
    func signingReproducesTheProof(_ vector: Vector) throws {
        let (unsecured, proof) = try parts(vector)
        let key = try Multikey.decodePrivateKey(Self.secretKey)
        let created = try Date(#require(proof["created"]?.stringValue), strategy: .iso8601)
        let method = try #require(proof["verificationMethod"]?.stringValue)
        let signed = try DataIntegrityProof.sign(document: unsecured, privateKey: key, verificationMethod: method, created: created)
        let ourProof = try #require(signed["proof"])
        for member in ["type", "cryptosuite", "created", "verificationMethod", "proofPurpose"] {
            #expect(ourProof[member] == proof[member], "\(member)")
        }
        // Both signatures verify, the vector's and ours.
        #expect(DataIntegrityProof.verify(document: try vector.signed(), publicKey: key.publicKey).isValid)
        #expect(DataIntegrityProof.verify(document: signed, publicKey: key.publicKey).isValid)
        // Ed25519 (RFC 8032) is deterministic, so the proof value must be the vector's byte for byte.
        // (Apple's CryptoKit adds randomness to its signatures; where it is the backend, two
        // signatures differ, and only verification can be compared.)
        let again = try DataIntegrityProof.sign(document: unsecured, privateKey: key, verificationMethod: method, created: created)
        if again["proof"]?["proofValue"] == ourProof["proofValue"] {
            #expect(ourProof["proofValue"] == .string(vector.proofValue))
            #expect(Fixtures.hex(try Base58.decodeMultibase(vector.proofValue)) == vector.signature)
        } else {
            #if os(Linux)
            Issue.record("Ed25519 signatures are not deterministic on this platform")
            #endif
        }
    }

    @Test func theSignedOpenBadgeIsReproducedWhole() throws {
        let vector = Self.vectors[0]
        let (unsecured, proof) = try parts(vector)
        let key = try Multikey.decodePrivateKey(Self.secretKey)
        let signed = try DataIntegrityProof.sign(
            document: unsecured, privateKey: key, verificationMethod: try #require(proof["verificationMethod"]?.stringValue),
            created: try Date("2010-01-01T19:23:24Z", strategy: .iso8601))
        #if os(Linux)
        #expect(signed == (try vector.signed()))
        #else
        #expect(DataIntegrityProof.verify(document: signed, publicKey: key.publicKey).isValid)
        #endif
    }
}
