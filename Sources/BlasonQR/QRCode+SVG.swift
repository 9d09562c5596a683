extension QRCode {
    /// The symbol as a standalone SVG document.
    ///
    /// The image is `(size + 2 × quietZone) × moduleSize` pixels square. The view box counts in
    /// modules, so every edge sits on a whole unit; a white square covers the whole image, quiet zone
    /// included, so the code stays readable on dark pages; the dark modules are one `<path>` of
    /// horizontal runs, drawn with `shape-rendering="crispEdges"` so that scaling never blurs them.
    /// The `<title>` (`title`, or "QR code" when nil) gives the image its accessible name.
    /// - Precondition: `moduleSize` ≥ 1 and `quietZone` ≥ 0.
    public func svg(moduleSize: Int = 8, quietZone: Int = 4, title: String? = nil) -> String {
        precondition(moduleSize >= 1, "a module is at least one pixel")
        precondition(quietZone >= 0, "the quiet zone cannot be negative")
        let side = size + 2 * quietZone
        let pixels = side * moduleSize
        var svg = #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(pixels)" height="\#(pixels)" "#
        svg += #"viewBox="0 0 \#(side) \#(side)" shape-rendering="crispEdges" role="img">"#
        svg += "<title>\(Self.escapeXMLText(title ?? "QR code"))</title>"
        svg += ##"<rect width="\##(side)" height="\##(side)" fill="#ffffff"/>"##
        svg += ##"<path fill="#000000" d="\##(darkModulesPath(offset: quietZone))"/>"##
        svg += "</svg>"
        return svg
    }

    /// One closed rectangle per horizontal run of dark modules; runs keep the path far shorter
    /// than one square per module.
    private func darkModulesPath(offset: Int) -> String {
        var path = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard isDark(x: x, y: y) else {
                    x += 1
                    continue
                }
                let start = x
                while x < size && isDark(x: x, y: y) {
                    x += 1
                }
                path += "M\(start + offset) \(y + offset)h\(x - start)v1h-\(x - start)z"
            }
        }
        return path
    }

    /// Escapes markup characters, and drops the control characters XML 1.0 forbids outright, so
    /// any caller-supplied title keeps the document well-formed.
    static func escapeXMLText(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
