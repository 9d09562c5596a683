/// What was learned about an image without decoding its pixels.
///
/// Dimensions are `Double` because an SVG's intrinsic size (its viewBox or
/// width/height) may be fractional; PNG sizes are always whole numbers.
public struct BadgeImageInfo: Sendable, Equatable {
    public let format: BadgeImageFormat
    public let width: Double
    public let height: Double

    public init(format: BadgeImageFormat, width: Double, height: Double) {
        self.format = format
        self.width = width
        self.height = height
    }
}
