import Foundation

extension QRCode {
    /// The symbol as a 1-bit greyscale PNG, `(size + 2 × quietZone) × moduleSize` pixels square,
    /// black modules on white, with the quiet zone drawn white.
    ///
    /// The image data is not compressed (zlib "stored" blocks): at one bit per pixel even version 40
    /// at the default scale stays under 300 kB, and no compressor is needed.
    /// - Precondition: `moduleSize` ≥ 1 and `quietZone` ≥ 0.
    public func png(moduleSize: Int = 8, quietZone: Int = 4) -> Data {
        precondition(moduleSize >= 1, "a module is at least one pixel")
        precondition(quietZone >= 0, "the quiet zone cannot be negative")
        let side = (size + 2 * quietZone) * moduleSize
        let bytesPerRow = (side + 7) / 8
        var scanlines: [UInt8] = []
        scanlines.reserveCapacity((1 + bytesPerRow) * side)
        for moduleY in -quietZone..<(size + quietZone) {
            // In 1-bit greyscale a set bit is white; starting all white also whitens the padding
            // bits at the end of the row.
            var row = [UInt8](repeating: 0xFF, count: bytesPerRow)
            for pixelX in 0..<side where isDark(x: pixelX / moduleSize - quietZone, y: moduleY) {
                row[pixelX / 8] &= ~(0x80 >> UInt8(pixelX % 8))
            }
            for _ in 0..<moduleSize {
                scanlines.append(0) // filter type None: filters only help a compressor, and there is none
                scanlines += row
            }
        }
        return PNGEncoder.greyscale(width: side, height: side, bitDepth: 1, scanlines: scanlines)
    }
}
