import Crypto
import Foundation
import Synchronization

/// The `eddsa-rdfc-2022` cryptosuite (W3C VC Data Integrity EdDSA Cryptosuites v1.0, §3.2):
/// RDFC-1.0 canonical N-Quads, SHA-256, Ed25519.
///
/// The steps are public so each intermediate value can be checked against published test
/// vectors; `DataIntegrityProof.sign` and `verify` chain them.
public enum EdDSARDFC2022 {
    /// The cryptosuite identifier, the value of `cryptosuite` in a proof.
    public static let name = "eddsa-rdfc-2022"
    /// The proof type every cryptosuite of VC Data Integrity 1.0 uses.
    public static let proofType = "DataIntegrityProof"

    /// Transformation (§3.2.4): the canonical N-Quads of the document without its proof.
    ///
    /// JSON-LD runs in safe mode: anything the contexts do not define would be left out of the
    /// canonical form, and so out of what is signed, while still showing in the JSON. Such a
    /// document is refused, as the Data Integrity specification asks.
    public static func transform(_ unsecuredDocument: JSONValue, options: JSONLDOptions = .safe) throws -> String {
        guard case .object = unsecuredDocument else { throw DataIntegrityError.invalidDocument("a credential is a JSON object") }
        return try JSONLD.canonicalize(unsecuredDocument, options: options)
    }

    /// Proof Configuration (§3.2.5): the canonical N-Quads of the proof options (the proof
    /// without `proofValue`), read with the document's `@context`.
    public static func canonicalProofConfiguration(_ proofOptions: JSONValue, documentContext: JSONValue?,
                                                   options: JSONLDOptions = .safe) throws -> String {
        guard case .object(var configuration) = proofOptions else {
            throw DataIntegrityError.proofGeneration("the proof options are not a JSON object")
        }
        guard configuration["type"] == .string(proofType), configuration["cryptosuite"] == .string(name) else {
            throw DataIntegrityError.proofTransformation("the proof is not a \(proofType) with cryptosuite \(name)")
        }
        if let created = configuration["created"] {
            guard let text = created.stringValue, isDateTimeStamp(text) else {
                throw DataIntegrityError.proofGeneration("created \(created) is not an XML Schema dateTimeStamp")
            }
        }
        configuration["proofValue"] = nil
        configuration["@context"] = documentContext
        // Credentials signed together share their proof configuration (same key, same date,
        // same contexts): its canonical form is kept, when the contexts cannot change under it.
        guard let loader = options.contextLoader.cacheIdentity, options.expandContext == nil else {
            return try JSONLD.canonicalize(.object(configuration), options: options)
        }
        let key = ProofConfigurationKey(loader: loader, safeMode: options.safeMode, base: options.base,
                                        rdfDirection: options.rdfDirection?.rawValue, configuration: .object(configuration))
        if let kept = canonicalConfigurations.withLock({ $0[key] }) { return kept }
        let canonical = try JSONLD.canonicalize(.object(configuration), options: options)
        canonicalConfigurations.withLock { kept in
            if kept.count >= 256 { kept.removeAll() }
            kept[key] = canonical
        }
        return canonical
    }

    private struct ProofConfigurationKey: Hashable, Sendable {
        var loader: String
        var safeMode: Bool
        var base: String?
        var rdfDirection: String?
        var configuration: JSONValue
    }

    private static let canonicalConfigurations = Mutex<[ProofConfigurationKey: String]>([:])

    /// Hashing (§3.2.3): SHA-256 of the canonical proof configuration, followed by SHA-256 of
    /// the canonical document; 64 bytes, the message Ed25519 signs.
    public static func hashData(canonicalDocument: String, canonicalProofConfiguration: String) -> Data {
        Data(SHA256.hash(data: Data(canonicalProofConfiguration.utf8))) + Data(SHA256.hash(data: Data(canonicalDocument.utf8)))
    }

    /// Proof Serialization (§3.2.6): the Ed25519 signature of the hash data.
    public static func sign(hashData: Data, privateKey: Curve25519.Signing.PrivateKey) throws -> Data {
        try privateKey.signature(for: hashData)
    }

    /// Proof Verification (§3.2.7).
    public static func verify(signature: Data, hashData: Data, publicKey: Curve25519.Signing.PublicKey) -> Bool {
        publicKey.isValidSignature(signature, for: hashData)
    }

    /// XML Schema 1.1 `dateTimeStamp`: a date and time with a time zone, as `created` must be.
    public static func isDateTimeStamp(_ text: String) -> Bool {
        let pattern = #"^-?([1-9][0-9]{3,}|0[0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T"#
            + #"(([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?|24:00:00(\.0+)?)"#
            + #"(Z|[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00))$"#
        return text.range(of: pattern, options: .regularExpression) != nil
    }
}
