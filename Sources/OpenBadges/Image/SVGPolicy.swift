/// The rules `SVGSanitizer` applies: which elements may stay, and which references may load.
enum SVGPolicy {
    /// Presentation elements only. Notably absent: `a` (navigation), `animate`/`set` (can
    /// rewrite `href` to `javascript:` after the fact), `foreignObject` (embeds HTML), `script`.
    static let allowedElements: Set<String> = [
        "svg", "g", "defs", "title", "desc", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
        "text", "tspan", "textPath", "linearGradient", "radialGradient", "stop", "clipPath", "mask", "pattern",
        "symbol", "use", "image", "style", "metadata", "marker", "filter",
        "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix", "feDiffuseLighting",
        "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR",
        "feGaussianBlur", "feImage", "feMerge", "feMergeNode", "feMorphology", "feOffset", "fePointLight",
        "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
    ]

    /// Raster images small enough to inline are fine; `data:image/svg+xml` is not, since it
    /// would be a second, unsanitised document.
    private static let allowedDataPrefixes = ["data:image/png;base64,", "data:image/jpeg;base64,", "data:image/gif;base64,"]

    /// CSS features that fetch or execute without going through `url(…)`, or (backslash)
    /// that could spell any of these in escaped form.
    private static let forbiddenCSS = ["@import", "expression(", "image-set(", "image(", "cross-fade(", "src(", "-moz-binding", "\\"]

    /// Checks made on every element, kept or dropped, in any namespace.
    static func refuseDangerous(_ element: XMLTreeElement) throws(BadgeImageError) {
        switch element.localName.lowercased() {
        case "script": throw .unsafeSVG("script element")
        case "foreignobject": throw .unsafeSVG("foreignObject")
        default: break
        }
        for attribute in element.attributes {
            if attribute.localName.lowercased().hasPrefix("on") {
                throw .unsafeSVG("event attribute \(attribute.name)")
            }
            if containsScriptURL(attribute.value) {
                throw .unsafeSVG("javascript: URL in attribute \(attribute.name)")
            }
        }
        for case .processingInstruction(let target) in element.children {
            throw .unsafeSVG("processing instruction \(target)")
        }
    }

    /// Reference rules for an attribute that will be kept on element `elementName`.
    static func checkAttribute(_ attribute: XMLAttribute, of elementName: String) throws(BadgeImageError) {
        let local = attribute.localName
        if local == "href" || local == "src" {
            let target = attribute.value.trimmingXMLWhitespace
            let allowed = switch elementName {
            case "use": isLocalFragment(target)
            case "image": isAllowedDataURI(target)
            default: isLocalFragment(target) || isAllowedDataURI(target)
            }
            guard allowed else { throw .unsafeSVG("external reference \(abbreviated(target))") }
        }
        if local == "style" { try checkCSS(attribute.value) }
        try checkURLFunctions(in: attribute.value)
    }

    /// A `<style>` element may hold only text, and that text must pass the CSS rules.
    static func checkStyleSheet(_ element: XMLTreeElement) throws(BadgeImageError) {
        var css = ""
        for child in element.children {
            switch child {
            case .text(let text), .cdata(let text): css += text
            case .comment: continue
            case .element, .processingInstruction: throw .unsafeSVG("markup inside style")
            }
        }
        if containsScriptURL(css) { throw .unsafeSVG("javascript: URL in style") }
        try checkCSS(css)
    }

    private static func checkCSS(_ css: String) throws(BadgeImageError) {
        let lowered = css.lowercased()
        for construct in forbiddenCSS where lowered.contains(construct) {
            throw .unsafeSVG(construct == "\\" ? "CSS escape in style" : "\(construct) in style")
        }
        try checkURLFunctions(in: css)
    }

    /// Every `url(…)` must point inside the document (or be an allowed data URI).
    private static func checkURLFunctions(in value: String) throws(BadgeImageError) {
        let scalars = Array(value.unicodeScalars)
        // ASCII-only folding keeps indices aligned with `scalars` (full Unicode lowercasing may not).
        let lowered = scalars.map { $0.isASCII ? Unicode.Scalar(UInt8($0.value)).asciiLowercased : $0 }
        let marker = Array("url(".unicodeScalars)
        var index = 0
        while index + marker.count <= lowered.count {
            guard lowered[index..<(index + marker.count)].elementsEqual(marker) else {
                index += 1
                continue
            }
            var cursor = index + marker.count
            while cursor < scalars.count, scalars[cursor].properties.isWhitespace { cursor += 1 }
            var target = ""
            if cursor < scalars.count, scalars[cursor] == "\"" || scalars[cursor] == "'" {
                let quote = scalars[cursor]
                cursor += 1
                while cursor < scalars.count, scalars[cursor] != quote {
                    target.unicodeScalars.append(scalars[cursor])
                    cursor += 1
                }
            } else {
                while cursor < scalars.count, scalars[cursor] != ")" {
                    target.unicodeScalars.append(scalars[cursor])
                    cursor += 1
                }
            }
            target = target.trimmingXMLWhitespace
            guard isLocalFragment(target) || isAllowedDataURI(target) else {
                throw .unsafeSVG("external reference \(abbreviated(target))")
            }
            index = cursor
        }
    }

    static func isLocalFragment(_ target: String) -> Bool {
        guard target.hasPrefix("#"), target.count > 1 else { return false }
        return !target.unicodeScalars.contains { $0.properties.isWhitespace || "\"'()\\<>".unicodeScalars.contains($0) }
    }

    static func isAllowedDataURI(_ target: String) -> Bool {
        let lowered = target.lowercased()
        guard let prefix = allowedDataPrefixes.first(where: { lowered.hasPrefix($0) }) else { return false }
        let payload = target.utf8.dropFirst(prefix.utf8.count)
        return !payload.isEmpty && payload.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="): true
            default: XMLTokenizer.isWhitespace(byte)
            }
        }
    }

    /// Browsers ignore whitespace and control characters inside a scheme ("java\tscript:"),
    /// so they are removed before looking.
    static func containsScriptURL(_ value: String) -> Bool {
        let squeezed = String(value.unicodeScalars.filter { $0.value > 0x20 }).lowercased()
        return squeezed.contains("javascript:") || squeezed.contains("vbscript:")
    }

    /// Keeps error messages readable when the offending value is a long data URI.
    private static func abbreviated(_ text: String) -> String {
        text.count <= 80 ? text : String(text.prefix(77)) + "…"
    }
}
