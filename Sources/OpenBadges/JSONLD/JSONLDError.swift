import Foundation

/// A JSON-LD processing error, with the error code the JSON-LD 1.1 API names (§9.4.2).
public struct JSONLDError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Code: String, Sendable {
        case collidingKeywords = "colliding keywords"
        case contextOverflow = "context overflow"
        case cyclicIRIMapping = "cyclic IRI mapping"
        case invalidBaseDirection = "invalid base direction"
        case invalidBaseIRI = "invalid base IRI"
        case invalidContainerMapping = "invalid container mapping"
        case invalidContextEntry = "invalid context entry"
        case invalidContextNullification = "invalid context nullification"
        case invalidDefaultLanguage = "invalid default language"
        case invalidIdValue = "invalid @id value"
        case invalidImportValue = "invalid @import value"
        case invalidIncludedValue = "invalid @included value"
        case invalidIndexValue = "invalid @index value"
        case invalidIRIMapping = "invalid IRI mapping"
        case invalidKeywordAlias = "invalid keyword alias"
        case invalidLanguageMapValue = "invalid language map value"
        case invalidLanguageMapping = "invalid language mapping"
        case invalidLanguageTaggedString = "invalid language-tagged string"
        case invalidLanguageTaggedValue = "invalid language-tagged value"
        case invalidLocalContext = "invalid local context"
        case invalidNestValue = "invalid @nest value"
        case invalidPrefixValue = "invalid @prefix value"
        case invalidPropagateValue = "invalid @propagate value"
        case invalidProtectedValue = "invalid @protected value"
        case invalidRemoteContext = "invalid remote context"
        case invalidReverseProperty = "invalid reverse property"
        case invalidReversePropertyMap = "invalid reverse property map"
        case invalidReversePropertyValue = "invalid reverse property value"
        case invalidReverseValue = "invalid @reverse value"
        case invalidScopedContext = "invalid scoped context"
        case invalidSetOrListObject = "invalid set or list object"
        case invalidTermDefinition = "invalid term definition"
        case invalidTypeMapping = "invalid type mapping"
        case invalidTypeValue = "invalid type value"
        case invalidTypedValue = "invalid typed value"
        case invalidValueObject = "invalid value object"
        case invalidValueObjectValue = "invalid value object value"
        case invalidVersionValue = "invalid @version value"
        case invalidVocabMapping = "invalid vocab mapping"
        case keywordRedefinition = "keyword redefinition"
        case loadingRemoteContextFailed = "loading remote context failed"
        case processingModeConflict = "processing mode conflict"
        case protectedTermRedefinition = "protected term redefinition"
        case conflictingIndexes = "conflicting indexes"
        /// Not a JSON-LD code: safe mode refused data that plain JSON-LD would silently drop.
        case safeModeViolation = "safe mode violation"
    }

    public var code: Code
    public var detail: String

    public init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    public var description: String { "JSON-LD \(code.rawValue): \(detail)" }
}

/// Something JSON-LD processing dropped or could not represent, which plain JSON-LD ignores
/// silently. Data that is dropped is not covered by a signature over the canonical form, so
/// Data Integrity verifiers refuse such documents ("safe mode", as in jsonld.js).
public struct JSONLDWarning: CustomStringConvertible, Equatable, Sendable {
    public enum Kind: String, Sendable {
        /// A key that is neither a keyword nor expands to an absolute IRI (an undefined term).
        case undefinedTerm = "undefined term"
        /// A type that does not expand to an absolute IRI.
        case relativeTypeReference = "relative @type reference"
        /// A node identifier that stays a relative IRI (there is no base IRI).
        case relativeIdReference = "relative @id reference"
        /// An `@vocab` that is a relative IRI.
        case relativeVocabReference = "relative @vocab reference"
        /// A value with nothing to attach it to (a scalar, `@value`, `@list` or empty object at the top).
        case freeFloatingValue = "free-floating value"
        /// A value JSON-LD drops: `@value: null`, a map with only `@language`, a reserved `@…` key.
        case droppedValue = "dropped value"
        /// A language tag that is not well-formed BCP 47.
        case invalidLanguageTag = "invalid language tag"
        /// A subject, predicate, object or graph name that is not a well-formed IRI in RDF output.
        case invalidRDFTerm = "invalid RDF term"
    }

    public var kind: Kind
    /// The key, type, IRI or value concerned.
    public var subject: String

    public init(_ kind: Kind, _ subject: String) {
        self.kind = kind
        self.subject = subject
    }

    public var description: String { "\(kind.rawValue): \(subject)" }
}
