import _CryptoExtras
import Crypto
import Foundation
import JWTKit
import OpenBadges
import Testing

/// JWTs and JWSs made here, checked with jwt-kit's verifier and by reading their parts.
@Suite("JOSE signing")
struct JOSESigningTests {
    /// Any payload: the claims are checked by the tests, not by jwt-kit.
    struct AnyClaims: JWTPayload {
        var value: JSONValue
        init(from decoder: any Decoder) throws { value = try JSONValue(from: decoder) }
        func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    static let credential: JSONValue = [
        "@context": OB3.contexts,
        "id": "https://badges.example/credentials/42",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": ["id": "https://badges.example/issuers/1", "type": ["Profile"], "name": "Example"],
        "validFrom": "2024-01-01T00:00:00Z",
        "validUntil": "2030-06-30T12:00:00Z",
        "name": "Test Badge",
        "credentialSubject": ["id": "did:example:alice", "type": ["AchievementSubject"]],
    ]

    static func parts(_ token: String) throws -> (header: JSONValue, payload: JSONValue) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        try #require(parts.count == 3)
        return (try JSONValue(data: try #require(base64URL(parts[0]))), try JSONValue(data: try #require(base64URL(parts[1]))))
    }

    static func base64URL(_ text: Substring) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }

    @Test func claimsFollowTheOB3Rules() throws {
        let claims = try VCJWT.claims(of: Self.credential)
        #expect(claims["iss"] == "https://badges.example/issuers/1")
        #expect(claims["jti"] == "https://badges.example/credentials/42")
        #expect(claims["sub"] == "did:example:alice")
        #expect(claims["nbf"] == .int(1_704_067_200))
        #expect(claims["iat"] == .int(1_704_067_200))
        #expect(claims["exp"] == .int(1_909_051_200))
        #expect(claims["name"] == "Test Badge")
        #expect(claims["credentialSubject"] == Self.credential["credentialSubject"])
    }

    @Test func claimsFallBackToTheCredentialIDAndOmitExp() throws {
        var credential = Self.credential
        credential["validUntil"] = nil
        credential["issuer"] = "https://badges.example/issuers/1"
        credential["credentialSubject"] = ["type": ["AchievementSubject"]]
        credential["proof"] = ["type": "DataIntegrityProof"]
        let claims = try VCJWT.claims(of: credential)
        #expect(claims["sub"] == "https://badges.example/credentials/42")
        #expect(claims["iss"] == "https://badges.example/issuers/1")
        #expect(claims["exp"] == nil)
        #expect(claims["proof"] == nil)
    }

    @Test func claimsNeedAnIDAnIssuerAndValidFrom() {
        for member in ["id", "issuer", "validFrom"] {
            var credential = Self.credential
            credential[member] = nil
            #expect(throws: JOSEError.self) { try VCJWT.claims(of: credential) }
        }
    }

    @Test(arguments: ["EdDSA", "ES256", "RS256"])
    func eachAlgorithmSignsAndJWTKitVerifies(algorithm: String) async throws {
        let kid = "https://badges.example/issuers/1#key-1"
        let verifiers = JWTKeyCollection()
        let key: JOSESigningKey
        switch algorithm {
        case "EdDSA":
            let secret = Curve25519.Signing.PrivateKey()
            key = .ed25519(secret)
            await verifiers.add(eddsa: EdDSA.PublicKey(backing: secret.publicKey), kid: JWKIdentifier(string: kid))
        case "ES256":
            let secret = P256.Signing.PrivateKey()
            key = .es256(secret)
            await verifiers.add(ecdsa: try ES256PublicKey(backing: secret.publicKey), kid: JWKIdentifier(string: kid))
        default:
            let secret = try _RSA.Signing.PrivateKey(keySize: .bits2048)
            key = .rs256(secret)
            await verifiers.add(rsa: try Insecure.RSA.PublicKey(backing: secret.publicKey), digestAlgorithm: .sha256,
                                kid: JWKIdentifier(string: kid))
        }
        #expect(key.algorithm == algorithm)
        let token = try await VCJWT.sign(credential: Self.credential, key: key, kid: kid)
        let verified = try await verifiers.verify(token, as: AnyClaims.self)
        #expect(verified.value == (try VCJWT.claims(of: Self.credential)))
        let (header, _) = try Self.parts(token)
        #expect(header == ["alg": .string(algorithm), "kid": .string(kid), "typ": "vc+jwt"])

        // The published JWK verifies the same token.
        var jwk = key.publicJWK
        #expect(jwk["kid"] == nil)
        #expect(jwk["alg"] == .string(algorithm))
        jwk["kid"] = .string(kid)
        let fromJWK = JWTKeyCollection()
        try await fromJWK.add(jwk: try JSONDecoder().decode(JWK.self, from: jwk.jsonData()))
        _ = try await fromJWK.verify(token, as: AnyClaims.self)
    }

    @Test func aTamperedTokenFailsJWTKit() async throws {
        let secret = Curve25519.Signing.PrivateKey()
        let token = try await VCJWT.sign(credential: Self.credential, key: .ed25519(secret), kid: "k")
        var credential = Self.credential
        credential["name"] = "Another Badge"
        let other = try await VCJWT.sign(credential: credential, key: .ed25519(secret), kid: "k")
        let parts = token.split(separator: "."), otherParts = other.split(separator: ".")
        let forged = [parts[0], otherParts[1], parts[2]].joined(separator: ".")
        let verifiers = JWTKeyCollection()
        await verifiers.add(eddsa: EdDSA.PublicKey(backing: secret.publicKey), kid: "k")
        await #expect(throws: (any Error).self) { _ = try await verifiers.verify(forged, as: AnyClaims.self) }
    }

    @Test func anOB2SignedAssertionKeepsItsBytesAndVerifies() async throws {
        let secret = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let assertion = Data(#"{"@context":"https://w3id.org/openbadges/v2","id":"urn:uuid:1","type":"Assertion"}"#.utf8)
        let token = try await OB2JWS.sign(assertion: assertion, key: secret)
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        #expect(parts.count == 3)
        #expect(Self.base64URL(parts[0]) == Data(#"{"alg":"RS256"}"#.utf8))
        #expect(Self.base64URL(parts[1]) == assertion)
        #expect(!token.contains("="))

        let verifiers = JWTKeyCollection()
        await verifiers.add(rsa: try Insecure.RSA.PublicKey(backing: secret.publicKey), digestAlgorithm: .sha256)
        let verified = try await verifiers.verify(token, as: AnyClaims.self)
        #expect(verified.value["id"] == "urn:uuid:1")
        let signature = _RSA.Signing.RSASignature(rawRepresentation: try #require(Self.base64URL(parts[2])))
        #expect(secret.publicKey.isValidSignature(signature, for: Data(parts[0..<2].joined(separator: ".").utf8),
                                                  padding: .insecurePKCS1v1_5))
    }

    @Test func anOB2AssertionMustBeAJSONObject() async throws {
        let secret = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        await #expect(throws: (any Error).self) { _ = try await OB2JWS.sign(assertion: Data("[1]".utf8), key: secret) }
    }
}
