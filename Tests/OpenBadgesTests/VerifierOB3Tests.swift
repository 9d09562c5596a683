import Foundation
import OpenBadges
import Testing

/// OB 3.0 credentials signed by the independent verifier kit, verified as the kit's own
/// verifier judges them (its self-test's expected verdicts).
@Suite("Badge verifier: OB 3.0 kit fixtures")
struct VerifierOB3Tests {
    typealias F = VerifierFixtures

    func verify(_ input: BadgeInput, offline: Bool = false) async throws -> (BadgeVerdict, FixtureFetcher) {
        let server = try await F.ob3Server()
        return (await F.verifier(offline ? nil : server).verify(input), server)
    }

    func failed(_ verdict: BadgeVerdict) -> [String] { verdict.failures.map(\.id) }

    @Test func aDataIntegrityCredentialWithTheKeyInTheIssuerProfileIsValid() async throws {
        let (verdict, server) = try await verify(.bytes(F.data("ob3/ldp.json")))
        #expect(verdict.valid, "\(verdict)")
        #expect(verdict.format == .ob3DataIntegrity)
        #expect(verdict.check("signature")?.passed == true)
        #expect(verdict.check("issuer-key")?.message.contains("issuer's profile") == true)
        #expect(verdict.badgeName == "Test Badge")
        #expect(verdict.issuerName == "Example OB3 Issuer")
        #expect(verdict.issuerID == F.ob3Base + "/issuers/1")
        #expect(verdict.recipient == "did:example:alice")
        #expect(verdict.issuedOn == OB3.parseDateTime("2024-01-01T00:00:00Z"))
        #expect(verdict.expires == nil && !verdict.revoked)
        #expect(await server.requests == [F.ob3Base + "/issuers/1"])
    }

    @Test func aCredentialURLIsFetchedAndVerified() async throws {
        let (verdict, _) = try await verify(.url(F.ob3Base + "/credentials/1"))
        #expect(verdict.valid, "\(verdict)")
        #expect(verdict.format == .ob3DataIntegrity)
    }

    @Test func aDIDKeyProofVerifiesOffline() async throws {
        let (verdict, _) = try await verify(.bytes(F.data("ob3/ldp-didkey.json")), offline: true)
        #expect(verdict.valid, "\(verdict)")
        #expect(verdict.check("issuer-key")?.message.contains("did:key") == true)
    }

    @Test func aTamperedCredentialFailsItsSignature() async throws {
        let (verdict, _) = try await verify(.bytes(F.data("ob3/ldp-tampered.json")))
        #expect(!verdict.valid)
        #expect(failed(verdict) == ["signature"])
        #expect(verdict.check("signature")?.message.contains("altered") == true)
    }

    @Test func anUndefinedTermIsRefused() async throws {
        let (verdict, _) = try await verify(.bytes(F.data("ob3/ldp-undefined-term.json")))
        #expect(!verdict.valid)
        #expect(failed(verdict) == ["context"])
        #expect(verdict.check("context")?.message.contains("favouriteColour") == true)
    }

    @Test func anExpiredCredentialIsInvalid() async throws {
        let (verdict, _) = try await verify(.bytes(F.data("ob3/ldp-expired.json")))
        #expect(!verdict.valid)
        #expect(failed(verdict) == ["expiry"])
        #expect(verdict.check("signature")?.passed == true)
        #expect(verdict.expires == OB3.parseDateTime("2024-06-01T00:00:00Z"))
    }

    @Test func aBakedPNGFileAndURLAreValid() async throws {
        let (file, _) = try await verify(.bytes(F.data("ob3/ldp-baked.png")))
        #expect(file.valid, "\(file)")
        #expect(file.check("input")?.message.contains("openbadgecredential") == true)
        let (url, _) = try await verify(.url(F.ob3Base + "/credentials/1.png"))
        #expect(url.valid, "\(url)")
    }

    @Test(arguments: ["jwt-eddsa.txt", "jwt-rs256.txt"])
    func aVCJWTWithItsKidDereferencedIsValid(file: String) async throws {
        let (verdict, server) = try await verify(.bytes(F.data("ob3/" + file)))
        #expect(verdict.valid, "\(verdict)")
        #expect(verdict.format == .ob3JWT)
        #expect(verdict.check("claims")?.passed == true)
        #expect(verdict.badgeName == "Test Badge")
        let key = file == "jwt-eddsa.txt" ? F.ob3Base + "/issuers/1" : F.ob3Base + "/keys/rsa-1"
        #expect(await server.requests == [key])
    }

    @Test func aVCJWTURLIsValid() async throws {
        let (verdict, _) = try await verify(.url(F.ob3Base + "/credentials/1.jwt"))
        #expect(verdict.valid, "\(verdict)")
        #expect(verdict.format == .ob3JWT)
    }

    @Test func aTamperedVCJWTFailsItsSignature() async throws {
        let (verdict, _) = try await verify(.bytes(F.data("ob3/jwt-tampered.txt")))
        #expect(!verdict.valid)
        #expect(failed(verdict) == ["signature"])
    }

    @Test func aJWTNeedsTheNetworkForAnHTTPKey() async throws {
        let (verdict, _) = try await verify(.bytes(F.data("ob3/jwt-rs256.txt")), offline: true)
        #expect(!verdict.valid)
        #expect(verdict.check("issuer-key")?.message.contains("no network access allowed") == true)
    }

    /// 1EdTech's signed OB 3.0 vector, its key published in the issuer's profile.
    @Test func the1EdTechVectorVerifiesWithTheKeyFromTheIssuerProfile() async throws {
        let document = try Fixtures.json("DataIntegrity/ob3-vector-signed.json")
        let method = try #require(document["proof"]?["verificationMethod"]?.stringValue)
        let issuer = "https://example.edu/issuers/565049"
        let server = FixtureFetcher()
        await server.serve(issuer, json: [
            "id": .string(issuer), "type": ["Profile"], "name": "Example Corp",
            "verificationMethod": [["id": .string(method), "type": "Multikey", "controller": .string(issuer),
                                    "publicKeyMultibase": "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi"]],
        ])
        let verdict = await F.verifier(server).verify(.bytes(document.jsonData()))
        #expect(verdict.valid, "\(verdict)")
        #expect(verdict.badgeName == "Teamwork")
        #expect(verdict.issuerName == "Example Corp")

        // The same key under another issuer's id does not vouch for this one.
        await server.serve(issuer, json: ["id": .string(issuer), "type": ["Profile"], "verificationMethod": []])
        let missing = await F.verifier(server).verify(.bytes(document.jsonData()))
        #expect(!missing.valid)
        #expect(missing.check("issuer-key")?.passed == false)
    }
}
