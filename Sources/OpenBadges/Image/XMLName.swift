/// Helpers for qualified names (`prefix:local`).
enum XMLName {
    static func prefix(of name: String) -> String? {
        guard let colon = name.firstIndex(of: ":") else { return nil }
        return String(name[..<colon])
    }

    static func localName(of name: String) -> String {
        guard let colon = name.firstIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    /// Namespaces in XML forbid more than one colon and empty prefixes or local parts.
    static func isQualified(_ name: String) -> Bool {
        let parts = name.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count <= 2 && parts.allSatisfy { !$0.isEmpty }
    }

    /// True for a name with no colon, as required for element names we generate.
    static func isNCName(_ name: String) -> Bool {
        guard let first = name.utf8.first, XMLTokenizer.isNameStart(first), first != UInt8(ascii: ":") else { return false }
        return name.utf8.allSatisfy { XMLTokenizer.isNameChar($0) && $0 != UInt8(ascii: ":") }
    }
}
