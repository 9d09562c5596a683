import Foundation

/// Why a Data Integrity proof could not be made (or its inputs prepared), with the error names
/// of VC Data Integrity 1.0 §2.3 where they apply.
public enum DataIntegrityError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The document is not a JSON object, or lacks what a credential needs (`@context`).
    case invalidDocument(String)
    /// PROOF_TRANSFORMATION_ERROR: the proof options are not for `DataIntegrityProof` with this cryptosuite.
    case proofTransformation(String)
    /// PROOF_GENERATION_ERROR: the proof options are unusable (for instance `created` is not a dateTimeStamp).
    case proofGeneration(String)
    /// MALFORMED_PROOF_ERROR: the proof itself is not well formed.
    case malformedProof(String)

    public var description: String {
        switch self {
        case .invalidDocument(let reason): "invalid document: \(reason)"
        case .proofTransformation(let reason): "proof transformation error: \(reason)"
        case .proofGeneration(let reason): "proof generation error: \(reason)"
        case .malformedProof(let reason): "malformed proof: \(reason)"
        }
    }
}
