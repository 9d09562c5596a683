import BlasonQR
import Foundation
import Testing

@Suite("PNG rendering")
struct PNGTests {
    @Test("valid PNG of the right size whose pixels are the modules, quiet zone white",
          arguments: [(1, 8, 4), (2, 1, 0), (7, 3, 2), (40, 8, 4)])
    func image(version: Int, moduleSize: Int, quietZone: Int) throws {
        let code = try QRCode(text: "https://blason.example/verify", minimumVersion: version)
        let png = try PNGReader(code.png(moduleSize: moduleSize, quietZone: quietZone))
        let side = (code.size + 2 * quietZone) * moduleSize

        #expect(png.chunks.map(\.type) == ["IHDR", "IDAT", "IEND"])
        #expect(png.width == side && png.height == side)
        #expect(png.bitDepth == 1 && png.colourType == 0)
        let rowLength = 1 + (side + 7) / 8
        #expect(png.scanlines.count == side * rowLength)
        // More than 65 535 bytes need several stored blocks.
        #expect(png.storedBlocks == (png.scanlines.count + 65_534) / 65_535)

        var mismatches = 0
        for y in 0..<side {
            #expect(png.scanlines[y * rowLength] == 0, "filter type of row \(y)")
            for x in 0..<side {
                let expected = code.isDark(x: x / moduleSize - quietZone, y: y / moduleSize - quietZone)
                if png.isBlack(x: x, y: y) != expected { mismatches += 1 }
            }
            // Bits past the last pixel are white padding.
            for x in side..<((side + 7) / 8 * 8) where png.isBlack(x: x, y: y) {
                mismatches += 1
            }
        }
        #expect(mismatches == 0)
    }

    @Test("the quiet zone is white all round, and the finders start right inside it")
    func quietZone() throws {
        let code = try QRCode(text: "quiet")
        let png = try PNGReader(code.png(moduleSize: 2, quietZone: 4))
        let side = png.width
        for index in 0..<side {
            for depth in 0..<8 {
                #expect(!png.isBlack(x: index, y: depth) && !png.isBlack(x: index, y: side - 1 - depth))
                #expect(!png.isBlack(x: depth, y: index) && !png.isBlack(x: side - 1 - depth, y: index))
            }
        }
        #expect(png.isBlack(x: 8, y: 8))
        #expect(png.isBlack(x: side - 9, y: 8))
        #expect(png.isBlack(x: 8, y: side - 9))
    }
}
