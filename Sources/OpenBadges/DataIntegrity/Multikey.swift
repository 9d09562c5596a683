import Crypto
import Foundation

/// Ed25519 keys in Multikey form (W3C Controlled Identifiers §2.2.2): the multicodec header
/// `0xed01` (public) or `0x8026` (secret), the raw key, all in multibase base58btc — which is why
/// every Ed25519 public Multikey starts with `z6Mk`. Also `did:key` identifiers built on it.
public enum Multikey {
    /// Why a text is not the expected Ed25519 Multikey.
    public enum DecodingError: Error, Equatable, CustomStringConvertible, Sendable {
        case notMultibase(String)
        case notEd25519PublicKey
        case notEd25519SecretKey
        case keyPairMismatch
        case notDIDKey(String)

        public var description: String {
            switch self {
            case .notMultibase(let reason): "invalid Multikey: \(reason)"
            case .notEd25519PublicKey: "not an Ed25519 public Multikey (0xed01 and 32 bytes)"
            case .notEd25519SecretKey: "not an Ed25519 secret Multikey (0x8026 and a 32-byte seed)"
            case .keyPairMismatch: "the secret key's public half does not match its seed"
            case .notDIDKey(let value): "\(value) is not an Ed25519 did:key"
            }
        }
    }

    static let publicKeyHeader: [UInt8] = [0xED, 0x01]
    static let secretKeyHeader: [UInt8] = [0x80, 0x26]

    /// The `publicKeyMultibase` of an Ed25519 public key (`z6Mk…`).
    public static func encode(_ publicKey: Curve25519.Signing.PublicKey) -> String {
        Base58.multibase(publicKeyHeader + Array(publicKey.rawRepresentation))
    }

    /// Reads an Ed25519 `publicKeyMultibase`.
    public static func decode(_ multibase: String) throws -> Curve25519.Signing.PublicKey {
        let bytes: [UInt8]
        do { bytes = try Base58.decodeMultibase(multibase) } catch { throw DecodingError.notMultibase("\(error)") }
        guard bytes.count == 34, Array(bytes.prefix(2)) == publicKeyHeader,
              let key = try? Curve25519.Signing.PublicKey(rawRepresentation: bytes.dropFirst(2)) else {
            throw DecodingError.notEd25519PublicKey
        }
        return key
    }

    /// The `secretKeyMultibase` of an Ed25519 private key: the header and the 32-byte seed.
    public static func encode(privateKey: Curve25519.Signing.PrivateKey) -> String {
        Base58.multibase(secretKeyHeader + Array(privateKey.rawRepresentation))
    }

    /// Reads an Ed25519 `secretKeyMultibase`: a 32-byte seed, or the 64-byte seed-and-public-key
    /// form older tools write (the public half must then match the seed).
    public static func decodePrivateKey(_ multibase: String) throws -> Curve25519.Signing.PrivateKey {
        let bytes: [UInt8]
        do { bytes = try Base58.decodeMultibase(multibase) } catch { throw DecodingError.notMultibase("\(error)") }
        guard bytes.count == 34 || bytes.count == 66, Array(bytes.prefix(2)) == secretKeyHeader,
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: bytes[2..<34]) else {
            throw DecodingError.notEd25519SecretKey
        }
        if bytes.count == 66, Array(key.publicKey.rawRepresentation) != Array(bytes[34...]) {
            throw DecodingError.keyPairMismatch
        }
        return key
    }

    /// The `did:key` DID of a public key: `did:key:z6Mk…`.
    public static func didKey(_ publicKey: Curve25519.Signing.PublicKey) -> String {
        "did:key:" + encode(publicKey)
    }

    /// The verification method of a `did:key`: `did:key:z6Mk…#z6Mk…`.
    public static func didKeyVerificationMethod(_ publicKey: Curve25519.Signing.PublicKey) -> String {
        let key = encode(publicKey)
        return "did:key:" + key + "#" + key
    }

    /// A verification method identifier under a controller document (an issuer profile URL):
    /// `https://example.org/issuers/1#z6Mk…`, the pattern of the Open Badges 3.0 examples.
    public static func verificationMethodID(controller: String, publicKey: Curve25519.Signing.PublicKey) -> String {
        controller + "#" + encode(publicKey)
    }

    /// The public key a `did:key` DID or verification method stands for.
    public static func publicKey(fromDIDKey value: String) throws -> Curve25519.Signing.PublicKey {
        let did = value.split(separator: "#", maxSplits: 1).first.map(String.init) ?? value
        guard did.hasPrefix("did:key:z6Mk") else { throw DecodingError.notDIDKey(value) }
        let key = try decode(String(did.dropFirst("did:key:".count)))
        if let fragment = value.split(separator: "#", maxSplits: 1).dropFirst().first,
           fragment != did.dropFirst("did:key:".count) {
            throw DecodingError.notDIDKey(value)
        }
        return key
    }

    /// A Multikey verification method document, as an issuer publishes it for verifiers.
    public static func document(id: String, controller: String, publicKey: Curve25519.Signing.PublicKey) -> JSONValue {
        [
            "@context": "https://w3id.org/security/multikey/v1",
            "id": .string(id),
            "type": "Multikey",
            "controller": .string(controller),
            "publicKeyMultibase": .string(encode(publicKey)),
        ]
    }
}
