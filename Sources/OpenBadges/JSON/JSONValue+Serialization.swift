import Foundation

extension JSONValue {
    /// UTF-8 JSON with members in code point order and slashes left alone, so the same value
    /// always gives the same bytes (like `OB2.encoder`). `pretty` indents with two spaces.
    public func jsonData(pretty: Bool = false) -> Data {
        var output = ""
        write(to: &output, pretty: pretty, indent: "", canonical: false)
        if pretty { output += "\n" }
        return Data(output.utf8)
    }

    /// The JSON Canonicalization Scheme form (RFC 8785): no whitespace, members sorted by
    /// UTF-16 code units, numbers as ECMAScript prints them. JSON-LD uses it as the lexical
    /// form of `@json` literals (`rdf:JSON`), so it must match other implementations exactly.
    public var canonicalJSON: String {
        var output = ""
        write(to: &output, pretty: false, indent: "", canonical: true)
        return output
    }

    private func write(to output: inout String, pretty: Bool, indent: String, canonical: Bool) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .int(let value): output += String(value)
        case .double(let value): output += Self.ecmaScriptString(value)
        case .string(let value): Self.writeQuoted(value, to: &output)
        case .array(let elements):
            guard !elements.isEmpty else { output += "[]"; return }
            let inner = indent + "  "
            output += "["
            for (position, element) in elements.enumerated() {
                if position > 0 { output += "," }
                if pretty { output += "\n" + inner }
                element.write(to: &output, pretty: pretty, indent: inner, canonical: canonical)
            }
            output += pretty ? "\n" + indent + "]" : "]"
        case .object(let members):
            guard !members.isEmpty else { output += "{}"; return }
            let inner = indent + "  "
            // RFC 8785 sorts by UTF-16 code units; elsewhere code point order reads naturally.
            let keys = canonical
                ? members.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
                : members.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            output += "{"
            for (position, key) in keys.enumerated() {
                if position > 0 { output += "," }
                if pretty { output += "\n" + inner }
                Self.writeQuoted(key, to: &output)
                output += pretty ? ": " : ":"
                members[key]!.write(to: &output, pretty: pretty, indent: inner, canonical: canonical)
            }
            output += pretty ? "\n" + indent + "}" : "}"
        }
    }

    /// Quotes a string as ECMAScript's `JSON.stringify` does (RFC 8785 §3.2.2.2).
    private static func writeQuoted(_ value: String, to output: inout String) {
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }

    /// ECMAScript's Number::toString: the shortest digits that read back as the same double,
    /// placed as plain decimals between 1e-6 and 1e21 and in exponent form outside.
    static func ecmaScriptString(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == 0 { return "0" }
        if value < 0 { return "-" + ecmaScriptString(-value) }
        // Swift's description already holds the shortest round-trip digits; only the layout differs.
        let (digits, pointPosition) = shortestDigits(value)
        let k = digits.count, n = pointPosition
        if k <= n && n <= 21 { return digits + String(repeating: "0", count: n - k) }
        if 0 < n && n <= 21 { return String(digits.prefix(n)) + "." + String(digits.dropFirst(n)) }
        if -6 < n && n <= 0 { return "0." + String(repeating: "0", count: -n) + digits }
        let exponent = n - 1
        let sign = exponent < 0 ? "-" : "+"
        let mantissa = k == 1 ? digits : String(digits.prefix(1)) + "." + String(digits.dropFirst())
        return mantissa + "e" + sign + String(abs(exponent))
    }

    /// Significant digits `d` and position `n` with value = 0.d × 10^n, from Swift's shortest form.
    private static func shortestDigits(_ value: Double) -> (String, Int) {
        let text = value.description
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let integerPart = parts[0]
        let fraction = parts.count > 1 ? parts[1] : ""
        var digits = Array(integerPart + fraction)
        var position = integerPart.count + exponent
        while digits.first == "0" { digits.removeFirst(); position -= 1 }
        while digits.last == "0" { digits.removeLast() }
        return (String(digits), position)
    }
}
