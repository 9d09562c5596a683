/// Serialisation of `XMLTreeElement` trees and the escaping rules shared with the bakers.
enum XMLWriter {
    /// Escapes character data. `>` is escaped too so that `]]>` can never appear.
    static func escapeText(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            // A literal CR would be folded into LF by the next parser.
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Escapes an attribute value for double quotes, keeping tabs and line ends as
    /// references since attribute normalisation would otherwise turn them into spaces.
    static func escapeAttribute(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t": out += "&#9;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `name="value"` pairs, each preceded by a space.
    static func attributes(_ attributes: [XMLAttribute]) -> String {
        attributes.map { " \($0.name)=\"\(escapeAttribute($0.value))\"" }.joined()
    }

    /// Serialises an element tree. Comments and processing instructions are not written:
    /// the only caller is the sanitiser, which drops the former and refuses the latter.
    static func serialize(_ element: XMLTreeElement) -> String {
        var out = ""
        write(element, into: &out)
        return out
    }

    private static func write(_ element: XMLTreeElement, into out: inout String) {
        out += "<" + element.name + attributes(element.attributes)
        guard !element.children.isEmpty else {
            out += "/>"
            return
        }
        out += ">"
        for child in element.children {
            switch child {
            case .element(let nested): write(nested, into: &out)
            case .text(let text), .cdata(let text): out += escapeText(text)
            case .comment, .processingInstruction: break
            }
        }
        out += "</" + element.name + ">"
    }

    /// True when every scalar may appear in an XML 1.0 document.
    static func isXMLSafe(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(XMLTokenizer.isXMLCharacter)
    }
}
