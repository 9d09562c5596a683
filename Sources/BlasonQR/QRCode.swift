import Foundation

/// A QR code symbol (model 2, ISO/IEC 18004) holding its content in byte mode.
///
/// The whole symbol is built when the value is created, so a `QRCode` is an immutable grid of
/// modules that renderers only read. Byte mode without an ECI header is what scanners assume for
/// URLs, which is all this platform puts in a QR code.
public struct QRCode: Sendable, Equatable {
    /// How much of the symbol is spent on Reed–Solomon error correction: about 7 %, 15 %, 25 % and
    /// 30 % of the codewords can be recovered at `low`, `medium`, `quartile` and `high`.
    public enum ErrorCorrection: Sendable, CaseIterable {
        case low, medium, quartile, high
    }

    /// Why content could not be encoded.
    public enum EncodingError: Error, Sendable, Equatable {
        /// The content has `bytes` bytes, more than the `maximum` that version 40 holds at the
        /// requested error correction level.
        case tooLong(bytes: Int, maximum: Int)
    }

    /// The symbol version, 1…40; it fixes the size and the capacity.
    public let version: Int
    /// The data mask pattern, 0…7, applied to the symbol.
    public let mask: Int
    /// The error correction level the symbol was built with.
    public let errorCorrection: ErrorCorrection
    /// Row-major, `true` for a dark module.
    private let modules: [Bool]

    /// Encodes text as its UTF-8 bytes in byte mode.
    ///
    /// The symbol uses the smallest version, from `minimumVersion` up to 40, whose capacity holds the
    /// content. `mask` nil picks the mask with the lowest penalty score as ISO/IEC 18004 describes
    /// (the lowest-numbered one on a tie); otherwise it forces a mask 0…7.
    /// - Precondition: `minimumVersion` is 1…40 and `mask`, if given, is 0…7.
    /// - Throws: `EncodingError.tooLong` when even version 40 cannot hold the content.
    public init(
        text: String,
        errorCorrection: ErrorCorrection = .medium,
        minimumVersion: Int = 1,
        mask: Int? = nil
    ) throws(EncodingError) {
        try self.init(bytes: Array(text.utf8), errorCorrection: errorCorrection, minimumVersion: minimumVersion, mask: mask)
    }

    /// Encodes raw bytes in byte mode; see ``init(text:errorCorrection:minimumVersion:mask:)`` for
    /// how the version and the mask are chosen.
    /// - Precondition: `minimumVersion` is 1…40 and `mask`, if given, is 0…7.
    /// - Throws: `EncodingError.tooLong` when even version 40 cannot hold the content.
    public init(
        bytes: [UInt8],
        errorCorrection: ErrorCorrection = .medium,
        minimumVersion: Int = 1,
        mask: Int? = nil
    ) throws(EncodingError) {
        precondition(QRCode.versions.contains(minimumVersion), "QR code versions run from 1 to 40")
        precondition(mask.map { (0...7).contains($0) } ?? true, "QR code masks run from 0 to 7")
        guard let version = (minimumVersion...40).first(where: {
            QRCode.byteCapacity(version: $0, errorCorrection: errorCorrection) >= bytes.count
        }) else {
            throw .tooLong(bytes: bytes.count, maximum: QRCode.byteCapacity(version: 40, errorCorrection: errorCorrection))
        }
        let codewords = Codewords.make(bytes: bytes, version: version, errorCorrection: errorCorrection)
        var matrix = ModuleMatrix(version: version)
        matrix.place(codewords: codewords)
        let chosenMask = mask ?? matrix.lowestPenaltyMask(errorCorrection: errorCorrection)
        matrix.apply(mask: chosenMask)
        matrix.drawFormatInformation(errorCorrection: errorCorrection, mask: chosenMask)

        self.version = version
        self.mask = chosenMask
        self.errorCorrection = errorCorrection
        self.modules = matrix.dark
    }

    /// The number of modules on each side, 21 for version 1 up to 177 for version 40.
    public var size: Int { QRCode.size(version: version) }

    /// Whether the module at column `x`, row `y` is dark; (0, 0) is the top-left corner.
    ///
    /// Coordinates outside the symbol answer `false`, as the quiet zone around it is light, which
    /// lets renderers draw a margin without special cases.
    public func isDark(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < size, y < size else { return false }
        return modules[y * size + x]
    }

    static let versions = 1...40

    static func size(version: Int) -> Int { 17 + 4 * version }
}
