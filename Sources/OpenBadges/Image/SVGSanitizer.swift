import Foundation

/// Makes an uploaded SVG safe to serve: nothing that can run code or fetch anything.
///
/// The approach is refuse-rather-than-repair for anything dangerous (the uploader gets
/// a clear reason and nobody serves a silently altered badge), combined with a clean
/// re-serialisation so that what we store is exactly what we checked: no comments,
/// no prefix tricks, no entity or CDATA games left for a browser to interpret.
public enum SVGSanitizer {
    /// Refuses (throws .unsafeSVG) any SVG containing: script elements, any on* event attribute, foreignObject,
    /// external references (href/xlink:href/src or url(...) in style/attributes pointing anywhere but a local "#id" fragment
    /// or a `data:image/png|jpeg|gif;base64,` URI), DOCTYPE or entity declarations, processing instructions other than the
    /// XML declaration, `<style>` containing @import or url() to outside, `javascript:` anywhere in attribute values.
    ///
    /// Elements not in an allow-list of SVG presentation elements (svg, g, defs, title, desc, path, rect, circle, ellipse,
    /// line, polyline, polygon, text, tspan, textPath, linearGradient, radialGradient, stop, clipPath, mask, pattern, symbol,
    /// use (local href only), image (data: only), style, metadata, marker, filter and the fe* primitives) are refused too.
    ///
    /// Elements and attributes in foreign namespaces (editor metadata such as Inkscape's
    /// `sodipodi:namedview` or RDF inside `<metadata>`) are dropped rather than refused, as user
    /// agents never render them; they are still checked for scripts and event handlers first.
    /// Comments are dropped. Returns a clean UTF-8 document starting with `<svg`, so that a
    /// reader looking for "<svg" in the first 256 bytes (as the reference bakery does) finds it.
    public static func sanitize(_ data: Data) throws(BadgeImageError) -> Data {
        Data(XMLWriter.serialize(try sanitizedRoot(data)).utf8)
    }

    /// The cleaned root element, shared with `BadgeImage` so validation measures what is stored.
    static func sanitizedRoot(_ data: Data) throws(BadgeImageError) -> XMLTreeElement {
        // Identify the document first so an HTML page is "unsupported", not "unsafe SVG".
        try BadgeImage.svgDocumentRoot(data)
        let document = try XMLTree.parse(data, refusingDeclarations: true)
        var usesXLink = false
        guard var root = try clean(document.root, usesXLink: &usesXLink) else { throw .unsupportedFormat }
        var declarations = [XMLAttribute(name: "xmlns", value: XMLNamespace.svg)]
        if usesXLink { declarations.append(XMLAttribute(name: "xmlns:xlink", value: XMLNamespace.xlink)) }
        root.attributes.insert(contentsOf: declarations, at: 0)
        return root
    }

    /// Returns the cleaned copy of an SVG element, or nil for a foreign element to drop.
    private static func clean(_ element: XMLTreeElement, usesXLink: inout Bool) throws(BadgeImageError) -> XMLTreeElement? {
        try SVGPolicy.refuseDangerous(element)
        guard element.namespace == nil || element.namespace == XMLNamespace.svg else {
            try refuseDangerousDescendants(of: element)
            return nil
        }
        let name = element.localName
        guard SVGPolicy.allowedElements.contains(name) else { throw .unsafeSVG("element \(name)") }

        var output = XMLTreeElement(
            name: name, namespace: XMLNamespace.svg, attributes: [],
            range: element.range, startTagRange: element.startTagRange, isSelfClosing: element.isSelfClosing
        )
        for attribute in element.attributes {
            switch attribute.namespace {
            case nil:
                try SVGPolicy.checkAttribute(attribute, of: name)
                output.attributes.append(XMLAttribute(name: attribute.localName, value: attribute.value))
            case XMLNamespace.xlink?:
                try SVGPolicy.checkAttribute(attribute, of: name)
                output.attributes.append(XMLAttribute(name: "xlink:" + attribute.localName, value: attribute.value, namespace: XMLNamespace.xlink))
                usesXLink = true
            case XMLNamespace.xml? where ["space", "lang"].contains(attribute.localName):
                output.attributes.append(XMLAttribute(name: "xml:" + attribute.localName, value: attribute.value, namespace: XMLNamespace.xml))
            default:
                // Namespace declarations are regenerated on the root; editor attributes are inert.
                continue
            }
        }
        if name == "style" { try SVGPolicy.checkStyleSheet(element) }

        for child in element.children {
            switch child {
            case .element(let nested):
                if let cleaned = try clean(nested, usesXLink: &usesXLink) { output.children.append(.element(cleaned)) }
            case .text(let text), .cdata(let text):
                output.children.append(.text(text))
            case .comment:
                continue
            case .processingInstruction(let target):
                throw .unsafeSVG("processing instruction \(target)")
            }
        }
        return output
    }

    /// A dropped subtree never reaches the output, but a script or handler in it still
    /// signals hostile intent, and refusing keeps the rule simple: none anywhere.
    private static func refuseDangerousDescendants(of element: XMLTreeElement) throws(BadgeImageError) {
        for descendant in element.descendants {
            try SVGPolicy.refuseDangerous(descendant)
        }
    }
}
