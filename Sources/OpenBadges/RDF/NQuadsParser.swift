import Foundation

/// Why a text is not valid N-Quads.
public struct NQuadsParseError: Error, CustomStringConvertible, Equatable, Sendable {
    public var line: Int
    public var reason: String
    public var description: String { "invalid N-Quads on line \(line): \(reason)" }
}

/// Reads N-Quads (RDF 1.1), one statement per line, decoding `\u`/`\U` and string escapes.
/// It keeps blank node labels, which the canonicalization tests compare against.
enum NQuadsParser {
    static func parse(_ text: String) throws -> [RDFQuad] {
        var quads: [RDFQuad] = []
        var lineNumber = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            lineNumber += 1
            var cursor = Cursor(scalars: Array(line.unicodeScalars), line: lineNumber)
            cursor.skipSpace()
            if cursor.atEnd || cursor.peek == "#" { continue }
            let subject = try cursor.readTerm()
            cursor.skipSpace()
            let predicate = try cursor.readTerm()
            cursor.skipSpace()
            let object = try cursor.readTerm()
            cursor.skipSpace()
            var graph: RDFTerm?
            if cursor.peek != "." {
                graph = try cursor.readTerm()
                cursor.skipSpace()
            }
            guard cursor.peek == "." else { throw cursor.fail("expected '.'") }
            cursor.index += 1
            cursor.skipSpace()
            guard cursor.atEnd || cursor.peek == "#" else { throw cursor.fail("unexpected text after '.'") }
            guard !subject.isLiteral, case .iri = predicate, !(graph?.isLiteral ?? false) else {
                throw cursor.fail("a term is not allowed in its position")
            }
            quads.append(RDFQuad(subject: subject, predicate: predicate, object: object, graph: graph))
        }
        return quads
    }

    private struct Cursor {
        let scalars: [Unicode.Scalar]
        let line: Int
        var index = 0

        init(scalars: [Unicode.Scalar], line: Int) {
            self.scalars = scalars
            self.line = line
        }

        var atEnd: Bool { index >= scalars.count }
        var peek: Unicode.Scalar? { atEnd ? nil : scalars[index] }

        func fail(_ reason: String) -> NQuadsParseError { NQuadsParseError(line: line, reason: reason) }

        mutating func skipSpace() {
            while let scalar = peek, scalar == " " || scalar == "\t" { index += 1 }
        }

        mutating func readTerm() throws -> RDFTerm {
            switch peek {
            case "<": return .iri(try readIRI())
            case "_": return .blankNode(try readBlankNodeLabel())
            case "\"": return try readLiteral()
            default: throw fail("expected an IRI, a blank node or a literal")
            }
        }

        mutating func readIRI() throws -> String {
            index += 1
            var value = String.UnicodeScalarView()
            while let scalar = peek, scalar != ">" {
                index += 1
                if scalar == "\\" {
                    guard peek == "u" || peek == "U" else { throw fail("only \\u and \\U escapes are allowed in IRIs") }
                    value.append(try readUnicodeEscape())
                } else {
                    guard scalar.value > 0x20, !"<\"{}|^`".unicodeScalars.contains(scalar) else {
                        throw fail("character not allowed in an IRI")
                    }
                    value.append(scalar)
                }
            }
            guard peek == ">" else { throw fail("unterminated IRI") }
            index += 1
            return String(value)
        }

        mutating func readBlankNodeLabel() throws -> String {
            guard scalars.count > index + 2, scalars[index + 1] == ":" else { throw fail("expected '_:'") }
            index += 2
            let start = index
            while let scalar = peek, Self.isLabelCharacter(scalar) { index += 1 }
            // A label may hold dots but not end with one: that dot ends the statement.
            while index > start, scalars[index - 1] == "." { index -= 1 }
            guard index > start else { throw fail("empty blank node label") }
            return String(String.UnicodeScalarView(scalars[start..<index]))
        }

        static func isLabelCharacter(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "_", "-", ".", ":", "\u{B7}": return true
            case "\u{00}"..."\u{BF}": return false
            default: return !scalar.properties.isWhitespace
            }
        }

        mutating func readLiteral() throws -> RDFTerm {
            index += 1
            var value = String.UnicodeScalarView()
            while let scalar = peek, scalar != "\"" {
                index += 1
                guard scalar == "\\" else { value.append(scalar); continue }
                guard let escaped = peek else { throw fail("unterminated escape") }
                switch escaped {
                case "u", "U": value.append(try readUnicodeEscape()); continue
                case "t": value.append("\t")
                case "b": value.append("\u{08}")
                case "n": value.append("\n")
                case "r": value.append("\r")
                case "f": value.append("\u{0C}")
                case "\"", "'", "\\": value.append(escaped)
                default: throw fail("invalid escape")
                }
                index += 1
            }
            guard peek == "\"" else { throw fail("unterminated literal") }
            index += 1
            if peek == "@" {
                index += 1
                let start = index
                while let scalar = peek, scalar.isASCIILetter || scalar.isASCIIDigit || scalar == "-" { index += 1 }
                guard index > start else { throw fail("empty language tag") }
                let language = String(String.UnicodeScalarView(scalars[start..<index]))
                return .literal(String(value), datatype: RDFVocabulary.langString, language: language)
            }
            if peek == "^" {
                guard scalars.count > index + 2, scalars[index + 1] == "^", scalars[index + 2] == "<" else {
                    throw fail("expected '^^<'")
                }
                index += 2
                return .literal(String(value), datatype: try readIRI())
            }
            return .string(String(value))
        }

        /// Reads the hex digits after `\u` (4) or `\U` (8); the cursor is on the `u`/`U`.
        mutating func readUnicodeEscape() throws -> Unicode.Scalar {
            let length = peek == "u" ? 4 : 8
            index += 1
            guard scalars.count - index >= length else { throw fail("short unicode escape") }
            let hex = String(String.UnicodeScalarView(scalars[index..<index + length]))
            index += length
            guard let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else {
                throw fail("invalid unicode escape")
            }
            return scalar
        }
    }
}

extension RDFTerm {
    var isLiteral: Bool {
        if case .literal = self { return true }
        return false
    }
}
