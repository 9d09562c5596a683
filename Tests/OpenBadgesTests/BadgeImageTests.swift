import Foundation
import OpenBadges
import Testing

@Suite("Badge image validation")
struct BadgeImageTests {
    @Test("formats describe themselves for HTTP and downloads")
    func formatMetadata() throws {
        #expect(BadgeImageFormat.png.mimeType == "image/png")
        #expect(BadgeImageFormat.svg.mimeType == "image/svg+xml")
        #expect(BadgeImageFormat.png.fileExtension == "png")
        #expect(BadgeImageFormat.svg.fileExtension == "svg")
        #expect(try JSONDecoder().decode([BadgeImageFormat].self, from: Data(#"["png","svg"]"#.utf8)) == [.png, .svg])
    }

    @Test("a square PNG is accepted unchanged")
    func squarePNG() throws {
        let png = TestPNG.make(width: 32, height: 32)
        let result = try BadgeImage.validate(png)
        #expect(result.data == png)
        #expect(result.info == BadgeImageInfo(format: .png, width: 32, height: 32))
    }

    @Test("a non-square PNG is refused")
    func nonSquarePNG() {
        #expect(throws: BadgeImageError.notSquare(width: 40, height: 20)) {
            try BadgeImage.validate(TestPNG.make(width: 40, height: 20))
        }
    }

    @Test("inspect reports size without the square policy")
    func inspectPNG() throws {
        #expect(try BadgeImage.inspect(TestPNG.make(width: 40, height: 20)) == BadgeImageInfo(format: .png, width: 40, height: 20))
    }

    @Test("an SVG is sanitised and measured")
    func squareSVG() throws {
        let svg = #"<?xml version="1.0"?><!-- hi --><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><circle r="30" cx="32" cy="32"/></svg>"#
        let result = try BadgeImage.validate(Data(svg.utf8))
        #expect(result.info == BadgeImageInfo(format: .svg, width: 64, height: 64))
        #expect(String(decoding: result.data, as: UTF8.self) == #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><circle r="30" cx="32" cy="32"/></svg>"#)
    }

    @Test("SVG size comes from the viewBox, else width and height", arguments: [
        (#"viewBox="0,0 , 50.5 50.5" width="10mm" height="3em""#, 50.5, 50.5),
        (#"viewBox="-10 -10 20 40""#, 20, 40),
        (#"width="48px" height=" 48 ""#, 48, 48),
        (#"width="1e2" height="100.0""#, 100, 100),
    ])
    func svgSize(attributes: String, width: Double, height: Double) throws {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" \(attributes)/>"
        #expect(try BadgeImage.inspect(Data(svg.utf8)) == BadgeImageInfo(format: .svg, width: width, height: height))
    }

    @Test("SVG sizes in other units or missing are malformed", arguments: [
        #"width="10mm" height="10mm""#, #"width="100%" height="100%""#, #"width="10""#, "",
        #"viewBox="0 0 10""#, #"viewBox="0 0 0 0""#, #"viewBox="0 0 inf inf""#, #"width="0x10" height="0x10""#,
    ])
    func badSVGSize(attributes: String) {
        #expect {
            try BadgeImage.validate(Data("<svg xmlns=\"http://www.w3.org/2000/svg\" \(attributes)/>".utf8))
        } throws: { error in
            if case BadgeImageError.malformed = error { true } else { false }
        }
    }

    @Test("a non-square SVG is refused")
    func nonSquareSVG() {
        #expect(throws: BadgeImageError.notSquare(width: 100, height: 50)) {
            try BadgeImage.validate(Data(#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50"/>"#.utf8))
        }
    }

    @Test("an unsafe SVG is refused by validation")
    func unsafeSVG() {
        let svg = #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><script>alert(1)</script></svg>"#
        #expect(throws: BadgeImageError.unsafeSVG("script element")) { try BadgeImage.validate(Data(svg.utf8)) }
    }

    @Test("oversized uploads are refused before parsing")
    func tooLarge() {
        let png = TestPNG.make(width: 64, height: 64)
        #expect(throws: BadgeImageError.tooLarge(bytes: png.count, limit: 1000)) { try BadgeImage.validate(png, limit: 1000) }
        let svg = Data(("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\">" + String(repeating: " ", count: 300 * 1024) + "</svg>").utf8)
        #expect(throws: BadgeImageError.tooLarge(bytes: svg.count, limit: 256 * 1024)) { try BadgeImage.validate(svg) }
    }

    @Test("other formats are unsupported", arguments: [
        ("JPEG", Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01])),
        ("GIF", Data("GIF89a".utf8) + Data([1, 0, 1, 0, 0, 0, 0])),
        ("text", Data("just some text".utf8)),
        ("HTML", Data("<html><body><svg/></body></html>".utf8)),
        ("XHTML root", Data(#"<svg xmlns="http://www.w3.org/1999/xhtml"/>"#.utf8)),
        ("binary after <", Data([0x3C, 0xFF, 0xFE, 0x00])),
    ])
    func unsupported(name: String, data: Data) {
        #expect(throws: BadgeImageError.unsupportedFormat, "\(name)") { try BadgeImage.validate(data) }
        #expect(throws: BadgeImageError.unsupportedFormat, "\(name)") { try BadgeImage.inspect(data) }
    }

    @Test("empty data is refused")
    func empty() {
        #expect(throws: BadgeImageError.empty) { try BadgeImage.validate(Data()) }
    }

    @Test("a truncated PNG is malformed")
    func truncatedPNG() {
        let png = TestPNG.make(width: 8, height: 8)
        #expect {
            try BadgeImage.validate(png.prefix(png.count / 2))
        } throws: { error in
            if case BadgeImageError.malformed = error { true } else { false }
        }
    }
}
