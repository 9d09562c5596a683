/// An attribute as written in a start tag, with its value already decoded.
struct XMLAttribute: Sendable, Equatable {
    /// The qualified name as written, e.g. `xlink:href`.
    var name: String
    /// The value after entity decoding and XML attribute-value normalisation.
    var value: String
    /// Filled in by `XMLTree` once prefixes are resolved; nil for unprefixed attributes.
    var namespace: String?

    init(name: String, value: String, namespace: String? = nil) {
        self.name = name
        self.value = value
        self.namespace = namespace
    }

    var prefix: String? { XMLName.prefix(of: name) }
    var localName: String { XMLName.localName(of: name) }

    func withNamespace(_ namespace: String?) -> XMLAttribute {
        var copy = self
        copy.namespace = namespace
        return copy
    }
}
