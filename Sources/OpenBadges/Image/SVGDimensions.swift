/// The intrinsic size of an SVG, as badge displays will lay it out.
enum SVGDimensions {
    /// Size from the root's viewBox when present (it fixes the aspect ratio whatever the
    /// width/height say), else from width/height in px or unitless numbers. Other units
    /// (mm, em, %) would need a rendering context to convert, so they are refused.
    static func measure(_ root: XMLTreeElement) throws(BadgeImageError) -> (width: Double, height: Double) {
        if let viewBox = root.attribute("viewBox") {
            let parts = viewBox.split { $0 == "," || ($0.isASCII && $0.isWhitespace) }
            let numbers = parts.compactMap { number($0) }
            guard parts.count == 4, numbers.count == 4 else {
                throw .malformed("invalid viewBox \"\(viewBox)\"")
            }
            guard numbers[2] > 0, numbers[3] > 0 else { throw .malformed("viewBox has a non-positive size") }
            return (numbers[2], numbers[3])
        }
        guard let width = root.attribute("width"), let height = root.attribute("height") else {
            throw .malformed("SVG has neither a viewBox nor width and height")
        }
        return (try length(width, "width"), try length(height, "height"))
    }

    private static func length(_ text: String, _ name: String) throws(BadgeImageError) -> Double {
        var value = Substring(text.trimmingXMLWhitespace)
        if value.hasSuffix("px") { value = value.dropLast(2) }
        guard let number = number(value), number > 0 else {
            throw .malformed("unsupported SVG \(name) \"\(text)\" (use px or a plain number)")
        }
        return number
    }

    /// SVG's number grammar. `Double.init` alone would also take "inf", "nan" and hex floats.
    static func number(_ text: Substring) -> Double? {
        var bytes = text.utf8[...]
        if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let isDigit: (UInt8) -> Bool = { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        let integer = bytes.prefix(while: isDigit)
        bytes = bytes.dropFirst(integer.count)
        var fraction = bytes.prefix(0)
        if bytes.first == UInt8(ascii: ".") {
            fraction = bytes.dropFirst().prefix(while: isDigit)
            bytes = bytes.dropFirst(1 + fraction.count)
        }
        guard !integer.isEmpty || !fraction.isEmpty else { return nil }
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            let exponent = bytes.prefix(while: isDigit)
            guard !exponent.isEmpty else { return nil }
            bytes = bytes.dropFirst(exponent.count)
        }
        guard bytes.isEmpty, let value = Double(String(text)), value.isFinite else { return nil }
        return value
    }
}
