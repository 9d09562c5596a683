import Foundation

/// Supplies the documents behind context URLs (`"@context": "https://…"`).
///
/// Implementations return the whole document (an object with an `@context` member) or throw.
/// A verifier must not fetch contexts from the network: a context served today can differ from
/// the one the issuer signed against, and fetching leaks which credential is being checked.
public protocol JSONLDContextLoader: Sendable {
    func loadContext(_ url: String) throws -> JSONValue
    /// A name under which contexts processed with this loader may be kept and reused for the
    /// whole process, or `nil` (the default) if the documents behind a URL can change. Only
    /// loaders whose every URL always gives the same document may name themselves.
    var cacheIdentity: String? { get }
}

extension JSONLDContextLoader {
    public var cacheIdentity: String? { nil }
}

/// The contexts bundled with this library, for Verifiable Credentials 2.0 and Open Badges 3.0.
/// Any other URL is refused with `loading remote context failed`.
public struct BundledContexts: JSONLDContextLoader {
    /// Context URL → resource file (in `Resources/Contexts`).
    public static let files: [String: String] = [
        "https://www.w3.org/ns/credentials/v2": "credentials-v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json": "ob-v3p0-context-3.0.3",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json": "ob-v3p0-context-3.0.2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json": "ob-v3p0-context-3.0.1",
        "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json": "ob-v3p0-extensions",
        "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json": "clr-v2p0-context-2.0.1",
        "https://w3id.org/security/data-integrity/v2": "security-data-integrity-v2",
        "https://w3id.org/security/multikey/v1": "security-multikey-v1",
    ]

    /// The URLs this loader answers.
    public static var urls: [String] { files.keys.sorted() }

    /// Parsed once per process: the files never change and every signature needs them.
    private static let documents: [String: Result<JSONValue, any Error>] = {
        var documents: [String: Result<JSONValue, any Error>] = [:]
        for (url, name) in files {
            documents[url] = Result {
                guard let file = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Contexts") else {
                    throw JSONLDError(.loadingRemoteContextFailed, "bundled context file \(name).json is missing")
                }
                return try JSONValue(data: Data(contentsOf: file))
            }
        }
        return documents
    }()

    public init() {}

    /// The bundled files never change while the process runs.
    public var cacheIdentity: String? { "bundled" }

    public func loadContext(_ url: String) throws -> JSONValue {
        guard let document = Self.documents[url] else {
            throw JSONLDError(.loadingRemoteContextFailed,
                              "context \(url) is not one of the bundled contexts (contexts are never fetched; known: \(Self.urls.joined(separator: ", ")))")
        }
        return try document.get()
    }
}

/// Contexts given in memory, tried before another loader: for application-specific contexts
/// (an extension's context pinned by the application) and for tests.
public struct InMemoryContextLoader: JSONLDContextLoader {
    public var documents: [String: JSONValue]
    public var fallback: (any JSONLDContextLoader)?

    public init(documents: [String: JSONValue], fallback: (any JSONLDContextLoader)? = BundledContexts()) {
        self.documents = documents
        self.fallback = fallback
    }

    public func loadContext(_ url: String) throws -> JSONValue {
        if let document = documents[url] { return document }
        guard let fallback else {
            throw JSONLDError(.loadingRemoteContextFailed, "context \(url) is not available")
        }
        return try fallback.loadContext(url)
    }
}
