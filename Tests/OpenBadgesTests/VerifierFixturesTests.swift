import Foundation
import OpenBadges
import Testing

/// Serves documents from a dictionary in place of the network: the issuers' servers of the
/// independent verifier kit's fixtures (what its fixture servers serve, rebuilt from the files
/// they wrote). Records every request, so tests can show what was never fetched.
actor FixtureFetcher: BadgeFetcher {
    private var routes: [String: FetchedResource]
    private(set) var requests: [String] = []

    init(_ routes: [String: FetchedResource] = [:]) {
        self.routes = routes
    }

    func fetch(_ url: String, accept: String) async throws -> FetchedResource {
        requests.append(url)
        return routes[url] ?? FetchedResource(status: 404, contentType: "text/plain", body: Data("not found".utf8))
    }

    func serve(_ url: String, _ body: Data, status: Int = 200, contentType: String = "application/ld+json") {
        routes[url] = FetchedResource(status: status, contentType: contentType, body: body)
    }

    func serve(_ url: String, json: JSONValue, status: Int = 200) {
        serve(url, json.jsonData(), status: status)
    }
}

/// The kit's fixtures and the documents its servers answer with.
enum VerifierFixtures {
    /// Every kit credential is valid from 2024-01-01; `ldp-expired.json` until 2024-06-01.
    static let now = Date(timeIntervalSince1970: 1_735_689_600) // 2025-01-01T00:00:00Z

    static let ob3Base = "http://127.0.0.1:8775"
    static let ob2Base = "http://127.0.0.1:8765"

    static func data(_ name: String) throws -> Data { try Fixtures.data("Verification/" + name) }
    static func text(_ name: String) throws -> String {
        try Fixtures.text("Verification/" + name).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func verifier(_ fetcher: FixtureFetcher?, recipient: String? = nil, now: Date = now) -> BadgeVerifier {
        BadgeVerifier(fetcher: fetcher, options: BadgeVerifier.Options(now: now, expectedRecipient: recipient))
    }

    /// The OB 3.0 fixture server: issuer profile (with the Multikey), RSA JWK, credentials, baked PNG.
    static func ob3Server() async throws -> FixtureFetcher {
        let issuer = ob3Base + "/issuers/1"
        let method = issuer + "#key-1"
        let profile: JSONValue = [
            "@context": [.string(OB3.credentialsContext), .string(OB3.openBadgesContext), .string(OB3.multikeyContext)],
            "id": .string(issuer), "type": ["Profile"], "name": "Example OB3 Issuer", "url": .string(ob3Base + "/"),
            "verificationMethod": [["id": .string(method), "type": "Multikey", "controller": .string(issuer),
                                    "publicKeyMultibase": .string(try text("ob3/issuer-multikey.txt"))]],
            "assertionMethod": [.string(method)],
        ]
        let server = FixtureFetcher()
        await server.serve(issuer, json: profile)
        await server.serve(ob3Base + "/keys/rsa-1", try data("ob3/rsa-public.jwk.json"), contentType: "application/json")
        await server.serve(ob3Base + "/credentials/1", try data("ob3/ldp.json"))
        await server.serve(ob3Base + "/credentials/1.jwt", Data(try text("ob3/jwt-rs256.txt").utf8), contentType: "application/vc+jwt")
        await server.serve(ob3Base + "/credentials/1.png", try data("ob3/ldp-baked.png"), contentType: "image/png")
        return server
    }

    /// The OB 2.0 fixture server: issuer, key, badge class, hosted (and revoked) assertions,
    /// revocation list, baked PNG.
    static func ob2Server() async throws -> FixtureFetcher {
        let context: JSONValue = .string(OB2.context)
        let hosted = try JSONValue(data: data("ob2/hosted.json"))
        var revokedHosted = hosted
        revokedHosted["id"] = .string(ob2Base + "/assertions/revoked")
        revokedHosted["revoked"] = true
        revokedHosted["revocationReason"] = "test revocation"
        let revokedSignedID = try jwsPayload(text("ob2/signed-revoked.jws"))["id"] ?? .null
        let server = FixtureFetcher()
        await server.serve(ob2Base + "/issuer", json: [
            "@context": context, "type": "Issuer", "id": .string(ob2Base + "/issuer"), "name": "Example Issuer",
            "url": .string(ob2Base + "/"), "email": "issuer@example.org", "publicKey": .string(ob2Base + "/keys/1"),
            "revocationList": .string(ob2Base + "/revocations"),
        ])
        await server.serve(ob2Base + "/keys/1", json: [
            "@context": context, "type": "CryptographicKey", "id": .string(ob2Base + "/keys/1"),
            "owner": .string(ob2Base + "/issuer"), "publicKeyPem": .string(try text("ob2/rsa-public.pem")),
        ])
        await server.serve(ob2Base + "/badges/1", json: [
            "@context": context, "type": "BadgeClass", "id": .string(ob2Base + "/badges/1"), "name": "Test Badge",
            "description": "A badge for testing.", "image": .string(ob2Base + "/images/badge.png"),
            "criteria": ["narrative": "Do the thing."], "issuer": .string(ob2Base + "/issuer"),
        ])
        await server.serve(ob2Base + "/assertions/1", json: hosted)
        await server.serve(ob2Base + "/assertions/revoked", json: revokedHosted, status: 410)
        await server.serve(ob2Base + "/revocations", json: [
            "@context": context, "type": "RevocationList", "id": .string(ob2Base + "/revocations"),
            "issuer": .string(ob2Base + "/issuer"),
            "revokedAssertions": [["id": revokedSignedID, "revocationReason": "test"], ["id": "urn:uuid:00000000-0000-4000-8000-000000000000"]],
        ])
        await server.serve(ob2Base + "/assertions/1.png", try data("ob2/hosted-baked.png"), contentType: "image/png")
        return server
    }

    static func jwsPayload(_ token: String) throws -> JSONValue {
        let part = token.split(separator: ".")[1]
        var base64 = part.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return try JSONValue(data: try #require(Data(base64Encoded: base64)))
    }
}

@Suite("Verifier fixture server")
struct VerifierFixturesTests {
    @Test func theFixturesAreThoseOfTheKitsServers() async throws {
        #expect(try VerifierFixtures.text("ob3/base.txt") == VerifierFixtures.ob3Base)
        #expect(try VerifierFixtures.text("ob2/base.txt") == VerifierFixtures.ob2Base)
        let server = try await VerifierFixtures.ob2Server()
        let missing = try await server.fetch(VerifierFixtures.ob2Base + "/nope", accept: "*/*")
        #expect(missing.status == 404)
        #expect(await server.requests == [VerifierFixtures.ob2Base + "/nope"])
    }
}
