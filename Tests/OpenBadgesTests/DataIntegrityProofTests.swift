import Foundation
import OpenBadges
import Testing

/// Credentials signed by an independent implementation (Python: pyld, PyNaCl), and proofs made
/// here, checked the way an Open Badges 3.0 verifier checks them.
@Suite("Data Integrity proofs")
struct DataIntegrityProofTests {
    /// The issuer key of the credentials signed elsewhere, as a Multikey.
    static var issuerMultikey: String {
        get throws { try Fixtures.text("DataIntegrity/issuer-multikey.txt").trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    @Test func aCredentialSignedElsewhereVerifies() throws {
        let key = try Multikey.decode(Self.issuerMultikey)
        let result = DataIntegrityProof.verify(document: try Fixtures.json("DataIntegrity/ldp.json"), publicKey: key)
        #expect(result.isValid, "\(result)")
        for kind in [DataIntegrityVerification.CheckKind.document, .cryptosuite, .proofPurpose, .dates, .proofValue,
                     .verificationMethod, .canonicalization, .signature] {
            #expect(result.passed(kind), "\(kind)")
        }
    }

    @Test func aTamperedCredentialFailsOnlyItsSignature() throws {
        let key = try Multikey.decode(Self.issuerMultikey)
        let result = DataIntegrityProof.verify(document: try Fixtures.json("DataIntegrity/ldp-tampered.json"), publicKey: key)
        #expect(!result.isValid)
        #expect(result.failures.map(\.kind) == [.signature])
        #expect(result.passed(.canonicalization))
    }

    @Test func anUndefinedTermIsRejectedInSafeMode() throws {
        let key = try Multikey.decode(Self.issuerMultikey)
        let document = try Fixtures.json("DataIntegrity/ldp-undefined-term.json")
        let result = DataIntegrityProof.verify(document: document, publicKey: key)
        #expect(!result.isValid)
        #expect(result.failures.map(\.kind) == [.canonicalization])
        #expect(result.failures.first?.detail.contains("favouriteColour") == true)
        // Why safe mode matters: plain JSON-LD drops the term, so the signature of the document
        // without it still matches, although the JSON now says more than what was signed.
        var unsafe = JSONLDOptions()
        unsafe.safeMode = false
        #expect(DataIntegrityProof.verify(document: document, publicKey: key, options: unsafe).isValid)
        #expect(try JSONLD.warnings(for: document) == [JSONLDWarning(.undefinedTerm, "favouriteColour")])
    }

    @Test func aDIDKeyMethodNeedsNoKeyFromTheCaller() throws {
        let document = try Fixtures.json("DataIntegrity/ldp-didkey.json")
        let result = DataIntegrityProof.verify(document: document)
        #expect(result.isValid, "\(result)")
        // A did:key method must be the key the caller trusts, if the caller gives one.
        let other = try Multikey.decodePrivateKey(Fixtures.secretKeyMultibase(seed: 9)).publicKey
        let mismatch = DataIntegrityProof.verify(document: document, publicKey: other)
        #expect(mismatch.failures.map(\.kind) == [.verificationMethod])
        // An HTTPS method cannot be resolved offline: the key must be given.
        #expect(DataIntegrityProof.verify(document: try Fixtures.json("DataIntegrity/ldp.json")).failures.map(\.kind) == [.verificationMethod])
    }

    @Test func unknownContextsAreAClearError() throws {
        let key = try Multikey.decode(Self.issuerMultikey)
        var document = try Fixtures.json("DataIntegrity/ldp.json")
        document["@context"] = .array((document["@context"]?.asArray ?? []) + ["https://example.org/contexts/extra.json"])
        let result = DataIntegrityProof.verify(document: document, publicKey: key)
        #expect(!result.isValid)
        #expect(result.failures.map(\.kind) == [.canonicalization])
        #expect(result.failures.first?.detail.contains("https://example.org/contexts/extra.json is not one of the bundled contexts") == true)
        let signer = try Multikey.decodePrivateKey(Fixtures.secretKeyMultibase(seed: 4))
        document["proof"] = nil
        #expect(throws: JSONLDError.self) {
            try DataIntegrityProof.sign(document: document, privateKey: signer, verificationMethod: "https://example.org/issuers/1#key-1")
        }
    }

    /// An Open Badges 3.0 credential as Blason would issue it.
    static let credential: JSONValue = [
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": "https://badges.example.org/credentials/42",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": ["id": "https://badges.example.org/issuers/1", "type": ["Profile"], "name": "Région Normandie", "url": "https://badges.example.org"],
        "validFrom": "2026-01-15T09:00:00Z",
        "name": "Communiquer — Niveau I",
        "credentialSubject": [
            "type": ["AchievementSubject"],
            "identifier": [["type": "IdentityObject", "identityHash": "sha256$abc", "identityType": "emailAddress", "hashed": true, "salt": "s"]],
            "achievement": [
                "id": "https://badges.example.org/badges/7", "type": ["Achievement"], "name": "Communiquer",
                "description": "Je pratique.", "criteria": ["narrative": "Avoir communiqué."],
                "image": ["id": "https://badges.example.org/badges/7/image", "type": "Image"],
            ],
        ],
    ]

    @Test func signThenVerifyAndEveryChangeBreaksIt() throws {
        let key = try Multikey.decodePrivateKey(Fixtures.secretKeyMultibase(seed: 5))
        let method = Multikey.verificationMethodID(controller: "https://badges.example.org/issuers/1", publicKey: key.publicKey)
        let signed = try DataIntegrityProof.sign(document: Self.credential, privateKey: key, verificationMethod: method,
                                                 created: Date(timeIntervalSince1970: 1_768_467_600))
        #expect(signed["proof"]?["created"] == "2026-01-15T09:00:00Z")
        #expect(signed["proof"]?["proofValue"]?.stringValue?.hasPrefix("z") == true)
        #expect(DataIntegrityProof.verify(document: signed, publicKey: key.publicKey).isValid)
        // JSON text round trip.
        #expect(DataIntegrityProof.verify(json: signed.jsonData(pretty: true), publicKey: key.publicKey).isValid)
        var changed = signed
        changed["credentialSubject"]?["achievement"]?["name"] = "Organiser"
        #expect(!DataIntegrityProof.verify(document: changed, publicKey: key.publicKey).isValid)
        changed = signed
        changed["credentialSubject"]?["identifier"] = [["type": "IdentityObject", "identityHash": "sha256$abc", "identityType": "emailAddress", "hashed": false, "salt": "s"]]
        #expect(!DataIntegrityProof.verify(document: changed, publicKey: key.publicKey).isValid)
        changed = signed
        changed["proof"]?["created"] = "2026-01-15T09:00:01Z"
        #expect(!DataIntegrityProof.verify(document: changed, publicKey: key.publicKey).isValid)
        let otherKey = try Multikey.decodePrivateKey(Fixtures.secretKeyMultibase(seed: 6)).publicKey
        #expect(DataIntegrityProof.verify(document: signed, publicKey: otherKey).failures.map(\.kind) == [.signature])
        #expect(DataIntegrityProof.verify(document: signed, publicKey: key.publicKey, expectedProofPurpose: "authentication")
            .failures.map(\.kind) == [.proofPurpose])
    }

    @Test func malformedProofsAreReported() throws {
        let key = try Multikey.decodePrivateKey(Fixtures.secretKeyMultibase(seed: 5))
        let signed = try DataIntegrityProof.sign(document: Self.credential, privateKey: key, verificationMethod: Multikey.didKeyVerificationMethod(key.publicKey))
        var broken = signed
        broken["proof"]?["proofValue"] = "uAAAA"
        #expect(DataIntegrityProof.verify(document: broken).failures.map(\.kind) == [.proofValue])
        broken = signed
        broken["proof"]?["cryptosuite"] = "ecdsa-rdfc-2019"
        #expect(DataIntegrityProof.verify(document: broken).failures.map(\.kind) == [.cryptosuite])
        broken = signed
        broken["proof"]?["created"] = "yesterday"
        #expect(DataIntegrityProof.verify(document: broken).failures.first?.kind == .dates)
        broken = signed
        broken["proof"] = nil
        #expect(DataIntegrityProof.verify(document: broken).failures.map(\.kind) == [.document])
        #expect(!DataIntegrityProof.verify(document: "not a credential").isValid)
    }

    @Test func proofSetsVerifyEveryProof() throws {
        let first = try Multikey.decodePrivateKey(Fixtures.secretKeyMultibase(seed: 7))
        let second = try Multikey.decodePrivateKey(Fixtures.secretKeyMultibase(seed: 8))
        let once = try DataIntegrityProof.sign(document: Self.credential, privateKey: first, verificationMethod: Multikey.didKeyVerificationMethod(first.publicKey))
        let twice = try DataIntegrityProof.sign(document: once, privateKey: second, verificationMethod: Multikey.didKeyVerificationMethod(second.publicKey))
        #expect(twice["proof"]?.arrayValue?.count == 2)
        let result = DataIntegrityProof.verify(document: twice)
        #expect(result.isValid, "\(result)")
        #expect(result.checks.filter { $0.kind == .signature }.count == 2)
    }

    @Test func theValidityPeriodIsNotPartOfTheProof() throws {
        // ldp-expired.json has a past validUntil: the proof is sound; expiry is the verifier's
        // separate check of the credential, not of its Data Integrity proof.
        let key = try Multikey.decode(Self.issuerMultikey)
        #expect(DataIntegrityProof.verify(document: try Fixtures.json("DataIntegrity/ldp-expired.json"), publicKey: key).isValid)
    }
}
