import Foundation

/// The outcome of verifying a document's Data Integrity proofs: every check made, passed or
/// not, so that a verifier can show why a credential is refused.
public struct DataIntegrityVerification: Sendable, CustomStringConvertible {
    /// What a check looked at.
    public enum CheckKind: String, Sendable {
        /// The document is a JSON object with an `@context` and a `proof`.
        case document
        /// `type` is `DataIntegrityProof` and `cryptosuite` is `eddsa-rdfc-2022`.
        case cryptosuite
        /// `proofPurpose` is the one expected (`assertionMethod` for credentials).
        case proofPurpose
        /// `created` (and `expires`, if any) are dateTimeStamps, and the proof has not expired.
        case dates
        /// `proofValue` is base58btc multibase holding a 64-byte Ed25519 signature.
        case proofValue
        /// There is a key for `verificationMethod`, and a `did:key` method matches it.
        case verificationMethod
        /// The proof's own `@context`, if any, is where the document's starts.
        case context
        /// The document and proof options canonicalize (bundled contexts, no undefined terms).
        case canonicalization
        /// The Ed25519 signature over the hash data is valid for the key.
        case signature
    }

    /// One check, with what it found.
    public struct Check: Sendable, Equatable, CustomStringConvertible {
        public let kind: CheckKind
        public let passed: Bool
        public let detail: String

        public var description: String { "\(passed ? "ok" : "FAILED") \(kind.rawValue): \(detail)" }
    }

    /// Every check, in order; for a proof set, the checks of each proof follow one another.
    public let checks: [Check]

    /// Whether the document has at least one proof and every check passed.
    public var isValid: Bool { checks.contains { $0.kind == .signature && $0.passed } && checks.allSatisfy(\.passed) }

    /// The checks that failed.
    public var failures: [Check] { checks.filter { !$0.passed } }

    /// Whether a given check ran and passed.
    public func passed(_ kind: CheckKind) -> Bool {
        let matching = checks.filter { $0.kind == kind }
        return !matching.isEmpty && matching.allSatisfy(\.passed)
    }

    public var description: String {
        (isValid ? "valid" : "invalid") + "\n" + checks.map { "  " + $0.description }.joined(separator: "\n")
    }
}
