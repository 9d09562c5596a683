import Foundation

/// The few IRI operations JSON-LD needs: recognising absolute IRIs, resolving relative references
/// against a base (RFC 3986 §5.2, with no normalisation, as JSON-LD 1.1 §5.2 step 8 asks), and
/// telling whether an IRI is well-formed enough to become an RDF term.
enum IRI {
    /// Whether `value` has the form of an absolute IRI: a scheme (RFC 3986), a colon and no
    /// whitespace; `_:` blank node identifiers count too, as in JSON-LD's own definition.
    static func isAbsolute(_ value: String) -> Bool {
        let scalars = value.unicodeScalars
        guard let colon = scalars.firstIndex(of: ":"), colon != scalars.startIndex else { return false }
        let scheme = scalars[..<colon]
        let schemeIsValid = scheme.elementsEqual("_".unicodeScalars) || (scheme.first!.isASCIILetter
            && scheme.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || "+-.".unicodeScalars.contains($0) })
        return schemeIsValid && !scalars[colon...].contains(where: isWhitespace)
    }

    /// Unicode's White_Space, with ASCII answered without the property tables: this runs on
    /// every IRI a document holds.
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || (0x09...0x0D).contains(scalar.value) }
        return scalar.properties.isWhitespace
    }

    /// Whether an IRI may appear in RDF output: absolute, not a blank node, free of the
    /// characters RFC 3987 forbids (spaces, controls, `<>"{}|\^` and backquote), and with at most
    /// one `#`: a fragment cannot hold another (RFC 3987 `ifragment`). The second matters where
    /// `@vocab` ends in `#` and a key starts with one, which makes `…##key`.
    static func isWellFormed(_ value: String) -> Bool {
        guard isAbsolute(value), !value.hasPrefix("_:") else { return false }
        let scalars = value.unicodeScalars
        return !scalars.contains { $0.value <= 0x20 || "<>\"{}|\\^`".unicodeScalars.contains($0) }
            && scalars.lazy.filter { $0 == "#" }.count <= 1
    }

    /// Resolves `reference` against `base` (RFC 3986 §5.2.2). Without a base it comes back as is.
    static func resolve(_ reference: String, against base: String?) -> String {
        guard let base, !base.isEmpty else { return reference }
        let r = Components(reference)
        if r.scheme != nil { return reference }
        let b = Components(base)
        var target = Components()
        target.scheme = b.scheme
        if let authority = r.authority {
            target.authority = authority
            target.path = removeDotSegments(r.path)
            target.query = r.query
        } else {
            target.authority = b.authority
            if r.path.isEmpty {
                target.path = b.path
                target.query = r.query ?? b.query
            } else {
                if r.path.hasPrefix("/") {
                    target.path = removeDotSegments(r.path)
                } else if b.authority != nil, b.path.isEmpty {
                    target.path = removeDotSegments("/" + r.path)
                } else {
                    let directory = b.path.lastIndex(of: "/").map { String(b.path[...$0]) } ?? ""
                    target.path = removeDotSegments(directory + r.path)
                }
                target.query = r.query
            }
        }
        target.fragment = r.fragment
        return target.text
    }

    /// RFC 3986 §5.2.4.
    static func removeDotSegments(_ path: String) -> String {
        var input = Substring(path)
        var output: [Substring] = []
        var absolute = false
        if input.hasPrefix("/") { absolute = true }
        let segments = input.split(separator: "/", omittingEmptySubsequences: false)
        input = ""
        for (position, segment) in segments.enumerated() {
            let isLast = position == segments.count - 1
            if position == 0 && absolute { continue }
            switch segment {
            case ".":
                if isLast { output.append("") }
            case "..":
                if !output.isEmpty { output.removeLast() }
                if isLast { output.append("") }
            default:
                output.append(segment)
            }
        }
        return (absolute ? "/" : "") + output.joined(separator: "/")
    }

    /// The five parts of a URI reference (RFC 3986 appendix B).
    struct Components {
        var scheme: String?
        var authority: String?
        var path = ""
        var query: String?
        var fragment: String?

        init() {}

        init(_ text: String) {
            var rest = Substring(text)
            if let hash = rest.firstIndex(of: "#") {
                fragment = String(rest[rest.index(after: hash)...])
                rest = rest[..<hash]
            }
            if let question = rest.firstIndex(of: "?") {
                query = String(rest[rest.index(after: question)...])
                rest = rest[..<question]
            }
            if let colon = rest.firstIndex(of: ":"), !rest[..<colon].contains("/"), IRI.isAbsolute(String(rest)) {
                scheme = String(rest[..<colon])
                rest = rest[rest.index(after: colon)...]
            }
            if rest.hasPrefix("//") {
                rest = rest.dropFirst(2)
                let end = rest.firstIndex(of: "/") ?? rest.endIndex
                authority = String(rest[..<end])
                rest = rest[end...]
            }
            path = String(rest)
        }

        var text: String {
            var result = ""
            if let scheme { result += scheme + ":" }
            if let authority { result += "//" + authority }
            result += path
            if let query { result += "?" + query }
            if let fragment { result += "#" + fragment }
            return result
        }
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
