import Foundation

/// The artwork of the badges Blason seeds itself: simple, square SVG medals drawn from text,
/// so a fresh platform needs no image files.
public enum BadgeArtwork {
    /// A Region badge: the competency's name on a coloured medal, with the level as a Roman numeral.
    public static func regionBadge(title: String, level: Int, colour: String) -> String {
        let numeral = level == 1 ? "I" : "II"
        return medal(colour: colour, lines: [title.uppercased()], caption: "NIVEAU \(numeral)", footer: "RÉGION NORMANDIE")
    }

    /// The participant badge given to structures that join the programme.
    public static func participantBadge(colour: String) -> String {
        medal(colour: colour, lines: ["PARTICIPANT"], caption: "LA NORMANDIE BADGE", footer: "LES COMPÉTENCES")
    }

    /// A generic medal for demo badges.
    public static func medal(colour: String, lines: [String], caption: String, footer: String) -> String {
        let safeColour = colour.allSatisfy { $0.isHexDigit || $0 == "#" } ? colour : "#444444"
        let baseline = 128 - (lines.count - 1) * 14
        let titleLines = lines.enumerated().map { index, line in
            let size = line.count > 11 ? 22 : 28
            return "<text x=\"128\" y=\"\(baseline + index * 30)\" font-size=\"\(size)\" font-weight=\"700\" fill=\"#ffffff\" text-anchor=\"middle\" font-family=\"Arial, Helvetica, sans-serif\">\(escape(line))</text>"
        }.joined()
        return """
        <svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">\
        <circle cx="128" cy="128" r="124" fill="\(safeColour)"/>\
        <circle cx="128" cy="128" r="108" fill="none" stroke="#ffffff" stroke-width="4"/>\
        \(titleLines)\
        <text x="128" y="176" font-size="18" font-weight="700" fill="#ffffff" text-anchor="middle" font-family="Arial, Helvetica, sans-serif">\(escape(caption))</text>\
        <text x="128" y="72" font-size="12" fill="#ffffff" text-anchor="middle" font-family="Arial, Helvetica, sans-serif">\(escape(footer))</text>\
        </svg>
        """
    }

    /// Splits a title into lines of at most `width` characters, at spaces, so it fits the medal.
    public static func wrap(_ text: String, width: Int = 12) -> [String] {
        var lines: [String] = []
        for word in text.split(separator: " ") {
            if let last = lines.last, last.count + 1 + word.count <= width {
                lines[lines.count - 1] = last + " " + word
            } else {
                lines.append(String(word))
            }
        }
        return Array(lines.prefix(3))
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
