import Foundation

/// A small, strict XML 1.0 tokenizer over UTF-8 bytes.
///
/// Written by hand because Foundation's `XMLParser` depends on a system libxml2 that
/// is not available everywhere we deploy. It is deliberately unforgiving (no recovery,
/// no HTML leniency, only the five predefined entities) since the output is served to
/// browsers: anything two parsers might read differently is refused, not guessed at.
struct XMLTokenizer {
    let bytes: [UInt8]
    /// Byte offset of the next token.
    var position: Int
    /// Where content starts after an optional byte-order mark; the XML declaration must sit here.
    let contentStart: Int

    init(_ data: Data) throws(BadgeImageError) {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) {
            throw .malformed("UTF-16 XML is not supported")
        }
        guard String(strictUTF8: bytes) != nil else { throw .malformed("XML is not valid UTF-8") }
        try Self.checkCharacters(bytes)
        self.bytes = bytes
        contentStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        position = contentStart
    }

    /// XML 1.0 forbids most C0 controls and U+FFFE/U+FFFF anywhere, even in comments.
    private static func checkCharacters(_ bytes: [UInt8]) throws(BadgeImageError) {
        for (index, byte) in bytes.enumerated() {
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D {
                throw .malformed("control character U+\(String(byte, radix: 16, uppercase: true)) in XML")
            }
            if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE {
                throw .malformed("non-character U+FFFE/U+FFFF in XML")
            }
        }
    }

    /// The next token and the bytes it spans, or nil at the end of input.
    mutating func next() throws(BadgeImageError) -> (token: XMLToken, range: Range<Int>)? {
        guard position < bytes.count else { return nil }
        let start = position
        let token: XMLToken
        if bytes[position] == UInt8(ascii: "<") {
            token = try markup(start: start)
        } else {
            token = try text()
        }
        return (token, start..<position)
    }

    private mutating func markup(start: Int) throws(BadgeImageError) -> XMLToken {
        if hasPrefix("<?") { return try processingInstruction(start: start) }
        if hasPrefix("<!--") { return try comment() }
        if hasPrefix("<![CDATA[") { return try cdata() }
        if hasPrefix("<!DOCTYPE") { return try doctype() }
        if hasPrefix("<!") { throw .malformed("unexpected markup declaration") }
        if hasPrefix("</") { return try endTag() }
        return try startTag()
    }

    private mutating func text() throws(BadgeImageError) -> XMLToken {
        let start = position
        let end = bytes[start...].firstIndex(of: UInt8(ascii: "<")) ?? bytes.count
        if find("]]>", in: start..<end) != nil { throw .malformed("']]>' in character data") }
        position = end
        return .text(try decode(start..<end, isAttribute: false))
    }

    private mutating func startTag() throws(BadgeImageError) -> XMLToken {
        position += 1
        let name = try readName()
        var attributes: [XMLAttribute] = []
        while true {
            let hadSpace = skipWhitespace()
            if hasPrefix(">") {
                position += 1
                return .startTag(name: name, attributes: attributes, selfClosing: false)
            }
            if hasPrefix("/>") {
                position += 2
                return .startTag(name: name, attributes: attributes, selfClosing: true)
            }
            guard position < bytes.count else { throw .malformed("unterminated start tag <\(name)>") }
            guard hadSpace else { throw .malformed("missing whitespace between attributes in <\(name)>") }
            let attribute = try readAttribute()
            if attributes.contains(where: { $0.name == attribute.name }) {
                throw .malformed("duplicate attribute \(attribute.name) in <\(name)>")
            }
            attributes.append(attribute)
        }
    }

    private mutating func endTag() throws(BadgeImageError) -> XMLToken {
        position += 2
        let name = try readName()
        skipWhitespace()
        guard hasPrefix(">") else { throw .malformed("unterminated end tag </\(name)>") }
        position += 1
        return .endTag(name: name)
    }

    mutating func readAttribute() throws(BadgeImageError) -> XMLAttribute {
        let name = try readName()
        skipWhitespace()
        guard hasPrefix("=") else { throw .malformed("attribute \(name) has no value") }
        position += 1
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") else {
            throw .malformed("attribute \(name) value is not quoted")
        }
        let quote = bytes[position]
        let valueStart = position + 1
        guard let valueEnd = bytes[valueStart...].firstIndex(of: quote) else {
            throw .malformed("unterminated value for attribute \(name)")
        }
        if bytes[valueStart..<valueEnd].contains(UInt8(ascii: "<")) {
            throw .malformed("'<' in value of attribute \(name)")
        }
        position = valueEnd + 1
        return XMLAttribute(name: name, value: try decode(valueStart..<valueEnd, isAttribute: true))
    }

    mutating func readName() throws(BadgeImageError) -> String {
        let start = position
        guard position < bytes.count, Self.isNameStart(bytes[position]) else { throw .malformed("expected an XML name") }
        while position < bytes.count, Self.isNameChar(bytes[position]) {
            position += 1
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    /// Non-ASCII bytes are accepted wholesale: the fine-grained Unicode name classes add
    /// nothing for SVG, and the input is already known to be valid UTF-8.
    static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F || byte == 0x3A || byte >= 0x80
    }

    static func isNameChar(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x2E
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    @discardableResult
    mutating func skipWhitespace() -> Bool {
        let start = position
        while position < bytes.count, Self.isWhitespace(bytes[position]) {
            position += 1
        }
        return position > start
    }

    func hasPrefix(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - position >= count else { return false }
        return literal.withUTF8Buffer { bytes[position..<(position + count)].elementsEqual($0) }
    }

    /// Offset of the first occurrence of `literal` inside `range`, if any.
    func find(_ literal: StaticString, in range: Range<Int>) -> Int? {
        literal.withUTF8Buffer { needle -> Int? in
            guard range.count >= needle.count else { return nil }
            var index = range.lowerBound
            while index + needle.count <= range.upperBound {
                if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
                index += 1
            }
            return nil
        }
    }
}
