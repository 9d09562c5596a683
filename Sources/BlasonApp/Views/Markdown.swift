import Foundation
import Ink

/// Criteria and descriptions are written in Markdown by organisations and shown to the public,
/// so raw HTML is neutralised before Ink sees it and only web, mail and in-page links survive.
enum Markdown {
    static func html(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        let rendered = MarkdownParser().html(from: escaped)
        return neutraliseLinks(rendered)
    }

    private static func neutraliseLinks(_ html: String) -> String {
        var output = ""
        var rest = Substring(html)
        for attribute in ["href=\"", "src=\""] where !rest.isEmpty {
            output = ""
            while let range = rest.range(of: attribute) {
                output += rest[..<range.upperBound]
                rest = rest[range.upperBound...]
                let end = rest.firstIndex(of: "\"") ?? rest.endIndex
                let value = rest[..<end]
                let lower = value.lowercased()
                let safe = lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:") || lower.hasPrefix("#")
                output += safe ? value : "#"
                rest = rest[end...]
            }
            output += rest
            rest = Substring(output)
        }
        return output
    }
}
