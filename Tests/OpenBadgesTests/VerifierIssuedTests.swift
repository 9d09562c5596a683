import _CryptoExtras
import Crypto
import Foundation
import OpenBadges
import Testing

/// An issuer made here: its profile (Ed25519 Multikey and ES256/RS256 JWKs) served by a
/// `FixtureFetcher`, credentials built with `OB3.Credential` and signed with this library.
struct TestIssuer {
    static let id = "https://issuer.example/issuers/1"
    let ed25519 = Curve25519.Signing.PrivateKey()
    let p256 = P256.Signing.PrivateKey()
    let rsa: _RSA.Signing.PrivateKey
    let server = FixtureFetcher()

    var profile: OB3.Profile {
        OB3.Profile(id: Self.id, name: "Issuer Example", url: "https://issuer.example/", verificationMethods: [
            OB3.VerificationMethod(id: Self.id + "#key-ed", controller: Self.id, key: .multikey(Multikey.encode(ed25519.publicKey))),
            OB3.VerificationMethod(id: Self.id + "#key-es", controller: Self.id, key: .jwk(Self.strings(JOSESigningKey.es256(p256).publicJWK))),
            OB3.VerificationMethod(id: Self.id + "#key-rs", controller: Self.id, key: .jwk(Self.strings(JOSESigningKey.rs256(rsa).publicJWK))),
        ])
    }

    static func strings(_ jwk: JSONValue) -> [String: String] { (jwk.objectValue ?? [:]).compactMapValues(\.stringValue) }

    init() async throws {
        rsa = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        await server.serve(Self.id, json: profile.document)
    }

    func credential(number: Int = 1, validFrom: String = "2024-01-01T00:00:00Z", validUntil: String? = nil,
                    status: OB3.StatusEntry? = nil) -> JSONValue {
        OB3.Credential(
            id: "https://issuer.example/credentials/\(number)", name: "Issued Badge", issuer: profile,
            validFrom: OB3.parseDateTime(validFrom)!, validUntil: validUntil.flatMap(OB3.parseDateTime),
            identifier: .init(identityHash: OB2.IdentityObject.hash("bob@example.org", salt: "pepper"), salt: "pepper"),
            achievement: OB3.Achievement(id: "https://issuer.example/achievements/1", name: "Issued Badge", description: "For tests.",
                                         criteriaNarrative: "Pass the tests."),
            status: status
        ).json
    }

    func signed(_ document: JSONValue, method: String? = nil) throws -> JSONValue {
        try DataIntegrityProof.sign(document: document, privateKey: ed25519, verificationMethod: method ?? Self.id + "#key-ed",
                                    created: OB3.parseDateTime("2024-01-01T00:00:00Z")!)
    }

    /// A status list of this issuer with these indexes set, signed, served at `url`.
    func publishStatusList(_ url: String, revoked: [Int]) async throws {
        let list = OB3.StatusList(revoked: revoked).credential(id: url, issuer: profile, validFrom: OB3.parseDateTime("2024-01-01T00:00:00Z")!)
        await server.serve(url, json: try signed(list))
    }

    /// A compact JWS signed with Ed25519 from any header and payload, for tokens `VCJWT` would never make.
    static func rawJWT(header: JSONValue, payload: JSONValue, key: Curve25519.Signing.PrivateKey) throws -> String {
        func encode(_ data: Data) -> String {
            data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
        }
        let input = encode(header.jsonData()) + "." + encode(payload.jsonData())
        return input + "." + encode(try key.signature(for: Data(input.utf8)))
    }
}

@Suite("Badge verifier: credentials issued with this library")
struct VerifierIssuedTests {
    typealias F = VerifierFixtures

    @Test(arguments: ["ed", "es", "rs"])
    func vcJWTsSignedHereVerify(key: String) async throws {
        let issuer = try await TestIssuer()
        let signingKey: JOSESigningKey = switch key {
        case "ed": .ed25519(issuer.ed25519)
        case "es": .es256(issuer.p256)
        default: .rs256(issuer.rsa)
        }
        let token = try await VCJWT.sign(credential: issuer.credential(), key: signingKey, kid: TestIssuer.id + "#key-" + key)
        let verdict = await F.verifier(issuer.server).verify(.bytes(Data(token.utf8)))
        #expect(verdict.valid, "\(verdict)")
        #expect(verdict.format == .ob3JWT)
        #expect(verdict.recipient?.hasPrefix("sha256$") == true)
    }

    @Test func aDataIntegrityCredentialSignedHereVerifies() async throws {
        let issuer = try await TestIssuer()
        let verdict = await F.verifier(issuer.server).verify(.bytes(try issuer.signed(issuer.credential()).jsonData()))
        #expect(verdict.valid, "\(verdict)")
        #expect(verdict.issuerName == "Issuer Example")
    }

    @Test func theRecipientIsCheckedAgainstTheHashedEmail() async throws {
        let issuer = try await TestIssuer()
        let signed = try issuer.signed(issuer.credential()).jsonData()
        let bob = await F.verifier(issuer.server, recipient: "Bob@Example.org").verify(.bytes(signed))
        #expect(bob.valid, "\(bob)")
        #expect(bob.check("recipient")?.passed == true)
        let alice = await F.verifier(issuer.server, recipient: "alice@example.org").verify(.bytes(signed))
        #expect(!alice.valid)
        #expect(alice.failures.map(\.id) == ["recipient"])
    }

    @Test func aCredentialNotYetValidIsInvalid() async throws {
        let issuer = try await TestIssuer()
        let credential = issuer.credential(validFrom: "2030-01-01T00:00:00Z")
        let signed = await F.verifier(issuer.server).verify(.bytes(try issuer.signed(credential).jsonData()))
        #expect(!signed.valid)
        #expect(signed.failures.map(\.id) == ["not-before"])
        let token = try await VCJWT.sign(credential: credential, key: .ed25519(issuer.ed25519), kid: TestIssuer.id + "#key-ed")
        let jwt = await F.verifier(issuer.server).verify(.bytes(Data(token.utf8)))
        #expect(!jwt.valid)
        #expect(jwt.failures.map(\.id).contains("not-before"))
    }

    @Test func anExpiredVCJWTIsInvalid() async throws {
        let issuer = try await TestIssuer()
        let token = try await VCJWT.sign(credential: issuer.credential(validUntil: "2024-06-01T00:00:00Z"),
                                         key: .ed25519(issuer.ed25519), kid: TestIssuer.id + "#key-ed")
        let verdict = await F.verifier(issuer.server).verify(.bytes(Data(token.utf8)))
        #expect(!verdict.valid)
        #expect(verdict.failures.map(\.id).contains("expiry"))
    }

    /// Another issuer's key, even a valid signature with it, does not vouch for this issuer;
    /// the other issuer's document is not even fetched.
    @Test func aKeyFromAnotherIssuerIsRefused() async throws {
        let issuer = try await TestIssuer()
        let other = "https://elsewhere.example/issuers/9"
        await issuer.server.serve(other, json: ["id": .string(other), "type": ["Profile"], "verificationMethod": [
            ["id": .string(other + "#key-1"), "type": "Multikey", "publicKeyMultibase": .string(Multikey.encode(issuer.ed25519.publicKey))],
        ]])
        let signed = try issuer.signed(issuer.credential(), method: other + "#key-1")
        let verdict = await F.verifier(issuer.server).verify(.bytes(signed.jsonData()))
        #expect(!verdict.valid)
        #expect(verdict.check("issuer-key")?.passed == false)
        #expect(verdict.check("issuer-key")?.message.contains("not published under the issuer's id") == true)

        let token = try await VCJWT.sign(credential: issuer.credential(), key: .ed25519(issuer.ed25519), kid: other + "#key-1")
        let jwt = await F.verifier(issuer.server).verify(.bytes(Data(token.utf8)))
        #expect(!jwt.valid)
        #expect(jwt.check("issuer-key")?.passed == false)
        #expect(await !issuer.server.requests.contains(other))
    }

    @Test func aContextThatIsNotBundledIsRefusedAndNeverFetched() async throws {
        let issuer = try await TestIssuer()
        let unknown = "https://contexts.example/badge-extras.json"
        var credential = issuer.credential()
        credential["@context"] = [.string(OB3.credentialsContext), .string(OB3.openBadgesContext), .string(unknown)]
        credential["proof"] = ["type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "proofPurpose": "assertionMethod",
                               "verificationMethod": .string(TestIssuer.id + "#key-ed"), "proofValue": .string(Base58.multibase([UInt8](repeating: 1, count: 64)))]
        let verdict = await F.verifier(issuer.server).verify(.bytes(credential.jsonData()))
        #expect(!verdict.valid)
        #expect(verdict.check("context")?.passed == false)
        #expect(verdict.check("context")?.message.contains(unknown) == true)
        #expect(await !issuer.server.requests.contains(unknown))

        var payload = try VCJWT.claims(of: issuer.credential())
        payload["@context"] = credential["@context"]
        let token = try TestIssuer.rawJWT(header: ["alg": "EdDSA", "kid": .string(TestIssuer.id + "#key-ed")], payload: payload, key: issuer.ed25519)
        let jwt = await F.verifier(issuer.server).verify(.bytes(Data(token.utf8)))
        #expect(!jwt.valid)
        #expect(jwt.check("context")?.passed == false)
    }

    @Test(arguments: [("none", "unsigned"), ("HS256", "not supported"), ("ES512", "not supported")])
    func unsafeOrUnknownAlgorithmsAreRefused(algorithm: String, message: String) async throws {
        let issuer = try await TestIssuer()
        let payload = try VCJWT.claims(of: issuer.credential())
        var token = try TestIssuer.rawJWT(header: ["alg": .string(algorithm), "kid": .string(TestIssuer.id + "#key-ed")],
                                          payload: payload, key: issuer.ed25519)
        if algorithm == "none" { token = String(token[..<token.lastIndex(of: ".")!]) + "." }
        let verdict = await F.verifier(issuer.server).verify(.bytes(Data(token.utf8)))
        #expect(!verdict.valid)
        #expect(verdict.check("signature")?.passed == false)
        #expect(verdict.check("signature")?.message.contains(message) == true, "\(verdict)")
        #expect(await issuer.server.requests.isEmpty)
    }

    @Test(arguments: ["iss", "jti", "sub", "nbf"])
    func claimsThatDisagreeWithTheCredentialAreRefused(claim: String) async throws {
        let issuer = try await TestIssuer()
        var credential = issuer.credential()
        credential["credentialSubject"]?["id"] = "did:example:bob"
        var payload = try VCJWT.claims(of: credential)
        payload[claim] = claim == "nbf" ? .int(1_600_000_000) : "https://impostor.example/"
        let token = try TestIssuer.rawJWT(header: ["alg": "EdDSA", "kid": .string(TestIssuer.id + "#key-ed")], payload: payload, key: issuer.ed25519)
        let verdict = await F.verifier(issuer.server).verify(.bytes(Data(token.utf8)))
        #expect(!verdict.valid)
        #expect(verdict.check("claims")?.passed == false, "\(verdict)")
    }
}
