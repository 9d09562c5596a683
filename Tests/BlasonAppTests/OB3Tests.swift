@testable import BlasonApp
import BlasonCore
import BlasonPersistence
import Crypto
import Fluent
import Foundation
import OpenBadges
import Testing
import Vapor
import VaporTesting

/// Serves the verifier's fetches from the application under test, in process: the routes, keys and
/// status lists are the real ones, only the network hop is skipped.
struct InProcessFetcher: BadgeFetcher {
    let app: Application

    func fetch(_ url: String, accept: String) async throws -> FetchedResource {
        guard url.hasPrefix(TestApp.publicURL) else { throw HTTPBadgeFetcher.Refused(url: url) }
        let response = try await WebClient(app).get(String(url.dropFirst(TestApp.publicURL.count)), headers: ["Accept": accept])
        return FetchedResource(status: Int(response.status.code), contentType: response.headers.first(name: .contentType),
                               body: Data(response.body.readableBytesView))
    }
}

@Suite("Open Badges 3.0: keys, credentials, status lists, verification")
struct OB3Tests {
    /// An organisation with a badge class and one award made through the issuer form.
    static func award(_ app: Application, email: String = "lea@example.org") async throws -> (client: WebClient, award: Award) {
        let client = try await Scenario.organisationAdmin(app)
        let badge = try await Scenario.badgeClass(client)
        let path = "/issuer/badge-classes/\(badge.uuidString.lowercased())/award"
        try await client.get(path)
        try await client.postMultipart(path, [("recipients", email)])
        return (client, try #require(try await Award.query(on: app.db).first()))
    }

    static func verify(_ app: Application, _ input: BadgeInput, recipient: String? = nil) async -> BadgeVerdict {
        await BadgeVerifier(fetcher: InProcessFetcher(app: app), options: .init(expectedRecipient: recipient)).verify(input)
    }

    static func body(_ app: Application, _ path: String, accept: String = "application/ld+json") async throws -> Data {
        Data(try await WebClient(app).get(path, headers: ["Accept": accept]).body.readableBytesView)
    }

    @Test func everyProofFormatVerifiesAndNamesTheKeyOnTheProfile() async throws {
        try await TestApp.run { app in
            let (_, award) = try await Self.award(app)
            let id = award.id!.uuidString.lowercased()
            let hosted = try await Self.body(app, "/ob3/credentials/\(id)")
            let credential = try JSONValue(data: hosted)
            #expect(credential["credentialSubject"]?["achievement"]?["name"]?.stringValue == "Accueillir le public")
            #expect(!String(decoding: hosted, as: UTF8.self).contains("lea@example.org"), "the e-mail never appears in clear")
            let verdict = await Self.verify(app, .url("\(TestApp.publicURL)/ob3/credentials/\(id)"), recipient: "lea@example.org")
            #expect(verdict.valid, "\(verdict)")
            #expect(verdict.format == .ob3DataIntegrity)
            #expect(await !Self.verify(app, .bytes(hosted), recipient: "max@example.org").valid, "another earner's e-mail does not match")

            for alg in ["EdDSA", "ES256", "RS256"] {
                let token = String(decoding: try await Self.body(app, "/ob3/credentials/\(id)/credential.jwt?alg=\(alg)", accept: "application/vc+jwt"), as: UTF8.self)
                let verdict = await Self.verify(app, .bytes(Data(token.utf8)))
                #expect(verdict.valid && verdict.format == .ob3JWT, "\(alg): \(verdict)")
            }
            let png = try await Self.body(app, "/ob3/credentials/\(id)/baked.png", accept: "image/png")
            #expect(try PNGBaker.unbake(png, keyword: "openbadgecredential") != nil)
            #expect(await Self.verify(app, .bytes(png)).valid)
            let svg = try await Self.body(app, "/ob3/credentials/\(id)/baked.svg", accept: "image/svg+xml")
            #expect(await Self.verify(app, .bytes(svg)).valid)

            let profile = try JSONValue(data: try await Self.body(app, "/ob3/issuers/\(award.$organisation.id.uuidString.lowercased())"))
            let methods = profile["verificationMethod"]?.arrayValue ?? []
            #expect(methods.count == 3, "Ed25519 as a Multikey, P-256 and RSA as JWKs")
            #expect(methods.allSatisfy { $0["id"]?.stringValue?.hasPrefix(profile["id"]?.stringValue ?? "-") == true })
            let jwks = try JSONValue(data: try await Self.body(app, "/ob3/issuers/\(award.$organisation.id.uuidString.lowercased())/jwks.json"))
            #expect(jwks["keys"]?.arrayValue?.count == 3)
        }
    }

    @Test func privateKeysAreSealedWithTheMasterKey() async throws {
        try await TestApp.run { app in
            let (_, award) = try await Self.award(app)
            _ = try await app.blason.ob3(app.db).signedCredential(award)
            let key = try #require(try await SigningKey.query(on: app.db).filter(\.$algorithmName == "ed25519").first())
            guard case .ed25519(let opened) = try app.blason.keys(app.db).privateKey(key) else { Issue.record("not Ed25519"); return }
            #expect(key.sealedPrivate.range(of: opened.rawRepresentation) == nil, "the raw key is not stored")
            let otherMaster = MasterKey(key: SymmetricKey(size: .bits256))
            #expect(throws: (any Error).self) { try KeyService(db: app.db, clock: app.blason.clock, masterKey: otherMaster).privateKey(key) }
        }
    }

    @Test func revocationSetsTheStatusBitAndOnlyThatOne() async throws {
        try await TestApp.run { app in
            let (client, first) = try await Self.award(app)
            let badge = try await first.$badgeClass.get(on: app.db)
            let path = "/issuer/badge-classes/\(badge.id!.uuidString.lowercased())/award"
            try await client.get(path)
            let issued = try await client.postMultipart(path, [("recipients", "max@example.org\nnoe@example.org")])
            #expect(issued.status == .seeOther, "\(issued.body.string.suffix(1500))")
            let awards = try await Award.query(on: app.db).all()
            #expect(Set(awards.compactMap(\.statusIndex)).count == 3, "each award its own bit")
            let revoked = try #require(awards.first { $0.recipientEmail == "max@example.org" })
            let saved = try await Self.body(app, "/ob3/credentials/\(revoked.id!.uuidString.lowercased())")
            let token = try await Self.body(app, "/ob3/credentials/\(revoked.id!.uuidString.lowercased())/credential.jwt", accept: "application/vc+jwt")
            try await client.get("/issuer/awards/\(revoked.id!.uuidString.lowercased())")
            try await client.post("/issuer/awards/\(revoked.id!.uuidString.lowercased())/revoke", [("reason", "Erreur")])

            let entry = try #require(try JSONValue(data: saved)["credentialStatus"])
            let listURL = try #require(entry["statusListCredential"]?.stringValue)
            let list = try JSONValue(data: try await Self.body(app, String(listURL.dropFirst(TestApp.publicURL.count))))
            let bits = try #require(OB3.StatusList.decode(list["credentialSubject"]?["encodedList"]?.stringValue ?? ""))
            let others = awards.filter { $0.id != revoked.id }.compactMap(\.statusIndex)
            #expect(bits.isSet(try #require(Int(entry["statusListIndex"]?.stringValue ?? ""))))
            #expect(others.allSatisfy { !bits.isSet($0) })

            for copy in [saved, token] {
                let verdict = await Self.verify(app, .bytes(copy))
                #expect(!verdict.valid && verdict.revoked, "a saved copy is refused once revoked: \(verdict)")
            }
            let gone = try await WebClient(app).get("/ob3/credentials/\(revoked.id!.uuidString.lowercased())", headers: ["Accept": "application/ld+json"])
            #expect(gone.status == .gone)
            let other = try #require(awards.first { $0.recipientEmail == "noe@example.org" })
            #expect(await Self.verify(app, .url("\(TestApp.publicURL)/ob3/credentials/\(other.id!.uuidString.lowercased())")).valid)
        }
    }

    @Test func rotationKeepsEarlierCredentialsValid() async throws {
        try await TestApp.run { app in
            let (client, first) = try await Self.award(app)
            let before = try await Self.body(app, "/ob3/credentials/\(first.id!.uuidString.lowercased())")
            try await Task.sleep(for: .milliseconds(20))
            let created = try await app.blason.keys(app.db).rotate(first.$organisation.id)
            #expect(created.count == 1, "only the algorithms in use get a new key")
            try await Task.sleep(for: .milliseconds(20))
            let badge = try await first.$badgeClass.get(on: app.db)
            let path = "/issuer/badge-classes/\(badge.id!.uuidString.lowercased())/award"
            try await client.get(path)
            try await client.postMultipart(path, [("recipients", "max@example.org")])
            let second = try #require(try await Award.query(on: app.db).filter(\.$recipientEmail == "max@example.org").first())
            let after = try JSONValue(data: try await Self.body(app, "/ob3/credentials/\(second.id!.uuidString.lowercased())"))
            let earlier = try JSONValue(data: before)
            #expect(after["proof"]?["verificationMethod"] != earlier["proof"]?["verificationMethod"], "the new key signs from now on")
            #expect(await Self.verify(app, .bytes(before)).valid, "the earlier credential still verifies")
            let again = try await Self.body(app, "/ob3/credentials/\(first.id!.uuidString.lowercased())")
            #expect(again == before, "an earlier credential is signed again with its own key, to the same bytes")
            #expect(await Self.verify(app, .bytes(after.jsonData())).valid)
        }
    }

    @Test func aSignedCredentialIsKeptUntilWhatItSignsChanges() async throws {
        try await TestApp.run { app in
            let (_, award) = try await Self.award(app)
            let path = "/ob3/credentials/\(award.id!.uuidString.lowercased())"
            let first = try await Self.body(app, path)
            let kept = try #require(try await SignedCredential.find(award.id, on: app.db))
            #expect(try JSONValue(data: Data(kept.document.utf8)) == JSONValue(data: first))
            // What is served comes from the kept row while the credential is unchanged.
            kept.document = #"{"kept":true}"#
            try await kept.save(on: app.db)
            #expect(try JSONValue(data: try await Self.body(app, path)) == ["kept": true])
            // An edit of the badge class changes what is signed: signed again, and kept again.
            let badge = try await award.$badgeClass.get(on: app.db)
            badge.nameFR = "Accueillir le public (niveau 2)"
            try await badge.save(on: app.db)
            let renewed = try await Self.body(app, path)
            #expect(try JSONValue(data: renewed)["credentialSubject"]?["achievement"]?["name"]?.stringValue == "Accueillir le public (niveau 2)")
            #expect(await Self.verify(app, .bytes(renewed), recipient: "lea@example.org").valid)
            let again = try #require(try await SignedCredential.find(award.id, on: app.db))
            #expect(again.digest != kept.digest)
            #expect(try JSONValue(data: Data(again.document.utf8)) == JSONValue(data: renewed))
        }
    }

    @Test func aKeyOfAnotherIssuerIsRefused() async throws {
        try await TestApp.run { app in
            let (_, award) = try await Self.award(app)
            _ = try await Scenario.organisationAdmin(app, email: "admin@autre.test", organisation: "Autre", slug: "autre")
            let intruder = try #require(try await Organisation.query(on: app.db).filter(\.$slug == "autre").first())
            let publisher = app.blason.ob3(app.db)
            let credential = try await publisher.credential(award)
            // Signed with a real key of a real issuer: not the one the credential names.
            let forged = try await publisher.signDataIntegrity(credential, organisationID: intruder.requireID(), date: Date())
            let verdict = await Self.verify(app, .bytes(forged.jsonData()))
            #expect(!verdict.valid && verdict.failures.contains { $0.id == "issuer-key" }, "\(verdict)")
            // The same with a VC-JWT: the intruder's real key, on the same site, named by its own kid.
            for algorithm in [SigningKey.Algorithm.ed25519, .rs256] {
                let key = try await app.blason.keys(app.db).active(intruder.requireID(), algorithm)
                let token = try await VCJWT.sign(credential: credential, key: try publisher.joseKey(key), kid: try publisher.verificationMethodID(key))
                let verdict = await Self.verify(app, .bytes(Data(token.utf8)))
                #expect(!verdict.valid && verdict.failures.contains { $0.id == "issuer-key" }, "\(algorithm): \(verdict)")
            }
        }
    }

    @Test func theVerifyPageExplainsInPlainWords() async throws {
        try await TestApp.run { app in
            let (_, award) = try await Self.award(app)
            let url = "\(TestApp.publicURL)/ob3/credentials/\(award.id!.uuidString.lowercased())"
            let client = WebClient(app)
            client.language = "fr"
            app.blason.badgeFetcher = InProcessFetcher(app: app)
            let page = try await client.get("/verify?url=" + (url.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
            #expect(page.body.string.contains("Ce badge est valide."), "\(page.body.string.suffix(2000))")
            let none = "eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0."
            let refused = try await client.postMultipart("/verify", [("text", none), ("url", "")], withToken: false)
            #expect(refused.status == .ok)
            #expect(refused.body.string.contains("Ce badge n'est pas valide."))
            let huge = Data(count: 6_000_000)
            let large = try await client.postMultipart("/verify", [("url", "")], files: [("file", "badge.png", "image/png", huge)], withToken: false)
            #expect(large.status == .ok && large.body.string.contains("Ce badge n'est pas valide."), "\(large.status)")
        }
    }
}
