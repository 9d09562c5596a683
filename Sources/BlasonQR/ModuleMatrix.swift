/// The module grid of one symbol while it is being built: which modules are dark, and which
/// belong to function patterns (finders, timing, alignment, format and version information) and
/// so are neither filled with data nor masked.
struct ModuleMatrix: Sendable {
    let version: Int
    let size: Int
    /// Row-major, `true` for dark.
    private(set) var dark: [Bool]
    /// Row-major, `true` for modules of function patterns.
    private(set) var isFunction: [Bool]

    /// A grid with every function pattern drawn; format information is reserved and left light
    /// until the mask is known.
    init(version: Int) {
        precondition(QRCode.versions.contains(version), "QR code versions run from 1 to 40")
        self.version = version
        self.size = QRCode.size(version: version)
        self.dark = Array(repeating: false, count: size * size)
        self.isFunction = Array(repeating: false, count: size * size)
        drawTimingPatterns()
        drawFinderPatterns()
        drawAlignmentPatterns()
        reserveFormatInformation()
        drawVersionInformation()
    }

    subscript(x: Int, y: Int) -> Bool {
        dark[y * size + x]
    }

    func isFunction(x: Int, y: Int) -> Bool {
        isFunction[y * size + x]
    }

    mutating func setFunction(x: Int, y: Int, dark isDark: Bool) {
        dark[y * size + x] = isDark
        isFunction[y * size + x] = true
    }

    mutating func setData(x: Int, y: Int, dark isDark: Bool) {
        dark[y * size + x] = isDark
    }

    // Drawn first, across the whole row and column, so that finders and alignment patterns,
    // drawn later, overwrite the parts they own.
    private mutating func drawTimingPatterns() {
        for index in 0..<size {
            setFunction(x: 6, y: index, dark: index % 2 == 0)
            setFunction(x: index, y: 6, dark: index % 2 == 0)
        }
    }

    /// The three finders, each with its one-module light separator towards the symbol.
    private mutating func drawFinderPatterns() {
        for (left, top) in [(0, 0), (size - 7, 0), (0, size - 7)] {
            for dy in -1...7 {
                for dx in -1...7 {
                    let x = left + dx, y = top + dy
                    guard x >= 0, y >= 0, x < size, y < size else { continue }
                    // Concentric squares by Chebyshev distance from the centre: 3×3 dark core,
                    // light ring, dark ring, then the light separator.
                    let ring = max(abs(dx - 3), abs(dy - 3))
                    setFunction(x: x, y: y, dark: ring != 2 && ring != 4)
                }
            }
        }
    }

    private mutating func drawAlignmentPatterns() {
        let centres = QRCode.alignmentPatternCentres(version: version)
        guard let first = centres.first, let last = centres.last else { return }
        for cy in centres {
            for cx in centres {
                // The three corners where a finder already sits get no alignment pattern.
                if (cx == first && cy == first) || (cx == first && cy == last) || (cx == last && cy == first) {
                    continue
                }
                for dy in -2...2 {
                    for dx in -2...2 {
                        setFunction(x: cx + dx, y: cy + dy, dark: max(abs(dx), abs(dy)) != 1)
                    }
                }
            }
        }
    }

    private mutating func reserveFormatInformation() {
        for (x, y) in formatPositions(copy: 0) + formatPositions(copy: 1) {
            setFunction(x: x, y: y, dark: false)
        }
        // A single module the standard requires to be dark in every symbol, beside the lower finder.
        setFunction(x: 8, y: size - 8, dark: true)
    }

    /// Writes the 15-bit format information (level and mask, BCH protected) into both copies.
    mutating func drawFormatInformation(errorCorrection: QRCode.ErrorCorrection, mask: Int) {
        let bits = FormatBits.format(errorCorrection: errorCorrection, mask: mask)
        for copy in 0...1 {
            for (index, (x, y)) in formatPositions(copy: copy).enumerated() {
                setFunction(x: x, y: y, dark: (bits >> index) & 1 == 1)
            }
        }
    }

    /// Positions of format bits 0…14 (least significant first) for one of the two copies.
    ///
    /// Copy 0 wraps around the top-left finder, skipping the timing lines; copy 1 is split between
    /// the other two finders so that one damaged corner leaves a readable copy.
    func formatPositions(copy: Int) -> [(x: Int, y: Int)] {
        if copy == 0 {
            let vertical = [0, 1, 2, 3, 4, 5, 7, 8].map { (x: 8, y: $0) }
            let horizontal = [7, 5, 4, 3, 2, 1, 0].map { (x: $0, y: 8) }
            return vertical + horizontal
        }
        let horizontal = (0..<8).map { (x: size - 1 - $0, y: 8) }
        let vertical = (0..<7).map { (x: 8, y: size - 7 + $0) }
        return horizontal + vertical
    }

    /// Versions 7 and up carry their version number in two 6×3 blocks beside the upper-right and
    /// lower-left finders, since from there the size can no longer be judged reliably from the
    /// timing pattern alone.
    private mutating func drawVersionInformation() {
        guard version >= 7 else { return }
        let bits = FormatBits.version(version)
        for index in 0..<18 {
            let isDark = (bits >> index) & 1 == 1
            let along = index / 3, across = size - 11 + index % 3
            setFunction(x: along, y: across, dark: isDark)
            setFunction(x: across, y: along, dark: isDark)
        }
    }
}
