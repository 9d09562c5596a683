import FluentKit
import Foundation

/// An award's Open Badges 3.0 credential as last signed (Data Integrity, `eddsa-rdfc-2022`).
///
/// Signing costs a JSON-LD canonicalization, so the signed document is kept and served again as
/// long as what it signs is unchanged: `digest` names the unsigned credential and the key, and a
/// credential built differently (a badge class edited, an endorsement withdrawn) is signed anew.
public final class SignedCredential: Model, @unchecked Sendable {
    public static let schema = "signed_credentials"

    /// The award's id: one row each.
    @ID(custom: "award_id", generatedBy: .user) public var id: UUID?
    /// SHA-256 (hex) of the verification method id and the unsigned credential's canonical JSON.
    @Field(key: "digest") public var digest: String
    /// The signed credential, as JSON text.
    @Field(key: "document") public var document: String

    public init() {}

    public init(awardID: UUID, digest: String, document: String) {
        self.id = awardID
        self.digest = digest
        self.document = document
    }
}
