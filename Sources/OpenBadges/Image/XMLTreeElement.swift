/// An element with resolved namespaces and the source bytes it came from.
///
/// Source ranges let the bakers splice the original bytes instead of re-serialising
/// someone's artwork, which keeps formatting and anything we do not model intact.
struct XMLTreeElement: Sendable, Equatable {
    /// The qualified name as written.
    var name: String
    var namespace: String?
    var attributes: [XMLAttribute]
    var children: [XMLTreeNode] = []
    /// From `<` of the start tag to `>` of the end tag (or of the self-closing tag).
    var range: Range<Int>
    var startTagRange: Range<Int>
    var isSelfClosing: Bool

    var localName: String { XMLName.localName(of: name) }

    /// The value of an attribute by local name and namespace (nil namespace = unprefixed).
    func attribute(_ localName: String, namespace: String? = nil) -> String? {
        attributes.first { $0.localName == localName && $0.namespace == namespace }?.value
    }

    /// Elements below this one, depth first, including nested ones.
    var descendants: [XMLTreeElement] {
        var found: [XMLTreeElement] = []
        var pending = children.reversed().compactMap(\.element)
        while let next = pending.popLast() {
            found.append(next)
            pending.append(contentsOf: next.children.reversed().compactMap(\.element))
        }
        return found
    }
}
