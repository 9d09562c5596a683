import Foundation
import OpenBadges

/// Images for upload tests, built in memory.
enum Fixtures {
    /// A 64×64 blue PNG.
    static let squarePNG = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAIAAAAlC+aJAAAATklEQVR42u3PQQkAAAgEsEtiZhtrBN/CYAWW6nktAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgKXBQhu0YfsD/UeAAAAAElFTkSuQmCC")!
    /// A 64×32 red PNG.
    static let widePNG = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAEAAAAAgCAIAAAAt/+nTAAAAN0lEQVR42u3PQQkAAAgEsMt0/QMYyww+hcEKLNO+FgEBAQEBAQEBAQEBAQEBAQEBAQEBAQGBqwVpD2CIVatDgAAAAABJRU5ErkJggg==")!
    /// A valid square PNG over 256 kB (padded with a text chunk).
    static var oversizedPNG: Data { (try? PNGBaker.bake(squarePNG, text: String(repeating: "x", count: 300_000), keyword: "padding")) ?? Data() }
    /// The start of a JPEG file.
    static let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9])
    static let squareSVG = Data(##"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" viewBox="0 0 100 100"><circle cx="50" cy="50" r="40" fill="#0b4f8a"/></svg>"##.utf8)
    static let scriptSVG = Data(#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><script>alert(1)</script><circle cx="50" cy="50" r="40"/></svg>"#.utf8)
}
