import _CryptoExtras
import Foundation
import OpenBadges
import Testing

/// OB 2.0 assertions of the independent verifier kit (made with badgecheck's companions),
/// verified as its self-test expects — except that a hosted assertion answered with HTTP 410 is
/// revoked here, where badgecheck misses it.
@Suite("Badge verifier: OB 2.0 kit fixtures")
struct VerifierOB2Tests {
    typealias F = VerifierFixtures
    static let alice = "alice@example.org"

    func verify(_ input: BadgeInput, recipient: String? = alice) async throws -> (BadgeVerdict, FixtureFetcher) {
        let server = try await F.ob2Server()
        return (await F.verifier(server, recipient: recipient).verify(input), server)
    }

    @Test func aHostedAssertionURLIsValidForItsRecipient() async throws {
        let (verdict, _) = try await verify(.url(F.ob2Base + "/assertions/1"))
        #expect(verdict.valid, "\(verdict)")
        #expect(verdict.format == .ob2Hosted)
        #expect(verdict.check("recipient")?.passed == true)
        #expect(verdict.badgeName == "Test Badge")
        #expect(verdict.issuerName == "Example Issuer")
        #expect(verdict.issuerID == F.ob2Base + "/issuer")
        #expect(verdict.recipient?.hasPrefix("sha256$") == true)
        #expect(verdict.issuedOn == OB3.parseDateTime("2024-01-01T00:00:00Z"))
    }

    @Test func anotherRecipientIsRefused() async throws {
        let (verdict, _) = try await verify(.url(F.ob2Base + "/assertions/1"), recipient: "bob@example.org")
        #expect(!verdict.valid)
        #expect(verdict.failures.map(\.id) == ["recipient"])
    }

    @Test func hostedJSONIsFetchedAgainFromItsID() async throws {
        let (verdict, server) = try await verify(.bytes(F.data("ob2/hosted.json")), recipient: nil)
        #expect(verdict.valid, "\(verdict)")
        #expect(await server.requests.first == F.ob2Base + "/assertions/1")
        #expect(verdict.check("recipient") == nil)
    }

    @Test func hostedBakedPNGFileAndURLAreValid() async throws {
        let (file, _) = try await verify(.bytes(F.data("ob2/hosted-baked.png")))
        #expect(file.valid, "\(file)")
        let (url, _) = try await verify(.url(F.ob2Base + "/assertions/1.png"), recipient: nil)
        #expect(url.valid, "\(url)")
        #expect(url.format == .ob2Hosted)
    }

    @Test func aSignedAssertionIsValid() async throws {
        let (verdict, _) = try await verify(.bytes(Data(F.text("ob2/signed.jws").utf8)))
        #expect(verdict.valid, "\(verdict)")
        #expect(verdict.format == .ob2Signed)
        #expect(verdict.check("issuer-key")?.passed == true)
        #expect(verdict.check("revocation")?.message.contains("not revoked") == true)
    }

    @Test func aSignedBakedPNGIsValid() async throws {
        let (verdict, _) = try await verify(.bytes(F.data("ob2/signed-baked.png")))
        #expect(verdict.valid, "\(verdict)")
        #expect(verdict.format == .ob2Signed)
    }

    @Test func offlineNeitherKindOfOB2AssertionCanBeVerified() async throws {
        let signed = await F.verifier(nil).verify(.bytes(Data(try F.text("ob2/signed.jws").utf8)))
        #expect(!signed.valid)
        #expect(signed.check("issuer-key")?.message.contains("no network access allowed") == true, "\(signed)")
        let hosted = await F.verifier(nil).verify(.bytes(try F.data("ob2/hosted.json")))
        #expect(!hosted.valid)
        #expect(hosted.check("hosted")?.message.contains("no network access allowed") == true, "\(hosted)")
    }

    @Test func aTamperedSignedAssertionFailsItsSignature() async throws {
        let (verdict, _) = try await verify(.bytes(Data(F.text("ob2/signed-tampered.jws").utf8)))
        #expect(!verdict.valid)
        #expect(verdict.failures.map(\.id) == ["signature"])
    }

    @Test func aSignedAssertionOnTheRevocationListIsRevoked() async throws {
        let (verdict, _) = try await verify(.bytes(Data(F.text("ob2/signed-revoked.jws").utf8)))
        #expect(!verdict.valid)
        #expect(verdict.revoked)
        #expect(verdict.failures.map(\.id) == ["revocation"])
        #expect(verdict.check("signature")?.passed == true)
    }

    @Test func aHostedAssertionAnsweredWithGoneIsRevoked() async throws {
        let (verdict, _) = try await verify(.url(F.ob2Base + "/assertions/revoked"))
        #expect(!verdict.valid)
        #expect(verdict.revoked)
        #expect(verdict.check("revocation")?.message.contains("test revocation") == true)
    }

    @Test func aMissingAssertionIsInvalid() async throws {
        let (verdict, _) = try await verify(.url(F.ob2Base + "/nope"))
        #expect(!verdict.valid)
        #expect(verdict.check("input")?.message.contains("HTTP 404") == true)
    }

    @Test func aPNGWithoutABadgeIsNotABadge() async throws {
        let (verdict, server) = try await verify(.bytes(F.data("ob2/plain.png")))
        #expect(!verdict.valid)
        #expect(verdict.format == .unknown)
        #expect(verdict.check("input")?.message.contains("no badge") == true)
        #expect(await server.requests.isEmpty)
    }

    /// Someone hosting an assertion of another issuer's badge class on their own server.
    @Test func aHostedAssertionOutsideTheIssuersDomainIsRefused() async throws {
        let server = try await F.ob2Server()
        var forged = try JSONValue(data: F.data("ob2/hosted.json"))
        forged["id"] = "https://forger.example/assertions/1"
        await server.serve("https://forger.example/assertions/1", json: forged)
        let verdict = await F.verifier(server).verify(.bytes(forged.jsonData()))
        #expect(!verdict.valid)
        #expect(verdict.check("hosted")?.message.contains("outside the domains") == true, "\(verdict)")
    }

    /// `OB2JWS.sign` makes what OB 2.0 verifiers read: checked here end to end.
    @Test func anAssertionSignedWithOB2JWSVerifies() async throws {
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let server = try await F.ob2Server()
        await server.serve(F.ob2Base + "/keys/1", json: [
            "@context": .string(OB2.context), "type": "CryptographicKey", "id": .string(F.ob2Base + "/keys/1"),
            "owner": .string(F.ob2Base + "/issuer"), "publicKeyPem": .string(key.publicKey.pemRepresentation),
        ])
        var assertion = try F.jwsPayload(F.text("ob2/signed.jws"))
        assertion["id"] = "urn:uuid:6f1a4d34-5c8e-4d43-9d0b-7a4f7a0c2a11"
        let token = try await OB2JWS.sign(assertion: assertion.jsonData(), key: key)
        let verdict = await F.verifier(server, recipient: Self.alice).verify(.bytes(Data(token.utf8)))
        #expect(verdict.valid, "\(verdict)")

        let hs256 = "eyJhbGciOiJIUzI1NiJ9." + token.split(separator: ".")[1] + "." + token.split(separator: ".")[2]
        let refused = await F.verifier(server).verify(.bytes(Data(hs256.utf8)))
        #expect(!refused.valid)
        #expect(refused.check("signature")?.message.contains("not supported") == true)
    }
}
