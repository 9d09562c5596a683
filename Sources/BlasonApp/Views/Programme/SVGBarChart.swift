import Foundation
import Plot

/// A small horizontal bar chart drawn on the server as SVG, with the same figures as a table for
/// screen readers (the SVG itself is marked decorative).
enum SVGBarChart {
    struct Bar {
        let label: String
        let value: Int
    }

    static func render<C: HTML.BodyContext>(title: String, valueHeading: String, bars: [Bar], _ t: Localizer) -> Node<C> {
        // Room for the longest label (about 7 px a character at 13 px), so none is cut.
        let labelWidth = min(380, max(100, (bars.map(\.label.count).max() ?? 0) * 7 + 16))
        let width = labelWidth + 330, rowHeight = 28
        let height = max(1, bars.count) * rowHeight + 8
        let maximum = max(1, bars.map(\.value).max() ?? 1)
        let rows = bars.enumerated().map { index, bar -> String in
            let y = 4 + index * rowHeight
            let length = Int(Double(width - labelWidth - 50) * Double(bar.value) / Double(maximum))
            return """
            <text x="\(labelWidth - 8)" y="\(y + 18)" text-anchor="end" font-size="13" fill="#1b1f24">\(escape(bar.label))</text>\
            <rect x="\(labelWidth)" y="\(y + 4)" width="\(max(length, bar.value > 0 ? 2 : 0))" height="\(rowHeight - 10)" fill="#0b4f8a"/>\
            <text x="\(labelWidth + length + 6)" y="\(y + 18)" font-size="13" fill="#1b1f24">\(bar.value)</text>
            """
        }.joined()
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\" aria-hidden=\"true\" focusable=\"false\">\(rows)</svg>"
        return .element(named: "figure", nodes: [
            .class("chart-figure"),
            .element(named: "figcaption", text: title),
            .raw(svg),
            .div(.class("table-wrap visually-hidden-table"), .table(
                .caption(.text(title)),
                .thead(.tr(.th(.text("")), .th(.text(valueHeading)))),
                .tbody(.forEach(bars) { bar in .tr(.td(.text(bar.label)), .td(.text(String(bar.value)))) }))),
        ])
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
