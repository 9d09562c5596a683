import BlasonQR
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@Suite("SVG rendering")
struct SVGTests {
    /// What an XML parser makes of the document: elements with their attributes, and the title text.
    final class Outline: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String])] = []
        var title = ""
        private var inTitle = false

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append((name, attributes))
            inTitle = name == "title"
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            inTitle = false
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inTitle { title += string }
        }
    }

    static func parse(_ svg: String) throws -> Outline {
        let parser = XMLParser(data: Data(svg.utf8))
        let outline = Outline()
        parser.delegate = outline
        let parsed = parser.parse()
        #expect(parsed, "not well-formed: \(String(describing: parser.parserError))")
        return outline
    }

    /// The modules the path paints, each `M x y h w v1 h-w z` a run of `w` modules on row `y`.
    static func paintedModules(_ path: String) -> Set<[Int]> {
        var painted = Set<[Int]>()
        let scanner = Scanner(string: path)
        while !scanner.isAtEnd {
            guard scanner.scanString("M") != nil, let x = scanner.scanInt(), let y = scanner.scanInt(),
                  scanner.scanString("h") != nil, let width = scanner.scanInt(),
                  scanner.scanString("v1h-") != nil, scanner.scanInt() == width, scanner.scanString("z") != nil else {
                Issue.record("unexpected path syntax near \(scanner.currentIndex.utf16Offset(in: path))")
                return painted
            }
            for column in x..<(x + width) {
                painted.insert([column, y])
            }
        }
        return painted
    }

    @Test("well-formed, sized with the quiet zone, crisp, titled, one path of exactly the dark modules",
          arguments: [(1, 8, 4), (7, 3, 0), (10, 1, 2)])
    func document(version: Int, moduleSize: Int, quietZone: Int) throws {
        let code = try QRCode(text: "https://blason.example/verify", minimumVersion: version)
        let outline = try Self.parse(code.svg(moduleSize: moduleSize, quietZone: quietZone, title: "Verify this badge"))
        let side = code.size + 2 * quietZone

        let root = try #require(outline.elements.first)
        #expect(root.name == "svg")
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(root.attributes["width"] == String(side * moduleSize))
        #expect(root.attributes["height"] == String(side * moduleSize))
        #expect(root.attributes["viewBox"] == "0 0 \(side) \(side)")
        #expect(root.attributes["shape-rendering"] == "crispEdges")
        #expect(root.attributes["role"] == "img")
        #expect(outline.elements.map(\.name) == ["svg", "title", "rect", "path"])
        #expect(outline.title == "Verify this badge")

        // The background covers the whole image, quiet zone included.
        let background = outline.elements[2].attributes
        #expect(background["width"] == String(side) && background["height"] == String(side))
        #expect(background["x"] == nil && background["y"] == nil)
        #expect(background["fill"] == "#ffffff")

        let path = outline.elements[3].attributes
        #expect(path["fill"] == "#000000")
        let painted = Self.paintedModules(try #require(path["d"]))
        var expected = Set<[Int]>()
        for y in 0..<code.size {
            for x in 0..<code.size where code.isDark(x: x, y: y) {
                expected.insert([x + quietZone, y + quietZone])
            }
        }
        #expect(painted == expected)
        #expect(painted.allSatisfy { $0.allSatisfy { (quietZone..<(quietZone + code.size)).contains($0) } })
    }

    @Test("the title is escaped and defaults to \"QR code\"")
    func title() throws {
        let code = try QRCode(text: "x")
        #expect(try Self.parse(code.svg()).title == "QR code")
        #expect(try Self.parse(code.svg(title: "Badges & <more> \"quoted\"\u{1}\u{7}")).title == "Badges & <more> \"quoted\"")
    }
}
