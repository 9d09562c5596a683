import Crypto
import Foundation

/// Data Integrity proofs with the `eddsa-rdfc-2022` cryptosuite: how Open Badges 3.0
/// credentials are signed as Linked Data ("ldp_vc").
///
/// ```swift
/// let key = Curve25519.Signing.PrivateKey()
/// let method = Multikey.verificationMethodID(controller: "https://example.org/issuers/1", publicKey: key.publicKey)
/// let signed = try DataIntegrityProof.sign(document: credential, privateKey: key, verificationMethod: method)
/// let result = DataIntegrityProof.verify(document: signed, publicKey: key.publicKey)
/// result.isValid   // true; result.checks says what was checked
/// ```
public enum DataIntegrityProof {
    /// Adds a proof to `document` (VC Data Integrity 1.0 §4.2 "Add Proof", EdDSA §3.2.1).
    ///
    /// The document must be a JSON object whose `@context` uses only bundled contexts, and every
    /// property must be defined by them (JSON-LD safe mode); otherwise this throws rather than
    /// sign a document whose JSON says more than its signature covers. A document that already
    /// has proofs gets one more (a proof set); each proof covers the document without `proof`.
    ///
    /// - Parameters:
    ///   - verificationMethod: the identifier a verifier dereferences to find the public key,
    ///     for instance `Multikey.verificationMethodID(controller:publicKey:)`.
    ///   - created: the proof's creation time, written as `yyyy-MM-ddTHH:mm:ssZ`.
    ///   - proofPurpose: `assertionMethod` for credentials.
    /// - Returns: the document with its `proof`.
    public static func sign(document: JSONValue, privateKey: Curve25519.Signing.PrivateKey, verificationMethod: String,
                            created: Date = Date(), proofPurpose: String = "assertionMethod",
                            options: JSONLDOptions = .safe) throws -> JSONValue {
        guard case .object(var members) = document else {
            throw DataIntegrityError.invalidDocument("a credential is a JSON object")
        }
        guard members["@context"] != nil else { throw DataIntegrityError.invalidDocument("the document has no @context") }
        let existingProofs = members.removeValue(forKey: "proof")?.asArray ?? []
        let unsecured = JSONValue.object(members)
        var proof: [String: JSONValue] = [
            "type": .string(EdDSARDFC2022.proofType),
            "cryptosuite": .string(EdDSARDFC2022.name),
            "created": .string(OB2.timestamp(created)),
            "verificationMethod": .string(verificationMethod),
            "proofPurpose": .string(proofPurpose),
        ]
        let canonicalDocument = try EdDSARDFC2022.transform(unsecured, options: options)
        let canonicalConfiguration = try EdDSARDFC2022.canonicalProofConfiguration(
            .object(proof), documentContext: members["@context"], options: options)
        let hashData = EdDSARDFC2022.hashData(canonicalDocument: canonicalDocument, canonicalProofConfiguration: canonicalConfiguration)
        let signature = try EdDSARDFC2022.sign(hashData: hashData, privateKey: privateKey)
        proof["proofValue"] = .string(Base58.multibase(signature))
        members["proof"] = existingProofs.isEmpty ? .object(proof) : .array(existingProofs + [.object(proof)])
        return .object(members)
    }

    /// Signs JSON text and returns JSON text (members sorted, slashes unescaped).
    public static func sign(json: Data, privateKey: Curve25519.Signing.PrivateKey, verificationMethod: String,
                            created: Date = Date(), proofPurpose: String = "assertionMethod") throws -> Data {
        let signed = try sign(document: JSONValue(data: json), privateKey: privateKey, verificationMethod: verificationMethod,
                              created: created, proofPurpose: proofPurpose)
        return signed.jsonData(pretty: true)
    }
}
