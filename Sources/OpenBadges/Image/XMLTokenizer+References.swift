/// Character and entity references, plus the line-end and attribute normalisation XML mandates.
extension XMLTokenizer {
    /// Decodes `range`. Only the five predefined entities exist here: custom ones would need
    /// a DOCTYPE, which is exactly the attack surface (XXE, billion laughs) we refuse.
    func decode(_ range: Range<Int>, isAttribute: Bool) throws(BadgeImageError) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "&"):
                let (scalar, end) = try reference(at: index, limit: range.upperBound)
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
                index = end
                continue
            case 0x0D:
                // CR LF and lone CR both become one line feed (XML 1.0 §2.11).
                if index + 1 < range.upperBound, bytes[index + 1] == 0x0A { index += 1 }
                out.append(isAttribute ? 0x20 : 0x0A)
            case 0x0A, 0x09:
                // Literal whitespace in attributes becomes a space (§3.3.3); only references keep it.
                out.append(isAttribute ? 0x20 : byte)
            default:
                out.append(byte)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Parses the reference starting at the `&` at `start`; returns its scalar and the offset after `;`.
    private func reference(at start: Int, limit: Int) throws(BadgeImageError) -> (Unicode.Scalar, Int) {
        let searchEnd = min(limit, start + 32)
        guard let semicolon = bytes[start..<searchEnd].firstIndex(of: UInt8(ascii: ";")) else {
            throw .malformed("unterminated entity reference")
        }
        let name = String(decoding: bytes[(start + 1)..<semicolon], as: UTF8.self)
        let scalar: Unicode.Scalar?
        switch name {
        case "lt": scalar = "<"
        case "gt": scalar = ">"
        case "amp": scalar = "&"
        case "apos": scalar = "'"
        case "quot": scalar = "\""
        default:
            if name.hasPrefix("#x") {
                scalar = Self.hexDigitsOnly(name.dropFirst(2)).flatMap { UInt32($0, radix: 16) }.flatMap(Unicode.Scalar.init)
            } else if name.hasPrefix("#") {
                scalar = Self.decimalDigitsOnly(name.dropFirst()).flatMap { UInt32($0) }.flatMap(Unicode.Scalar.init)
            } else {
                throw .malformed("unknown entity &\(name);")
            }
        }
        guard let scalar, Self.isXMLCharacter(scalar) else { throw .malformed("invalid character reference &\(name);") }
        return (scalar, semicolon + 1)
    }

    private static func hexDigitsOnly(_ text: Substring) -> Substring? {
        !text.isEmpty && text.allSatisfy({ $0.isASCII && $0.isHexDigit }) ? text : nil
    }

    private static func decimalDigitsOnly(_ text: Substring) -> Substring? {
        !text.isEmpty && text.allSatisfy({ $0.isASCII && $0.isNumber }) ? text : nil
    }

    static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// CDATA gets line-end normalisation but no reference decoding.
    func normalizedLineEnds(_ slice: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var index = slice.startIndex
        while index < slice.endIndex {
            if slice[index] == 0x0D {
                out.append(0x0A)
                if index + 1 < slice.endIndex, slice[index + 1] == 0x0A { index += 1 }
            } else {
                out.append(slice[index])
            }
            index += 1
        }
        return out
    }
}
