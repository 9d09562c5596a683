import Foundation

/// Entry points for checking badge images before they are stored or baked.
public enum BadgeImage {
    /// Validates an uploaded badge image: detects format by content (PNG signature, or an XML document whose root element is svg),
    /// enforces `limit` bytes (default 256 * 1024), requires a square image, and for SVG runs the sanitiser.
    /// Returns the bytes to store (PNG unchanged; SVG = sanitised re-serialisation) and the info.
    ///
    /// The size limit is checked before any parsing so an oversized upload costs nothing;
    /// the SVG is measured after sanitising so the reported size is that of the stored bytes.
    public static func validate(_ data: Data, limit: Int = 256 * 1024) throws(BadgeImageError) -> (data: Data, info: BadgeImageInfo) {
        let format = try sniff(data)
        guard data.count <= limit else { throw .tooLarge(bytes: data.count, limit: limit) }
        let stored: Data
        let info: BadgeImageInfo
        switch format {
        case .png:
            stored = data
            info = try pngInfo(data)
        case .svg:
            let root = try SVGSanitizer.sanitizedRoot(data)
            let size = try SVGDimensions.measure(root)
            stored = Data(XMLWriter.serialize(root).utf8)
            info = BadgeImageInfo(format: .svg, width: size.width, height: size.height)
        }
        guard info.width == info.height else { throw .notSquare(width: info.width, height: info.height) }
        return (stored, info)
    }

    /// Format and intrinsic size, with no square or size policy and no sanitising,
    /// e.g. to describe an image that was stored before the rules changed.
    public static func inspect(_ data: Data) throws(BadgeImageError) -> BadgeImageInfo {
        switch try sniff(data) {
        case .png:
            return try pngInfo(data)
        case .svg:
            let document = try svgDocument(data)
            let size = try SVGDimensions.measure(document.root)
            return BadgeImageInfo(format: .svg, width: size.width, height: size.height)
        }
    }

    /// Parses an SVG document, refusing XML whose root is something else. The root is
    /// identified first so that, say, sloppy HTML is "unsupported" rather than "malformed".
    static func svgDocument(_ data: Data) throws(BadgeImageError) -> XMLTree {
        try svgDocumentRoot(data)
        return try XMLTree.parse(data)
    }

    /// Reads only up to the root start tag and throws `.unsupportedFormat` unless it is `svg`
    /// in the SVG namespace, or in none (which our re-serialisation repairs).
    static func svgDocumentRoot(_ data: Data) throws(BadgeImageError) {
        let root = try XMLTree.rootName(data)
        guard root.localName == "svg", root.namespace == nil || root.namespace == XMLNamespace.svg else {
            throw .unsupportedFormat
        }
    }

    /// A cheap first look: the PNG signature, or markup that could be XML. Whether the
    /// markup really is SVG is settled when its root element is read.
    static func sniff(_ data: Data) throws(BadgeImageError) -> BadgeImageFormat {
        guard !data.isEmpty else { throw .empty }
        if PNGFile.hasSignature(data) { return .png }
        var bytes = data.prefix(4096)[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard bytes.first(where: { !XMLTokenizer.isWhitespace($0) }) == UInt8(ascii: "<"), looksLikeText(bytes) else {
            throw .unsupportedFormat
        }
        return .svg
    }

    /// Binary that happens to start with `<` is not a broken SVG. The prefix may end inside
    /// a multi-byte character, so up to three trailing bytes are allowed to be incomplete.
    private static func looksLikeText(_ prefix: Data.SubSequence) -> Bool {
        let hasControl = prefix.contains { $0 < 0x20 && !XMLTokenizer.isWhitespace($0) }
        return !hasControl && (0...min(3, prefix.count)).contains { String(strictUTF8: prefix.dropLast($0)) != nil }
    }

    private static func pngInfo(_ data: Data) throws(BadgeImageError) -> BadgeImageInfo {
        let size = try PNGFile.parse(data).size
        return BadgeImageInfo(format: .png, width: Double(size.width), height: Double(size.height))
    }
}
