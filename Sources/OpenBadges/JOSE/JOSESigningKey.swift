import Crypto
import _CryptoExtras
import Foundation

/// A private signing key for JOSE (JWS and JWT).
public enum JOSESigningKey: Sendable {
    /// Ed25519, JOSE algorithm `EdDSA`.
    case ed25519(Curve25519.Signing.PrivateKey)
    /// ECDSA on P-256 with SHA-256, JOSE algorithm `ES256`.
    case es256(P256.Signing.PrivateKey)
    /// RSASSA-PKCS1-v1_5 with SHA-256, JOSE algorithm `RS256`.
    case rs256(_RSA.Signing.PrivateKey)

    /// The JOSE `alg` name: `EdDSA`, `ES256` or `RS256`.
    public var algorithm: String {
        switch self {
        case .ed25519: "EdDSA"
        case .es256: "ES256"
        case .rs256: "RS256"
        }
    }

    /// The public key as a JWK (RFC 7517) with its `alg`, without `kid`: the caller names the key
    /// where it publishes it.
    public var publicJWK: JSONValue {
        switch self {
        case .ed25519(let key):
            return ["kty": "OKP", "crv": "Ed25519", "x": .string(JOSEBase64URL.encode(key.publicKey.rawRepresentation)),
                    "alg": .string(algorithm)]
        case .es256(let key):
            // The raw representation is x ‖ y, 32 bytes each.
            let raw = key.publicKey.rawRepresentation
            return ["kty": "EC", "crv": "P-256", "x": .string(JOSEBase64URL.encode(raw.prefix(32))),
                    "y": .string(JOSEBase64URL.encode(raw.suffix(32))), "alg": .string(algorithm)]
        case .rs256(let key):
            let primitives = try? key.publicKey.getKeyPrimitives()
            return ["kty": "RSA", "n": .string(JOSEBase64URL.encode(primitives?.modulus ?? Data())),
                    "e": .string(JOSEBase64URL.encode(primitives?.publicExponent ?? Data())), "alg": .string(algorithm)]
        }
    }
}
