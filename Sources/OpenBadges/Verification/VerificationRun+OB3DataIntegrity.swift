import Crypto
import Foundation

extension VerificationRun {
    /// The most proofs read on one credential: a proof set of a few signers is plausible, a
    /// thousand is an attempt to make the verifier canonicalize a thousand times.
    static let maxProofs = 4

    /// An OB 3.0 credential secured with `eddsa-rdfc-2022` Data Integrity proofs.
    func verifyOB3DataIntegrity(_ credential: JSONValue, role: OB3Role = .badge) async {
        if role == .badge {
            format = .ob3DataIntegrity
            collectOB3Details(credential)
        }
        guard await step("document", { try checkOB3Document(credential, role: role) }) else { return }
        let proofs = credential["proof"]?.asArray ?? []
        guard !proofs.isEmpty else {
            fail("signature", "the credential has no proof: nothing shows who issued it or that it is unchanged")
            return
        }
        guard proofs.count <= Self.maxProofs else {
            fail("signature", "the credential has \(proofs.count) proofs, more than the \(Self.maxProofs) this verifier reads")
            return
        }
        for proof in proofs {
            guard await verifyDataIntegrityProof(proof, of: credential) else { return }
        }
        checkValidityPeriod(credential)
        guard role == .badge else { return }
        checkOB3Recipient(credential)
        await checkStatus(credential)
    }

    /// One proof, its key resolved from `verificationMethod`; false when verification stopped.
    private func verifyDataIntegrityProof(_ proof: JSONValue, of credential: JSONValue) async -> Bool {
        guard let method = proof["verificationMethod"]?.stringValue, !method.isEmpty else {
            fail("issuer-key", "the proof names no verificationMethod, so its key cannot be found")
            return false
        }
        var key: Curve25519.Signing.PublicKey?
        guard await step("issuer-key", {
            key = try await dataIntegrityKey(method: method, issuerID: Self.issuerID(of: credential))
        }) else { return false }
        var single = credential
        single["proof"] = proof
        let result = DataIntegrityProof.verify(document: single, publicKey: key, now: now)
        for check in result.failures {
            let (id, meaning) = Self.meaning(of: check.kind)
            fail(id, meaning + " (" + FetchSession.shortened(check.detail, limit: 300) + ")")
        }
        if result.passed(.canonicalization) {
            pass("context", "valid JSON-LD with the bundled contexts; every property is covered by the proof")
        }
        if result.isValid {
            pass("signature", "eddsa-rdfc-2022 proof valid (key \(FetchSession.shortened(method)))")
        }
        return result.isValid
    }

    private static func meaning(of kind: DataIntegrityVerification.CheckKind) -> (String, String) {
        switch kind {
        case .document: ("document", "the credential is not a signed JSON-LD document")
        case .cryptosuite: ("signature", "the proof is not an eddsa-rdfc-2022 DataIntegrityProof, the only kind this verifier reads")
        case .proofPurpose: ("signature", "the proof is not made for assertions (proofPurpose assertionMethod)")
        case .dates: ("signature", "the proof's dates are malformed, or the proof has expired")
        case .proofValue: ("signature", "the proof value is not a base58btc Ed25519 signature")
        case .verificationMethod: ("issuer-key", "the proof's verification method does not match the key")
        case .context: ("context", "the proof's @context does not match the credential's")
        case .canonicalization: ("context", "the credential cannot be processed as JSON-LD with the bundled contexts, "
            + "or has properties no context defines (they would not be covered by the proof)")
        case .signature: ("signature", "the signature does not match: the credential was altered after signing, or signed with another key")
        }
    }
}
