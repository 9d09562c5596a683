import Foundation

/// Open Badges baking for SVG: the credential travels in an `openbadges:*` element.
///
/// Baking splices the original bytes (root start tag and one inserted element) instead of
/// re-serialising, so the artwork stays byte-for-byte what the issuer uploaded.
public enum SVGBaker {
    /// Open Badges 2.0 SVG baking: adds xmlns:openbadges="http://openbadges.org" on the root `<svg>` and inserts, as its
    /// first child, `<openbadges:assertion verify="VERIFY"><![CDATA[PAYLOAD]]></openbadges:assertion>` (element name
    /// configurable for OB 3.0: "credential"). `verify` is omitted when nil. Removes any earlier element of the same name.
    ///
    /// A payload containing "]]>" is split across CDATA sections; carriage returns are written as `&#13;`
    /// between sections because XML parsers fold a literal CR into LF, even inside CDATA.
    public static func bake(_ svg: Data, payload: String, verify: String?, element: String = "assertion") throws(BadgeImageError) -> Data {
        guard XMLName.isNCName(element) else { throw .malformed("invalid element name \(element)") }
        guard XMLWriter.isXMLSafe(payload), XMLWriter.isXMLSafe(verify ?? "") else {
            throw .malformed("payload contains characters that XML cannot represent")
        }
        let bytes = [UInt8](svg)
        let root = try BadgeImage.svgDocument(svg).root
        let qualifiedName = "openbadges:" + element

        var baked = "<\(qualifiedName)"
        if let verify { baked += " verify=\"\(XMLWriter.escapeAttribute(verify))\"" }
        baked += ">" + cdataSections(payload) + "</\(qualifiedName)>"

        var output = Data(bytes[..<root.startTagRange.lowerBound])
        output.append(contentsOf: Array(startTag(of: root, bytes: bytes).utf8))
        output.append(contentsOf: Array(baked.utf8))
        // Copy the root's content, leaving out every earlier payload element.
        var cursor = root.startTagRange.upperBound
        for previous in outermostMatches(in: root, element: element) {
            output.append(contentsOf: bytes[cursor..<previous.range.lowerBound])
            cursor = previous.range.upperBound
        }
        if root.isSelfClosing {
            output.append(contentsOf: Array("</\(root.name)>".utf8))
        } else {
            output.append(contentsOf: bytes[cursor..<root.range.upperBound])
        }
        output.append(contentsOf: bytes[root.range.upperBound...])
        return output
    }

    /// Returns (verify attribute, CDATA/text content) of the openbadges element, nil when none;
    /// `.duplicateBakedPayload` when two (anywhere in the document, as readers search the whole tree).
    ///
    /// The payload joins all CDATA sections and text, skipping the indentation around CDATA that
    /// hand-edited files carry; it is nil when the element has no content at all.
    public static func unbake(_ svg: Data, element: String = "assertion") throws(BadgeImageError) -> (verify: String?, payload: String?)? {
        let root = try BadgeImage.svgDocument(svg).root
        let matches = root.descendants.filter { isPayloadElement($0, element: element) }
        guard matches.count <= 1 else { throw .duplicateBakedPayload }
        guard let found = matches.first else { return nil }

        let hasCDATA = found.children.contains { if case .cdata = $0 { true } else { false } }
        var payload = ""
        for child in found.children {
            switch child {
            case .cdata(let text):
                payload += text
            // Parsed line ends are always LF, so a CR can only come from our own `&#13;`.
            case .text(let text) where !hasCDATA || !isIndentation(text):
                payload += text
            default:
                continue
            }
        }
        let isEmpty = !hasCDATA && isIndentation(payload)
        return (found.attribute("verify"), isEmpty ? nil : payload)
    }

    private static func isIndentation(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }
    }

    private static func isPayloadElement(_ candidate: XMLTreeElement, element: String) -> Bool {
        candidate.localName == element
            && (candidate.namespace == XMLNamespace.openBadges || candidate.name == "openbadges:" + element)
    }

    /// Matches not nested inside another match, i.e. the ranges to cut out, in document order.
    private static func outermostMatches(in element: XMLTreeElement, element name: String) -> [XMLTreeElement] {
        var found: [XMLTreeElement] = []
        for case .element(let child) in element.children {
            if isPayloadElement(child, element: name) { found.append(child) } else { found += outermostMatches(in: child, element: name) }
        }
        return found
    }

    /// The root start tag with the openbadges namespace declared. The original text is kept
    /// when it already declares it; otherwise the tag is rebuilt from its parsed attributes.
    private static func startTag(of root: XMLTreeElement, bytes: [UInt8]) -> String {
        let original = String(decoding: bytes[root.startTagRange], as: UTF8.self)
        let declaration = XMLAttribute(name: "xmlns:openbadges", value: XMLNamespace.openBadges)
        if root.attributes.contains(declaration.withNamespace(XMLNamespace.xmlns)) {
            return root.isSelfClosing ? String(original.dropLast(2)) + ">" : original
        }
        let kept = root.attributes.filter { $0.name != declaration.name }
        return "<" + root.name + XMLWriter.attributes(kept + [declaration]) + ">"
    }

    /// CDATA cannot contain "]]>" or preserve a CR, so both are written between sections.
    private static func cdataSections(_ payload: String) -> String {
        var out = "<![CDATA["
        var pendingBrackets = 0
        for scalar in payload.unicodeScalars {
            switch scalar {
            case "]":
                pendingBrackets += 1
                out += "]"
            case ">" where pendingBrackets >= 2:
                out += "]]><![CDATA[>"
                pendingBrackets = 0
            case "\r":
                out += "]]>&#13;<![CDATA["
                pendingBrackets = 0
            default:
                out.unicodeScalars.append(scalar)
                pendingBrackets = 0
            }
        }
        return out + "]]>"
    }
}
