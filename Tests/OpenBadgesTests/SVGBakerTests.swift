import Foundation
import OpenBadges
import Testing

@Suite("SVG baking")
struct SVGBakerTests {
    static let artwork = """
    <?xml version="1.0" encoding="UTF-8"?>
    <!-- issuer artwork -->
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="100" height="100">
      <circle cx="50" cy="50" r="40" fill="gold"/>
    </svg>
    """
    let svg = Data(Self.artwork.utf8)

    @Test("bake then unbake returns payload and verify", arguments: [
        #"{"id":"https://example.org/assertions/1"}"#,
        "Café crème — 🎉🏅",
        "a]]>b]]]>c]]",
        "]]>",
        "line one\r\nline two\rthree",
        "",
        "  <not markup> & \"quotes\" '",
    ])
    func roundTrip(payload: String) throws {
        let verify = "https://example.org/assertions/1?a=1&b=\"2\""
        let baked = try SVGBaker.bake(svg, payload: payload, verify: verify)
        let result = try #require(try SVGBaker.unbake(baked))
        #expect(result.verify == verify)
        #expect(result.payload == payload)
    }

    @Test("the element is the first child of the root, with the namespace declared")
    func layout() throws {
        let baked = String(decoding: try SVGBaker.bake(svg, payload: "P", verify: nil), as: UTF8.self)
        #expect(baked.contains(#"height="100" xmlns:openbadges="http://openbadges.org"><openbadges:assertion><![CDATA[P]]></openbadges:assertion>"#))
        // The rest of the artwork is kept byte for byte.
        #expect(baked.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- issuer artwork -->\n<svg "))
        #expect(baked.hasSuffix("\n  <circle cx=\"50\" cy=\"50\" r=\"40\" fill=\"gold\"/>\n</svg>"))
        #expect(try SVGBaker.unbake(Data(baked.utf8))?.verify == nil)
    }

    @Test("a payload containing ]]> is split across CDATA sections")
    func cdataSplit() throws {
        let baked = String(decoding: try SVGBaker.bake(svg, payload: "x]]>y", verify: nil), as: UTF8.self)
        #expect(baked.contains("<![CDATA[x]]]]><![CDATA[>y]]>"))
    }

    @Test("re-baking replaces the earlier element")
    func rebake() throws {
        let once = try SVGBaker.bake(svg, payload: "first", verify: "https://a.example/1")
        let twice = try SVGBaker.bake(once, payload: "second", verify: nil)
        let text = String(decoding: twice, as: UTF8.self)
        #expect(text.components(separatedBy: "<openbadges:assertion").count == 2)
        #expect(text.components(separatedBy: "xmlns:openbadges").count == 2)
        let result = try #require(try SVGBaker.unbake(twice))
        #expect(result.payload == "second")
        #expect(result.verify == nil)
    }

    @Test("OB 3.0 credential element is separate from an OB 2.0 assertion")
    func credentialElement() throws {
        let ob2 = try SVGBaker.bake(svg, payload: "two", verify: nil)
        let both = try SVGBaker.bake(ob2, payload: "three", verify: nil, element: "credential")
        #expect(try SVGBaker.unbake(both)?.payload == "two")
        #expect(try SVGBaker.unbake(both, element: "credential")?.payload == "three")
    }

    @Test("a self-closing root gets an end tag")
    func selfClosingRoot() throws {
        let baked = try SVGBaker.bake(Data(#"<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>"#.utf8), payload: "p", verify: nil)
        #expect(String(decoding: baked, as: UTF8.self).hasSuffix("</openbadges:assertion></svg>"))
        #expect(try SVGBaker.unbake(baked)?.payload == "p")
    }

    @Test("an unbaked SVG has no payload")
    func noPayload() throws {
        #expect(try SVGBaker.unbake(svg) == nil)
    }

    @Test("a hand-written baked file with indentation around CDATA is read")
    func referenceLayout() throws {
        let file = """
        <svg version="1.1" width="300" height="200"
             xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">
          <openbadges:assertion verify="https://example.org/assertion.json">
            <![CDATA[{"uid": "abc"}]]>
          </openbadges:assertion>
          <rect width="100%" height="100%" fill="red" />
        </svg>
        """
        let result = try #require(try SVGBaker.unbake(Data(file.utf8)))
        #expect(result.verify == "https://example.org/assertion.json")
        #expect(result.payload == #"{"uid": "abc"}"#)
    }

    @Test("two openbadges elements are refused")
    func duplicate() {
        let file = """
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">
          <openbadges:assertion verify="a"/>
          <g><openbadges:assertion verify="b"/></g>
        </svg>
        """
        #expect(throws: BadgeImageError.duplicateBakedPayload) { try SVGBaker.unbake(Data(file.utf8)) }
    }

    @Test("broken XML and non-SVG documents are refused")
    func refusals() {
        #expect(throws: BadgeImageError.self) { try SVGBaker.bake(Data("<svg><g></svg>".utf8), payload: "p", verify: nil) }
        #expect(throws: BadgeImageError.unsupportedFormat) { try SVGBaker.bake(Data("<html/>".utf8), payload: "p", verify: nil) }
        #expect(throws: BadgeImageError.self) { try SVGBaker.bake(svg, payload: "bad \u{1} char", verify: nil) }
        #expect(throws: BadgeImageError.self) { try SVGBaker.bake(svg, payload: "p", verify: nil, element: "a:b") }
    }
}
