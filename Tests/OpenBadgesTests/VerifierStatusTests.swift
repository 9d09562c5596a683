import Foundation
import OpenBadges
import Testing

/// Revocation of OB 3.0 credentials through a Bitstring Status List the issuer publishes.
@Suite("Badge verifier: OB 3.0 status")
struct VerifierStatusTests {
    typealias F = VerifierFixtures
    static let listURL = "https://issuer.example/status/1"

    func verify(index: Int, revoked: [Int], jwt: Bool = false) async throws -> (BadgeVerdict, TestIssuer) {
        let issuer = try await TestIssuer()
        try await issuer.publishStatusList(Self.listURL, revoked: revoked)
        let credential = issuer.credential(status: OB3.StatusEntry(listCredential: Self.listURL, index: index))
        let input: Data = jwt
            ? Data(try await VCJWT.sign(credential: credential, key: .es256(issuer.p256), kid: TestIssuer.id + "#key-es").utf8)
            : try issuer.signed(credential).jsonData()
        return (await F.verifier(issuer.server).verify(.bytes(input)), issuer)
    }

    @Test(arguments: [false, true])
    func aCredentialWhoseBitIsClearIsValid(jwt: Bool) async throws {
        let (verdict, _) = try await verify(index: 7, revoked: [3, 8], jwt: jwt)
        #expect(verdict.valid, "\(verdict)")
        #expect(verdict.check("revocation")?.message.contains("not revoked") == true)
    }

    @Test(arguments: [false, true])
    func aRevokedCredentialIsInvalid(jwt: Bool) async throws {
        let (verdict, _) = try await verify(index: 3, revoked: [3], jwt: jwt)
        #expect(!verdict.valid)
        #expect(verdict.revoked)
        #expect(verdict.failures.map(\.id) == ["revocation"])
        #expect(verdict.check("signature")?.passed == true)
    }

    @Test func withoutNetworkTheStatusIsNotCheckedAndSaysSo() async throws {
        let issuer = try await TestIssuer()
        let credential = issuer.credential(status: OB3.StatusEntry(listCredential: Self.listURL, index: 3))
        let signed = try issuer.signed(credential, method: Multikey.didKeyVerificationMethod(issuer.ed25519.publicKey))
        let verdict = await F.verifier(nil).verify(.bytes(signed.jsonData()))
        #expect(verdict.valid, "\(verdict)")
        #expect(verdict.check("revocation") == BadgeVerdict.Check(id: "revocation", passed: true,
                                                                    message: "status not checked: no network access allowed"))
    }

    @Test func aStatusListThatCannotBeFetchedFails() async throws {
        let issuer = try await TestIssuer()
        let credential = issuer.credential(status: OB3.StatusEntry(listCredential: Self.listURL, index: 3))
        let verdict = await F.verifier(issuer.server).verify(.bytes(try issuer.signed(credential).jsonData()))
        #expect(!verdict.valid)
        #expect(verdict.check("revocation")?.message.contains("HTTP 404") == true)
    }

    @Test func aTamperedStatusListIsNotBelieved() async throws {
        let (_, issuer) = try await verify(index: 3, revoked: [3])
        let listResponse = try await issuer.server.fetch(Self.listURL, accept: "*/*")
        var list = try JSONValue(data: listResponse.body)
        list["credentialSubject"]?["encodedList"] = .string(OB3.StatusList().encodedList)
        await issuer.server.serve(Self.listURL, json: list)
        let credential = issuer.credential(status: OB3.StatusEntry(listCredential: Self.listURL, index: 3))
        let verdict = await F.verifier(issuer.server).verify(.bytes(try issuer.signed(credential).jsonData()))
        #expect(!verdict.valid)
        #expect(verdict.check("revocation")?.message.contains("cannot be trusted") == true, "\(verdict)")
    }

    @Test func aStatusListFromAnotherIssuerIsNotBelieved() async throws {
        let issuer = try await TestIssuer()
        let other = try await TestIssuer()
        try await other.publishStatusList(Self.listURL, revoked: [])
        let listResponse = try await other.server.fetch(Self.listURL, accept: "*/*")
        // The other list claims another issuer id and is signed with a did:key.
        var list = try JSONValue(data: listResponse.body)
        list["proof"] = nil
        list["issuer"] = ["id": "https://impostor.example/issuers/1", "type": ["Profile"], "name": "Impostor"]
        let signedList = try other.signed(list, method: Multikey.didKeyVerificationMethod(other.ed25519.publicKey))
        await issuer.server.serve(Self.listURL, json: signedList)
        let credential = issuer.credential(status: OB3.StatusEntry(listCredential: Self.listURL, index: 3))
        let verdict = await F.verifier(issuer.server).verify(.bytes(try issuer.signed(credential).jsonData()))
        #expect(!verdict.valid)
        #expect(verdict.check("revocation")?.message.contains("not by the credential's issuer") == true, "\(verdict)")
    }
}
