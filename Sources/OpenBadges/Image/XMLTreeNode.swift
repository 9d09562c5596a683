/// A node of the small tree `XMLTree` builds.
enum XMLTreeNode: Sendable, Equatable {
    case element(XMLTreeElement)
    case text(String)
    case cdata(String)
    case comment(String)
    /// Only the target is kept: the sanitiser refuses these and nothing else reads them.
    case processingInstruction(target: String)
}

extension XMLTreeNode {
    var element: XMLTreeElement? {
        if case .element(let element) = self { return element }
        return nil
    }
}
