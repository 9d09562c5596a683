import Foundation

/// A parsed, well-formed, namespace-resolved XML document.
///
/// Building a tree (rather than streaming) keeps the sanitiser and bakers simple; the
/// nesting cap keeps it safe, since every consumer walks the tree recursively and a
/// hostile file of a few kilobytes could otherwise nest deep enough to exhaust a stack.
struct XMLTree: Sendable {
    static let maximumDepth = 256

    var root: XMLTreeElement
    var hasDoctype: Bool

    /// Parses `data`. With `refusingDeclarations`, a DOCTYPE or processing instruction
    /// throws `.unsafeSVG` as soon as it is met, before any entity it declares is used.
    static func parse(_ data: Data, refusingDeclarations: Bool = false) throws(BadgeImageError) -> XMLTree {
        var tokenizer = try XMLTokenizer(data)
        var builder = Builder()
        while let (token, range) = try tokenizer.next() {
            if refusingDeclarations {
                if case .doctype = token { throw .unsafeSVG("DOCTYPE/entity declaration") }
                if case .processingInstruction(let target) = token { throw .unsafeSVG("processing instruction \(target)") }
            }
            try builder.consume(token, range: range)
        }
        return try builder.finish()
    }

    /// The root element's local name and namespace, reading only as far as its start tag,
    /// so format detection does not pay for (or fail on) the rest of the document.
    static func rootName(_ data: Data) throws(BadgeImageError) -> (localName: String, namespace: String?) {
        var tokenizer = try XMLTokenizer(data)
        var builder = Builder()
        while let (token, range) = try tokenizer.next() {
            if case .startTag(let name, let attributes, _) = token {
                let scope = try builder.scope(declaredBy: attributes)
                return (XMLName.localName(of: name), try Builder.resolve(elementName: name, in: scope))
            }
            try builder.consume(token, range: range)
        }
        throw .malformed("no root element")
    }
}

extension XMLTree {
    /// Turns tokens into a tree, enforcing XML well-formedness and Namespaces in XML.
    private struct Builder {
        var stack: [XMLTreeElement] = []
        var scopes: [[String: String]] = [["xml": XMLNamespace.xml]]
        var root: XMLTreeElement?
        var hasDoctype = false

        mutating func consume(_ token: XMLToken, range: Range<Int>) throws(BadgeImageError) {
            switch token {
            case .declaration:
                break
            case .doctype:
                guard root == nil, stack.isEmpty, !hasDoctype else { throw .malformed("misplaced DOCTYPE") }
                hasDoctype = true
            case .processingInstruction(let target):
                // Outside the root only `refusingDeclarations` cares, and it has already seen them.
                if !stack.isEmpty { append(.processingInstruction(target: target)) }
            case .comment(let text):
                if !stack.isEmpty { append(.comment(text)) }
            case .text(let text):
                if stack.isEmpty {
                    guard text.utf8.allSatisfy(XMLTokenizer.isWhitespace) else { throw .malformed("text outside the root element") }
                } else {
                    append(.text(text))
                }
            case .cdata(let text):
                guard !stack.isEmpty else { throw .malformed("CDATA outside the root element") }
                append(.cdata(text))
            case .startTag(let name, let attributes, let selfClosing):
                try startElement(name, attributes, selfClosing, range)
            case .endTag(let name):
                guard var element = stack.popLast() else { throw .malformed("unexpected end tag </\(name)>") }
                guard element.name == name else { throw .malformed("end tag </\(name)> does not match <\(element.name)>") }
                scopes.removeLast()
                element.range = element.range.lowerBound..<range.upperBound
                close(element)
            }
        }

        private mutating func startElement(_ name: String, _ attributes: [XMLAttribute], _ selfClosing: Bool, _ range: Range<Int>) throws(BadgeImageError) {
            guard root == nil else { throw .malformed("content after the root element") }
            guard stack.count < XMLTree.maximumDepth else { throw .malformed("elements nested too deeply") }
            let scope = try scope(declaredBy: attributes)
            var resolved = attributes
            for index in resolved.indices {
                let attribute = resolved[index]
                guard XMLName.isQualified(attribute.name) else { throw .malformed("invalid attribute name \(attribute.name)") }
                if attribute.name == "xmlns" || attribute.prefix == "xmlns" {
                    resolved[index].namespace = XMLNamespace.xmlns
                } else if let prefix = attribute.prefix {
                    guard let uri = scope[prefix] else { throw .malformed("undeclared namespace prefix \(prefix)") }
                    resolved[index].namespace = uri
                }
            }
            let element = XMLTreeElement(
                name: name, namespace: try Self.resolve(elementName: name, in: scope), attributes: resolved,
                range: range, startTagRange: range, isSelfClosing: selfClosing
            )
            if selfClosing {
                close(element)
            } else {
                stack.append(element)
                scopes.append(scope)
            }
        }

        /// The prefix bindings in force inside an element with these attributes.
        func scope(declaredBy attributes: [XMLAttribute]) throws(BadgeImageError) -> [String: String] {
            var scope = scopes[scopes.count - 1]
            for attribute in attributes {
                if attribute.name == "xmlns" {
                    scope[""] = attribute.value.isEmpty ? nil : attribute.value
                } else if attribute.prefix == "xmlns" {
                    let prefix = attribute.localName
                    guard !attribute.value.isEmpty, prefix != "xmlns",
                          (prefix == "xml") == (attribute.value == XMLNamespace.xml)
                    else { throw .malformed("invalid namespace declaration \(attribute.name)") }
                    scope[prefix] = attribute.value
                }
            }
            return scope
        }

        static func resolve(elementName name: String, in scope: [String: String]) throws(BadgeImageError) -> String? {
            guard XMLName.isQualified(name) else { throw .malformed("invalid element name \(name)") }
            guard let prefix = XMLName.prefix(of: name) else { return scope[""] }
            guard prefix != "xmlns", let uri = scope[prefix] else { throw .malformed("undeclared namespace prefix \(prefix)") }
            return uri
        }

        private mutating func append(_ node: XMLTreeNode) {
            stack[stack.count - 1].children.append(node)
        }

        private mutating func close(_ element: XMLTreeElement) {
            if stack.isEmpty { root = element } else { append(.element(element)) }
        }

        func finish() throws(BadgeImageError) -> XMLTree {
            if let open = stack.last { throw .malformed("unclosed element <\(open.name)>") }
            guard let root else { throw .malformed("no root element") }
            return XMLTree(root: root, hasDoctype: hasDoctype)
        }
    }
}
