/// Declarations, processing instructions, comments and CDATA sections.
extension XMLTokenizer {
    mutating func processingInstruction(start: Int) throws(BadgeImageError) -> XMLToken {
        position += 2
        let target = try readName()
        if target == "xml" {
            guard start == contentStart else { throw .malformed("XML declaration is not at the start of the document") }
            return try declaration()
        }
        if target.lowercased() == "xml" { throw .malformed("reserved processing instruction target \(target)") }
        guard hasPrefix("?>") || skipWhitespace() else { throw .malformed("malformed processing instruction \(target)") }
        guard let end = find("?>", in: position..<bytes.count) else {
            throw .malformed("unterminated processing instruction \(target)")
        }
        position = end + 2
        return .processingInstruction(target: target)
    }

    /// Parses `version`, then optional `encoding` and `standalone`, in that order as XML requires.
    private mutating func declaration() throws(BadgeImageError) -> XMLToken {
        var attributes: [XMLAttribute] = []
        while true {
            let hadSpace = skipWhitespace()
            if hasPrefix("?>") {
                position += 2
                break
            }
            guard position < bytes.count, hadSpace else { throw .malformed("malformed XML declaration") }
            attributes.append(try readAttribute())
        }
        let names = attributes.map(\.name)
        let allowedOrders = [["version"], ["version", "encoding"], ["version", "standalone"], ["version", "encoding", "standalone"]]
        guard allowedOrders.contains(names) else { throw .malformed("malformed XML declaration") }
        if let encoding = attributes.first(where: { $0.name == "encoding" })?.value {
            // Only UTF-8 is decoded; ASCII is a subset, so its label is harmless.
            let accepted = ["utf-8", "utf8", "us-ascii", "ascii"]
            guard accepted.contains(encoding.lowercased()) else {
                throw .malformed("unsupported XML encoding \(encoding)")
            }
        }
        return .declaration(attributes: attributes)
    }

    mutating func comment() throws(BadgeImageError) -> XMLToken {
        let start = position + 4
        guard let dashes = find("--", in: start..<bytes.count) else { throw .malformed("unterminated comment") }
        // XML forbids "--" inside comments, so the first "--" must close it.
        guard dashes + 2 < bytes.count, bytes[dashes + 2] == UInt8(ascii: ">") else {
            throw .malformed("'--' inside a comment")
        }
        position = dashes + 3
        return .comment(String(decoding: bytes[start..<dashes], as: UTF8.self))
    }

    mutating func cdata() throws(BadgeImageError) -> XMLToken {
        let start = position + 9
        guard let end = find("]]>", in: start..<bytes.count) else { throw .malformed("unterminated CDATA section") }
        position = end + 3
        return .cdata(String(decoding: normalizedLineEnds(bytes[start..<end]), as: UTF8.self))
    }

    /// Skips the whole declaration, internal subset included, honouring quotes and comments
    /// so that a `>` inside them does not end it early.
    mutating func doctype() throws(BadgeImageError) -> XMLToken {
        position += 9
        guard skipWhitespace() else { throw .malformed("malformed DOCTYPE") }
        var inSubset = false
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                guard let close = bytes[(position + 1)...].firstIndex(of: byte) else { break }
                position = close + 1
            } else if inSubset, hasPrefix("<!--") {
                _ = try comment()
            } else if byte == UInt8(ascii: "[") {
                inSubset = true
                position += 1
            } else if byte == UInt8(ascii: "]") {
                inSubset = false
                position += 1
            } else if byte == UInt8(ascii: ">"), !inSubset {
                position += 1
                return .doctype
            } else {
                position += 1
            }
        }
        throw .malformed("unterminated DOCTYPE")
    }
}
