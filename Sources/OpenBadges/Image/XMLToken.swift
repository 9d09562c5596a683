/// One lexical unit of an XML document; `XMLTokenizer` pairs it with its byte range.
enum XMLToken: Sendable, Equatable {
    case declaration(attributes: [XMLAttribute])
    case processingInstruction(target: String)
    /// Only its presence matters: the sanitiser refuses it and bakers pass it through verbatim.
    case doctype
    case comment(String)
    case startTag(name: String, attributes: [XMLAttribute], selfClosing: Bool)
    case endTag(name: String)
    case text(String)
    case cdata(String)
}
