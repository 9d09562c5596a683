/// A table written as CSV for spreadsheets: `;`-separated (what French spreadsheets open by
/// default), CRLF line ends, fields quoted when needed. Cells that a spreadsheet would run as a
/// formula (starting with `=`, `+`, `-`, `@`) get a leading apostrophe, so an organisation's name
/// cannot turn an export into a formula attack.
public struct CSVTable: Sendable {
    public let separator: Character
    private var rows: [[String]]

    public init(header: [String], separator: Character = ";") {
        self.separator = separator
        self.rows = [header]
    }

    public mutating func append(_ row: [String]) {
        rows.append(row)
    }

    /// The whole table, with a byte-order mark so spreadsheets read UTF-8 accents right.
    public var text: String {
        "\u{FEFF}" + rows.map { $0.map(field).joined(separator: String(separator)) }.joined(separator: "\r\n") + "\r\n"
    }

    func field(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@\t\r".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
