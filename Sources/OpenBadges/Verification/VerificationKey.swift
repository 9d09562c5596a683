import _CryptoExtras
import Crypto
import Foundation

/// A public key that verifies a JWS, read from a JWK, a Multikey or a PEM document.
enum VerificationKey {
    case ed25519(Curve25519.Signing.PublicKey)
    case p256(P256.Signing.PublicKey)
    case rsa(_RSA.Signing.PublicKey)

    /// The JOSE algorithm this key signs with.
    var algorithm: String {
        switch self {
        case .ed25519: "EdDSA"
        case .p256: "ES256"
        case .rsa: "RS256"
        }
    }

    /// Reads a public JWK (RFC 7517, 8037): OKP Ed25519, EC P-256 or RSA of at least 2048 bits.
    init(jwk: JSONValue) throws {
        func member(_ name: String) throws -> Data {
            guard let text = jwk[name]?.stringValue, let bytes = JOSEBase64URL.decode(text) else {
                throw VerificationFailure("issuer-key", "the key's JWK has no valid \"\(name)\"")
            }
            return bytes
        }
        let kty = jwk["kty"]?.stringValue ?? "(none)"
        let crv = jwk["crv"]?.stringValue
        do {
            switch (kty, crv) {
            case ("OKP", "Ed25519"):
                self = .ed25519(try Curve25519.Signing.PublicKey(rawRepresentation: try member("x")))
            case ("EC", "P-256"):
                let x = try member("x"), y = try member("y")
                guard x.count == 32, y.count == 32 else { throw VerificationFailure("issuer-key", "the P-256 JWK's coordinates are not 32 bytes") }
                self = .p256(try P256.Signing.PublicKey(rawRepresentation: x + y))
            case ("RSA", _):
                self = .rsa(try _RSA.Signing.PublicKey(n: try member("n"), e: try member("e")))
            default:
                throw VerificationFailure("issuer-key", "the key's JWK type \(kty)\(crv.map { "/" + $0 } ?? "") is not supported")
            }
        } catch let failure as VerificationFailure {
            throw failure
        } catch {
            throw VerificationFailure("issuer-key", "the key's JWK is not a valid \(kty) public key (RSA keys need 2048 bits or more)")
        }
        if let alg = jwk["alg"]?.stringValue, alg != algorithm {
            throw VerificationFailure("issuer-key", "the key is declared for \(FetchSession.shortened(alg, limit: 20)), not \(algorithm)")
        }
    }

    /// Reads an Ed25519 `publicKeyMultibase`.
    init(multikey: String) throws {
        do {
            self = .ed25519(try Multikey.decode(multikey))
        } catch {
            throw VerificationFailure("issuer-key", "the key's publicKeyMultibase is not an Ed25519 Multikey (\(error))")
        }
    }

    /// Reads an RSA public key in PEM (SubjectPublicKeyInfo or PKCS #1), as OB 2.0 publishes it.
    init(rsaPEM pem: String) throws {
        do {
            self = .rsa(try _RSA.Signing.PublicKey(pemRepresentation: pem))
        } catch {
            throw VerificationFailure("issuer-key", "the publicKeyPem is not an RSA public key of 2048 bits or more")
        }
    }

    /// Whether `signature` (in JWS form: raw R‖S for ES256) signs `input` with this key.
    func verify(signature: Data, input: Data) -> Bool {
        switch self {
        case .ed25519(let key):
            return key.isValidSignature(signature, for: input)
        case .p256(let key):
            guard let parsed = try? P256.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
            return key.isValidSignature(parsed, for: input)
        case .rsa(let key):
            let parsed = _RSA.Signing.RSASignature(rawRepresentation: signature)
            return key.isValidSignature(parsed, for: input, padding: .insecurePKCS1v1_5)
        }
    }
}
