import Foundation
import OpenBadges
import Testing

/// Whatever a user brings, the verifier answers with a verdict: hostile, broken and ambiguous
/// inputs fail one check with a clear message, quickly, without fetching what they point to.
@Suite("Badge verifier: inputs")
struct VerifierInputTests {
    typealias F = VerifierFixtures

    func verify(_ data: Data, fetcher: FixtureFetcher? = nil) async -> BadgeVerdict {
        await F.verifier(fetcher).verify(.bytes(data))
    }

    func onlyFailure(_ verdict: BadgeVerdict) -> BadgeVerdict.Check? {
        verdict.failures.count == 1 ? verdict.failures[0] : nil
    }

    @Test func aTruncatedPNGIsMalformed() async throws {
        let png = try F.data("ob3/ldp-baked.png")
        let verdict = await verify(png.prefix(png.count / 2))
        #expect(!verdict.valid)
        #expect(onlyFailure(verdict)?.id == "input")
        #expect(onlyFailure(verdict)?.message.contains("malformed") == true, "\(verdict)")
    }

    @Test func aPNGWithTwoBadgesIsAmbiguous() async throws {
        let credential = try F.text("ob3/ldp.json")
        let assertion = try F.text("ob2/signed.jws")
        let mixed = TestPNG.make(width: 4, height: 4, extraChunks: [
            ("iTXt", TestPNG.iTXtBody("openbadgecredential", credential)), ("iTXt", TestPNG.iTXtBody("openbadges", assertion)),
        ])
        let twice = TestPNG.make(width: 4, height: 4, extraChunks: [
            ("iTXt", TestPNG.iTXtBody("openbadges", assertion)), ("tEXt", TestPNG.textBody("openbadges", assertion)),
        ])
        for png in [mixed, twice] {
            let server = try await F.ob3Server()
            let verdict = await verify(png, fetcher: server)
            #expect(!verdict.valid)
            #expect(onlyFailure(verdict)?.message.contains("ambiguous") == true, "\(verdict)")
            #expect(await server.requests.isEmpty)
        }
    }

    @Test func aCompressedBadgeChunkIsRead() async throws {
        let token = try F.text("ob3/jwt-eddsa.txt")
        var body = Array("openbadgecredential".utf8) + [0, 1, 0, 0, 0]
        body += Self.zlibStored(Array(token.utf8))
        let png = TestPNG.make(width: 4, height: 4, extraChunks: [("iTXt", body)])
        let verdict = await verify(png, fetcher: try await F.ob3Server())
        #expect(verdict.valid, "\(verdict)")
    }

    @Test func fiftyMegabytesAreRefusedBySizeAtOnce() async {
        let started = ContinuousClock.now
        let verdict = await verify(Data(count: 50_000_000))
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(!verdict.valid)
        #expect(onlyFailure(verdict)?.id == "input")
        #expect(onlyFailure(verdict)?.message.contains("limit of 5000000 bytes") == true)
    }

    @Test(arguments: [
        ("{\"@context\": [\"https://www.w3.org/ns/credentials/v2\"", "document"),
        ("[1, 2, 3]", "document"),
        ("{\"name\": \"a\", \"name\": \"b\"}", "document"),
        ("{\"hello\": \"world\"}", "format"),
        ("just some text", "input"),
        ("", "input"),
    ])
    func malformedTextIsRefused(text: String, check: String) async {
        let verdict = await verify(Data(text.utf8))
        #expect(!verdict.valid)
        #expect(onlyFailure(verdict)?.id == check, "\(verdict)")
    }

    @Test func binaryNoiseIsNotABadge() async {
        let verdict = await verify(Data((0..<512).map { UInt8(truncatingIfNeeded: $0 &* 151 &+ 7) }))
        #expect(!verdict.valid)
        #expect(onlyFailure(verdict)?.id == "input")
    }

    /// JSON-LD the processor refuses (a context that is a number) is a verdict too.
    @Test func malformedJSONLDIsRefused() async throws {
        var credential = try JSONValue(data: F.data("ob3/ldp-didkey.json"))
        credential["@context"] = [.string(OB3.credentialsContext), .string(OB3.openBadgesContext), 42]
        let verdict = await verify(credential.jsonData())
        #expect(!verdict.valid)
        #expect(onlyFailure(verdict)?.id == "context", "\(verdict)")
    }

    @Test func aURLNeedsAFetcherAndHTTP() async {
        let offline = await F.verifier(nil).verify(.url("https://badges.example/assertions/1"))
        #expect(onlyFailure(offline)?.message.contains("no network access allowed") == true)
        let server = FixtureFetcher()
        for url in ["file:///etc/passwd", "ftp://badges.example/1", "not a url"] {
            let verdict = await F.verifier(server).verify(.url(url))
            #expect(!verdict.valid)
            #expect(onlyFailure(verdict)?.id == "input", "\(verdict)")
        }
        #expect(await server.requests.isEmpty)
    }

    @Test func fetchesAreBounded() async throws {
        let server = try await F.ob2Server()
        let verifier = BadgeVerifier(fetcher: server, options: .init(now: F.now, maxFetches: 2))
        let verdict = await verifier.verify(.url(F.ob2Base + "/assertions/1"))
        #expect(!verdict.valid)
        #expect(verdict.failures.first?.message.contains("limit of 2 fetches") == true, "\(verdict)")
        #expect(await server.requests.count == 2)
    }

    @Test func aFetchedDocumentOverTheLimitIsRefused() async throws {
        let server = try await F.ob2Server()
        let verifier = BadgeVerifier(fetcher: server, options: .init(now: F.now, maxBytes: 400))
        let verdict = await verifier.verify(.url(F.ob2Base + "/assertions/1.png"))
        #expect(!verdict.valid)
        #expect(onlyFailure(verdict)?.message.contains("larger than the limit") == true, "\(verdict)")
    }

    /// An image whose baked URL answers with the same image: nesting stops.
    @Test func nestingIsBounded() async throws {
        let url = "https://loop.example/badge.png"
        let png = TestPNG.make(width: 2, height: 2, extraChunks: [("iTXt", TestPNG.iTXtBody("openbadges", url))])
        let server = FixtureFetcher()
        await server.serve(url, png, contentType: "image/png")
        let verdict = await verify(png, fetcher: server)
        #expect(!verdict.valid)
        #expect(verdict.failures.last?.message.contains("too deeply") == true, "\(verdict)")
        #expect(await server.requests.count == 1)
    }

    @Test func bakedSVGsAreReadAndTwoBadgesAreAmbiguous() async throws {
        let svg = Data(#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>"#.utf8)
        let token = try F.text("ob3/jwt-eddsa.txt")
        let baked = try SVGBaker.bake(svg, payload: token, verify: nil, element: "credential")
        let verdict = await verify(baked, fetcher: try await F.ob3Server())
        #expect(verdict.valid, "\(verdict)")
        #expect(verdict.format == .ob3JWT)

        let both = try SVGBaker.bake(baked, payload: try F.text("ob2/signed.jws"), verify: nil, element: "assertion")
        let ambiguous = await verify(both, fetcher: try await F.ob3Server())
        #expect(onlyFailure(ambiguous)?.message.contains("ambiguous") == true, "\(ambiguous)")
    }

    @Test func theVerdictEncodesAsJSON() async throws {
        let verdict = await verify(try F.data("ob3/ldp-didkey.json"))
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let json = try JSONValue(data: encoder.encode(verdict))
        #expect(json["valid"] == true)
        #expect(json["format"] == "ob3-data-integrity")
        #expect(json["checks"]?.arrayValue?.first?["id"] != nil)
        #expect(json["issuedOn"] == "2024-01-01T00:00:00Z")
    }

    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        precondition(data.count < 65_535)
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        let count = data.count
        return [0x78, 0x01, 1, UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF), UInt8((~count >> 8) & 0xFF)]
            + data + TestPNG.bigEndian((b << 16) | a)
    }
}
