/// Why an image was refused or could not be (un)baked.
///
/// The associated strings are meant for people (logs, form errors), not for
/// matching in code: branch on the case, not on the text.
public enum BadgeImageError: Error, Sendable, Equatable {
    /// No bytes at all.
    case empty
    /// Neither PNG nor an XML document whose root element is `svg` (e.g. JPEG, GIF, HTML, plain text).
    case unsupportedFormat
    /// Looks like PNG or SVG but is broken: truncated PNG, bad chunk CRC, ill-formed XML, bad dimensions…
    case malformed(String)
    /// The upload exceeds the configured limit.
    case tooLarge(bytes: Int, limit: Int)
    /// Badge images must be square so they render consistently in wallets and backpacks.
    case notSquare(width: Double, height: Double)
    /// The SVG contains something that could run code or fetch a remote resource; the text says what was found.
    case unsafeSVG(String)
    /// The image carries two Open Badges payloads, so which one is authoritative would be ambiguous.
    case duplicateBakedPayload
}
