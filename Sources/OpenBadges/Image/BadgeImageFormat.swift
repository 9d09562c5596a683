/// The two image formats Open Badges can carry a baked credential in.
///
/// The raw values double as stable storage keys, so they must never change.
public enum BadgeImageFormat: String, Sendable, Codable, CaseIterable {
    case png
    case svg

    /// The media type to send in `Content-Type` when serving the image.
    public var mimeType: String {
        switch self {
        case .png: "image/png"
        case .svg: "image/svg+xml"
        }
    }

    /// The extension to use for downloads, so desktop tools recognise the file.
    public var fileExtension: String {
        switch self {
        case .png: "png"
        case .svg: "svg"
        }
    }
}
