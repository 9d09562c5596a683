import Foundation
import OpenBadges
import Testing

@Suite("PNG baking")
struct PNGBakerTests {
    let png = TestPNG.make(width: 4, height: 4)

    @Test("the test CRC matches the standard check value")
    func referenceCRC() {
        #expect(TestPNG.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    @Test("bake then unbake returns the payload", arguments: [
        #"{"id":"https://example.org/assertions/1"}"#,
        "Café crème — 🎉🏅 naïve",
        "",
        "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln",
    ])
    func roundTrip(payload: String) throws {
        let baked = try PNGBaker.bake(png, text: payload)
        #expect(try PNGBaker.unbake(baked) == payload)
    }

    @Test("the iTXt chunk follows IHDR, has the OB layout and a valid CRC")
    func chunkLayoutAndCRC() throws {
        let baked = try PNGBaker.bake(png, text: "é🎉")
        let chunks = TestPNG.chunks(baked)
        #expect(chunks.map(\.type) == ["IHDR", "iTXt", "IDAT", "IEND"])
        let itxt = chunks[1]
        #expect(itxt.body == Array("openbadges".utf8) + [0, 0, 0, 0, 0] + Array("é🎉".utf8))
        for chunk in chunks {
            #expect(chunk.crc == TestPNG.crc32(Array(chunk.type.utf8) + chunk.body), "CRC of \(chunk.type)")
        }
        // Everything but the new chunk is untouched.
        #expect(baked.count == png.count + 12 + itxt.body.count)
    }

    @Test("re-baking replaces the earlier payload, including a tEXt one")
    func rebakeReplaces() throws {
        let legacy = TestPNG.make(width: 4, height: 4, extraChunks: [("tEXt", TestPNG.textBody("openbadges", "old"))])
        let once = try PNGBaker.bake(legacy, text: "first")
        let twice = try PNGBaker.bake(once, text: "second")
        #expect(try PNGBaker.unbake(twice) == "second")
        #expect(TestPNG.chunks(twice).filter { ["iTXt", "tEXt"].contains($0.type) }.count == 1)
    }

    @Test("other text chunks and keywords are left alone")
    func otherKeywords() throws {
        let source = TestPNG.make(width: 4, height: 4, extraChunks: [("tEXt", TestPNG.textBody("Software", "Inkscape"))])
        let baked = try PNGBaker.bake(source, text: "x", keyword: "openbadges")
        #expect(TestPNG.chunks(baked).map(\.type) == ["IHDR", "iTXt", "tEXt", "IDAT", "IEND"])
        #expect(try PNGBaker.unbake(baked, keyword: "Software") == "Inkscape")
    }

    @Test("an unbaked PNG has no payload")
    func noPayload() throws {
        #expect(try PNGBaker.unbake(png) == nil)
    }

    @Test("a legacy tEXt payload is read")
    func legacyText() throws {
        let source = TestPNG.make(width: 4, height: 4, extraChunks: [("tEXt", TestPNG.textBody("openbadges", "https://example.org/a"))])
        #expect(try PNGBaker.unbake(source) == "https://example.org/a")
    }

    @Test("two openbadges chunks are refused", arguments: [("iTXt", "iTXt"), ("iTXt", "tEXt"), ("tEXt", "tEXt")])
    func duplicatePayload(types: (String, String)) {
        func body(_ type: String, _ text: String) -> [UInt8] {
            type == "iTXt" ? TestPNG.iTXtBody("openbadges", text) : TestPNG.textBody("openbadges", text)
        }
        let source = TestPNG.make(width: 4, height: 4, extraChunks: [(types.0, body(types.0, "a")), (types.1, body(types.1, "b"))])
        #expect(throws: BadgeImageError.duplicateBakedPayload) { try PNGBaker.unbake(source) }
    }

    @Test("a corrupted chunk CRC is refused")
    func badCRC() {
        var corrupted = [UInt8](png)
        corrupted[8 + 8 + 13] ^= 0xFF // first byte of IHDR's CRC
        #expect {
            try PNGBaker.unbake(Data(corrupted))
        } throws: { error in
            guard case BadgeImageError.malformed(let message) = error else { return false }
            return message.contains("CRC")
        }
    }

    @Test("truncated PNGs are refused", arguments: [8, 12, 20, 33, 50])
    func truncated(dropping count: Int) {
        let cut = png.prefix(png.count - count)
        #expect(throws: BadgeImageError.self) { try PNGBaker.bake(cut, text: "x") }
        #expect {
            try PNGBaker.unbake(cut)
        } throws: { error in
            if case BadgeImageError.malformed = error { true } else { false }
        }
    }

    @Test("bytes after IEND are refused")
    func trailingData() {
        #expect(throws: BadgeImageError.self) { try PNGBaker.unbake(png + Data("junk".utf8)) }
    }

    @Test("a non-PNG is refused")
    func notPNG() {
        #expect(throws: BadgeImageError.self) { try PNGBaker.bake(Data("<svg/>".utf8), text: "x") }
    }

    @Test("an invalid keyword is refused")
    func badKeyword() {
        #expect(throws: BadgeImageError.self) { try PNGBaker.bake(png, text: "x", keyword: "") }
        #expect(throws: BadgeImageError.self) { try PNGBaker.bake(png, text: "x", keyword: "bad\u{0}key") }
    }
}
