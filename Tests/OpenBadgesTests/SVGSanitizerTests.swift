import Foundation
import OpenBadges
import Testing

/// One hostile document and the words the refusal must mention.
struct UnsafeSVGCase: Sendable, CustomTestStringConvertible {
    let name: String
    let body: String
    let expected: String
    var testDescription: String { name }

    /// Wraps `inner` in a square root element unless `body` is a whole document.
    init(_ name: String, inner: String, expected: String) {
        self.init(name, document: #"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">"# + inner + "</svg>", expected: expected)
    }

    init(_ name: String, document: String, expected: String) {
        self.name = name
        body = document
        self.expected = expected
    }
}

@Suite("SVG sanitiser")
struct SVGSanitizerTests {
    static let unsafeCases: [UnsafeSVGCase] = [
        UnsafeSVGCase("script element", inner: "<script>alert(1)</script>", expected: "script element"),
        UnsafeSVGCase("script in CDATA", inner: "<script><![CDATA[alert(1)]]></script>", expected: "script element"),
        UnsafeSVGCase("XHTML script", inner: #"<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>"#, expected: "script element"),
        UnsafeSVGCase("onload on root", document: #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1" onload="alert(1)"/>"#, expected: "event attribute onload"),
        UnsafeSVGCase("onclick mixed case", inner: #"<rect width="1" height="1" onClick="alert(1)"/>"#, expected: "event attribute onClick"),
        UnsafeSVGCase("foreignObject", inner: #"<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject>"#, expected: "foreignObject"),
        UnsafeSVGCase("external href", inner: #"<use href="https://evil.example/sprite.svg#a"/>"#, expected: "external reference https://evil.example/sprite.svg#a"),
        UnsafeSVGCase("external xlink:href", inner: #"<use xlink:href="//evil.example/s.svg#a"/>"#, expected: "external reference //evil.example/s.svg#a"),
        UnsafeSVGCase("relative href", inner: #"<linearGradient id="g" href="other.svg#g"/>"#, expected: "external reference other.svg#g"),
        UnsafeSVGCase("image from the network", inner: #"<image href="https://evil.example/track.png" width="1" height="1"/>"#, expected: "external reference https://evil.example/track.png"),
        UnsafeSVGCase("image with SVG data URI", inner: #"<image href="data:image/svg+xml;base64,PHN2Zy8+" width="1" height="1"/>"#, expected: "external reference data:image/svg+xml"),
        UnsafeSVGCase("use with data URI", inner: #"<use href="data:image/png;base64,AAAA"/>"#, expected: "external reference data:image/png"),
        UnsafeSVGCase("src attribute", inner: #"<feImage src="http://evil.example/x.png"/>"#, expected: "external reference http://evil.example/x.png"),
        UnsafeSVGCase("url() in attribute", inner: #"<rect width="1" height="1" fill="url(https://evil.example/p.svg#g)"/>"#, expected: "external reference https://evil.example/p.svg#g"),
        UnsafeSVGCase("url() in style attribute", inner: #"<rect width="1" height="1" style="fill: url( 'http://evil.example/x' )"/>"#, expected: "external reference http://evil.example/x"),
        UnsafeSVGCase("DOCTYPE with external entity", document: """
            <?xml version="1.0"?>
            <!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><text>&xxe;</text></svg>
            """, expected: "DOCTYPE/entity declaration"),
        UnsafeSVGCase("plain DOCTYPE", document: #"<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>"#, expected: "DOCTYPE/entity declaration"),
        UnsafeSVGCase("stylesheet processing instruction", document: #"<?xml-stylesheet href="https://evil.example/x.css"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>"#, expected: "processing instruction xml-stylesheet"),
        UnsafeSVGCase("processing instruction inside", inner: "<g><?php echo 1; ?></g>", expected: "processing instruction php"),
        UnsafeSVGCase("style @import", inner: "<style>@import 'https://evil.example/x.css';</style>", expected: "@import"),
        UnsafeSVGCase("style url() to outside", inner: "<style><![CDATA[rect { fill: url(https://evil.example/p#g) }]]></style>", expected: "external reference https://evil.example/p#g"),
        UnsafeSVGCase("style font from outside", inner: #"<style>@font-face { font-family: x; src: url("https://evil.example/f.woff") }</style>"#, expected: "external reference https://evil.example/f.woff"),
        UnsafeSVGCase("style CSS escape", inner: #"<style>rect { background: u\72l(https://evil.example) }</style>"#, expected: "CSS escape"),
        UnsafeSVGCase("javascript: in href", inner: #"<use href="javascript:alert(1)"/>"#, expected: "javascript:"),
        UnsafeSVGCase("javascript: hidden by a tab reference", inner: #"<rect width="1" height="1" filter="java&#9;script:alert(1)"/>"#, expected: "javascript:"),
        UnsafeSVGCase("javascript: in an editor attribute", inner: #"<g xmlns:x="urn:x" x:link="JavaScript:alert(1)"/>"#, expected: "javascript:"),
        UnsafeSVGCase("anchor element", inner: ##"<a href="#x"><rect width="1" height="1"/></a>"##, expected: "element a"),
        UnsafeSVGCase("animation rewriting href", inner: #"<set attributeName="href" to="javascript:alert(1)"/>"#, expected: "javascript:"),
        UnsafeSVGCase("animate element", inner: #"<animate attributeName="fill" to="red"/>"#, expected: "element animate"),
        UnsafeSVGCase("iframe in SVG namespace", inner: #"<iframe/>"#, expected: "element iframe"),
    ]

    @Test("dangerous constructs are refused", arguments: unsafeCases)
    func refusesUnsafe(_ unsafe: UnsafeSVGCase) {
        #expect {
            try SVGSanitizer.sanitize(Data(unsafe.body.utf8))
        } throws: { error in
            guard case BadgeImageError.unsafeSVG(let message) = error else { return false }
            return message.contains(unsafe.expected)
        }
    }

    static let harmless = """
    <?xml version="1.0" encoding="UTF-8" standalone="no"?>
    <!-- Created with Inkscape -->
    <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
         xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
         xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
         xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         viewBox="0 0 120 120" width="120" height="120" inkscape:version="1.3">
      <sodipodi:namedview id="base" pagecolor="#ffffff"/>
      <metadata><rdf:RDF><rdf:Description rdf:about=""/></rdf:RDF></metadata>
      <title>Café &amp; Co — 🏅</title>
      <style><![CDATA[ .ring > circle { stroke: url(#grad); } ]]></style>
      <defs>
        <linearGradient id="grad" x1="0" x2="1"><stop offset="0" stop-color="#fc0"/><stop offset="1" stop-color="#c60"/></linearGradient>
        <filter id="shadow"><feGaussianBlur stdDeviation="2"/><feOffset dx="1" dy="1"/></filter>
        <symbol id="star"><polygon points="10,1 4,19 19,7 1,7 16,19"/></symbol>
      </defs>
      <g class="ring" filter="url(#shadow)" inkscape:label="Layer 1">
        <circle cx="60" cy="60" r="50" fill="url('#grad')" style="stroke-width: 4"/>
        <use xlink:href="#star" x="50" y="50"/>
        <use href="#star" x="10" y="10"/>
        <image href="data:image/png;base64,iVBORw0KGgo=" width="8" height="8"/>
        <text x="60" y="110" xml:space="preserve">A &lt; B</text>
      </g>
    </svg>
    """

    @Test("a harmless SVG is kept drawable")
    func keepsHarmless() throws {
        let output = String(decoding: try SVGSanitizer.sanitize(Data(Self.harmless.utf8)), as: UTF8.self)
        #expect(output.hasPrefix(#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 120 120""#))
        for kept in [
            "<linearGradient id=\"grad\"", "<stop offset=\"0\" stop-color=\"#fc0\"/>", "<feGaussianBlur stdDeviation=\"2\"/>",
            "fill=\"url('#grad')\"", "<use xlink:href=\"#star\"", "<use href=\"#star\"", "data:image/png;base64,iVBORw0KGgo=",
            "<title>Café &amp; Co — 🏅</title>", ".ring &gt; circle { stroke: url(#grad); }", "xml:space=\"preserve\">A &lt; B</text>",
            "<polygon points=\"10,1 4,19 19,7 1,7 16,19\"/>",
        ] {
            #expect(output.contains(kept), "missing \(kept)")
        }
        for dropped in ["<!--", "Inkscape", "inkscape", "sodipodi", "rdf", "CDATA", "<?xml"] {
            #expect(!output.contains(dropped), "still contains \(dropped)")
        }
        #expect(output.contains("<metadata/>"))
    }

    @Test("sanitising is idempotent")
    func idempotent() throws {
        let once = try SVGSanitizer.sanitize(Data(Self.harmless.utf8))
        #expect(try SVGSanitizer.sanitize(once) == once)
    }

    @Test("a root without namespace gets the SVG namespace")
    func addsNamespace() throws {
        let output = try SVGSanitizer.sanitize(Data(#"<svg viewBox="0 0 1 1"><rect width="1" height="1"/></svg>"#.utf8))
        #expect(String(decoding: output, as: UTF8.self) == #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>"#)
    }

    @Test("prefixed SVG elements are normalised")
    func prefixedSVG() throws {
        let output = try SVGSanitizer.sanitize(Data(#"<s:svg xmlns:s="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><s:rect width="1"/></s:svg>"#.utf8))
        #expect(String(decoding: output, as: UTF8.self) == #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1"/></svg>"#)
    }

    @Test("ill-formed XML is malformed, not unsafe", arguments: [
        "<svg><g></svg>",
        "<svg a='1' a='2'/>",
        "<svg>&nbsp;</svg>",
        "<svg><!-- a -- b --></svg>",
        "<svg/><svg/>",
        "<svg>]]></svg>",
        "<svg x=1/>",
        "<svg xmlns:p=\"urn:p\"><q:g/></svg>",
        "<svg>",
        "<svg>\u{1}</svg>",
    ])
    func malformed(_ document: String) {
        #expect {
            try SVGSanitizer.sanitize(Data(document.utf8))
        } throws: { error in
            if case BadgeImageError.malformed = error { true } else { false }
        }
    }

    @Test("invalid UTF-8 is refused")
    func invalidUTF8() {
        let bytes = Data("<svg>".utf8) + Data([0xC3, 0x28]) + Data("</svg>".utf8)
        #expect(throws: BadgeImageError.self) { try SVGSanitizer.sanitize(bytes) }
    }

    @Test("deep nesting is refused rather than recursed into")
    func deepNesting() {
        let document = "<svg>" + String(repeating: "<g>", count: 5000) + String(repeating: "</g>", count: 5000) + "</svg>"
        #expect(throws: BadgeImageError.self) { try SVGSanitizer.sanitize(Data(document.utf8)) }
    }

    @Test("a non-SVG XML document is unsupported")
    func notSVG() {
        #expect(throws: BadgeImageError.unsupportedFormat) {
            try SVGSanitizer.sanitize(Data("<!DOCTYPE html><html><body onload='x()'/></html>".utf8))
        }
    }
}
