import BlasonCore
import FluentKit
import Foundation

/// One of an organisation's signing keys. The private key is sealed with the master key; the
/// public key stays published after the key is retired, so what it signed still verifies.
public final class SigningKey: Model, @unchecked Sendable {
    public static let schema = "signing_keys"

    /// The algorithms Blason signs with.
    public enum Algorithm: String, Sendable, CaseIterable, Codable {
        /// Ed25519: Data Integrity (eddsa-rdfc-2022) and VC-JWT `EdDSA`.
        case ed25519
        /// P-256: VC-JWT `ES256`.
        case es256
        /// RSA 2048: VC-JWT `RS256` and signed Open Badges 2.0.
        case rs256

        public var jwtName: String {
            switch self {
            case .ed25519: "EdDSA"
            case .es256: "ES256"
            case .rs256: "RS256"
            }
        }
    }

    @ID(key: .id) public var id: UUID?
    @Parent(key: "organisation_id") public var organisation: Organisation
    @Field(key: "algorithm") public var algorithmName: String
    /// The public key as a JWK (JSON text).
    @Field(key: "public_jwk") public var publicJWK: String
    /// The private key (raw bytes, or DER for RSA), sealed with the master key.
    @Field(key: "sealed_private") public var sealedPrivate: Data
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "retired_at") public var retiredAt: Date?

    public init() {}

    public init(id: UUID = UUID(), organisationID: UUID, algorithm: Algorithm, publicJWK: String, sealedPrivate: Data, createdAt: Date) {
        self.id = id
        self.$organisation.id = organisationID
        self.algorithmName = algorithm.rawValue
        self.publicJWK = publicJWK
        self.sealedPrivate = sealedPrivate
        self.createdAt = createdAt
    }

    public var algorithm: Algorithm { Algorithm(rawValue: algorithmName) ?? .ed25519 }
    public var isActive: Bool { retiredAt == nil }
}
