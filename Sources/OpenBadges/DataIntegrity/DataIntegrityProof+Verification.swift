import Crypto
import Foundation

extension DataIntegrityProof {
    private typealias Check = DataIntegrityVerification.Check

    /// Verifies every `eddsa-rdfc-2022` proof of `document` (VC Data Integrity 1.0 §4.4,
    /// EdDSA §3.2.2) and reports each check.
    ///
    /// - Parameters:
    ///   - publicKey: the issuer's key, found by the caller from the proof's `verificationMethod`
    ///     (an issuer profile, a DID document). Without one, only `did:key` methods can be
    ///     resolved, offline. With one, a `did:key` method must match it.
    ///   - expectedProofPurpose: the purpose the verifier relies on.
    ///   - now: when an `expires` date is compared.
    /// - Returns: the checks; `isValid` is true only if there is a proof and everything passed.
    public static func verify(document: JSONValue, publicKey: Curve25519.Signing.PublicKey? = nil,
                              expectedProofPurpose: String = "assertionMethod", now: Date = Date(),
                              options: JSONLDOptions = .safe) -> DataIntegrityVerification {
        guard case .object(var members) = document else {
            return DataIntegrityVerification(checks: [Check(kind: .document, passed: false, detail: "the document is not a JSON object")])
        }
        let proofs = members.removeValue(forKey: "proof")?.asArray ?? []
        guard members["@context"] != nil, !proofs.isEmpty else {
            let missing = members["@context"] == nil ? "@context" : "proof"
            return DataIntegrityVerification(checks: [Check(kind: .document, passed: false, detail: "the document has no \(missing)")])
        }
        var checks = [Check(kind: .document, passed: true, detail: "\(proofs.count) proof(s)")]
        for proof in proofs {
            checks += verifyProof(proof, unsecured: members, publicKey: publicKey, expectedProofPurpose: expectedProofPurpose,
                                  now: now, options: options)
        }
        return DataIntegrityVerification(checks: checks)
    }

    /// Verifies JSON text.
    public static func verify(json: Data, publicKey: Curve25519.Signing.PublicKey? = nil) -> DataIntegrityVerification {
        do {
            return verify(document: try JSONValue(data: json), publicKey: publicKey)
        } catch {
            return DataIntegrityVerification(checks: [Check(kind: .document, passed: false, detail: "\(error)")])
        }
    }

    private static func verifyProof(_ proof: JSONValue, unsecured: [String: JSONValue], publicKey: Curve25519.Signing.PublicKey?,
                                    expectedProofPurpose: String, now: Date, options: JSONLDOptions) -> [Check] {
        var checks: [Check] = []
        func record(_ kind: DataIntegrityVerification.CheckKind, _ passed: Bool, _ detail: String) -> Bool {
            checks.append(Check(kind: kind, passed: passed, detail: detail))
            return passed
        }
        guard case .object(var proofOptions) = proof,
              record(.cryptosuite, proofOptions["type"] == .string(EdDSARDFC2022.proofType)
                  && proofOptions["cryptosuite"] == .string(EdDSARDFC2022.name),
                  "type \(proofOptions["type"] ?? .null), cryptosuite \(proofOptions["cryptosuite"] ?? .null)") else {
            return checks
        }
        let purpose = proofOptions["proofPurpose"]?.stringValue ?? "(none)"
        _ = record(.proofPurpose, purpose == expectedProofPurpose, "\(purpose), expected \(expectedProofPurpose)")
        _ = record(.dates, datesAreValid(proofOptions, now: now), "created \(proofOptions["created"] ?? .null)"
            + (proofOptions["expires"].map { ", expires \($0)" } ?? ""))
        // The signature: 64 bytes in base58btc multibase.
        let signature = proofOptions.removeValue(forKey: "proofValue")?.stringValue.flatMap { try? Base58.decodeMultibase($0) }
        guard let signature, record(.proofValue, signature.count == 64, "\(signature.count) bytes") else {
            if signature == nil { _ = record(.proofValue, false, "missing, or not base58btc multibase") }
            return checks
        }
        // The key.
        let method = proofOptions["verificationMethod"]?.stringValue ?? ""
        let methodKey = method.hasPrefix("did:key:") ? try? Multikey.publicKey(fromDIDKey: method) : nil
        let key: Curve25519.Signing.PublicKey
        if let publicKey {
            let matches = methodKey.map { $0.rawRepresentation == publicKey.rawRepresentation } ?? !method.hasPrefix("did:key:")
            guard record(.verificationMethod, !method.isEmpty && matches,
                         matches ? "\(method), key given by the caller" : "\(method) is not the given key") else { return checks }
            key = publicKey
        } else {
            guard let methodKey, record(.verificationMethod, true, "\(method), key from the did:key") else {
                _ = record(.verificationMethod, false, "no key given for \(method) (only did:key resolves offline)")
                return checks
            }
            key = methodKey
        }
        // The proof's own @context, if any, must open the document's.
        var unsecured = unsecured
        if let proofContext = proofOptions["@context"] {
            let documentContext = unsecured["@context"]?.asArray ?? []
            let expected = proofContext.asArray
            guard record(.context, documentContext.starts(with: expected), "the proof's @context opens the document's") else {
                return checks
            }
            unsecured["@context"] = proofContext
        }
        // Canonical forms, then the signature over their hashes.
        let hashData: Data
        do {
            let canonicalDocument = try EdDSARDFC2022.transform(.object(unsecured), options: options)
            let configuration = try EdDSARDFC2022.canonicalProofConfiguration(
                .object(proofOptions), documentContext: unsecured["@context"], options: options)
            hashData = EdDSARDFC2022.hashData(canonicalDocument: canonicalDocument, canonicalProofConfiguration: configuration)
            _ = record(.canonicalization, true, "RDFC-1.0 of the document and the proof options")
        } catch {
            _ = record(.canonicalization, false, "\(error)")
            return checks
        }
        let valid = EdDSARDFC2022.verify(signature: Data(signature), hashData: hashData, publicKey: key)
        _ = record(.signature, valid, valid ? "Ed25519 signature valid" : "Ed25519 signature does not match the document")
        return checks
    }

    /// `created` and `expires` are dateTimeStamps, and `expires` is still ahead.
    private static func datesAreValid(_ proof: [String: JSONValue], now: Date) -> Bool {
        if let created = proof["created"] {
            guard let text = created.stringValue, EdDSARDFC2022.isDateTimeStamp(text) else { return false }
        }
        if let expires = proof["expires"] {
            guard let text = expires.stringValue, EdDSARDFC2022.isDateTimeStamp(text),
                  let date = try? Date(text, strategy: .iso8601) else { return false }
            return date > now
        }
        return true
    }
}
