import Foundation

/// Verifies any Open Badge a user brings: a URL, or the bytes of a JSON document, a compact
/// JWS/JWT or a baked PNG or SVG, in Open Badges 2.0 (hosted or signed) or 3.0 (Data Integrity
/// or VC-JWT).
///
/// Every outcome is a `BadgeVerdict`: malformed, hostile or unreachable input gives a failed
/// check with a plain message, never an error or a crash. Inputs and fetched documents are
/// bounded in size, fetches in number, and nesting (an image holding a URL to an image…) in depth.
/// JSON-LD contexts are never fetched: only the ones bundled with this library are known.
///
/// Revocation and suspension (OB 3.0 `credentialStatus`, OB 2.0 revocation lists and hosted
/// assertions) need the network. Without a fetcher the `revocation` check passes with the message
/// "status not checked: no network access allowed", so that an offline verification of a signed
/// badge can still succeed; an unsupported status method passes the same way, saying so. A status
/// list that should be reachable but is not fails the check.
public struct BadgeVerifier: Sendable {
    /// Limits and context of a verification.
    public struct Options: Sendable {
        /// The time against which validity periods are judged.
        public var now: Date
        /// The largest input, and the largest fetched document, in bytes.
        public var maxBytes: Int
        /// The most documents one verification may fetch (badge, issuer, keys, status lists).
        public var maxFetches: Int
        /// An e-mail address the badge should have been awarded to; nil skips the recipient check.
        public var expectedRecipient: String?

        public init(now: Date = Date(), maxBytes: Int = 5_000_000, maxFetches: Int = 20, expectedRecipient: String? = nil) {
            self.now = now
            self.maxBytes = maxBytes
            self.maxFetches = maxFetches
            self.expectedRecipient = expectedRecipient
        }
    }

    /// How deep documents may nest: an image carrying a URL whose answer is an image, and so on.
    static let maxDepth = 3

    public let fetcher: (any BadgeFetcher)?
    public let options: Options

    /// `fetcher` nil verifies offline: only what the input itself and `did:key` identifiers prove.
    public init(fetcher: (any BadgeFetcher)?, options: Options = Options()) {
        self.fetcher = fetcher
        self.options = options
    }

    /// Verifies whatever a user brings: a URL (hosted OB 2.0 assertion, OB 3.0 credential URL), or
    /// bytes (JSON of an OB 2.0 assertion or of an OB 3.0 credential with a Data Integrity proof; a
    /// compact JWS/JWT — OB 2.0 signed assertion or OB 3.0 VC-JWT; a baked PNG or SVG carrying any
    /// of these).
    public func verify(_ input: BadgeInput) async -> BadgeVerdict {
        let session = FetchSession(fetcher: fetcher, maxBytes: options.maxBytes, maxFetches: options.maxFetches)
        let run = VerificationRun(options: options, session: session)
        switch input {
        case .bytes(let data):
            guard data.count <= options.maxBytes else {
                run.fail("input", "the input is \(data.count) bytes, more than the limit of \(options.maxBytes) bytes")
                return run.verdict
            }
            await run.verifyBytes(data, fetchedFrom: nil, depth: 0)
        case .url(let url):
            await run.verifyURL(url.trimmingCharacters(in: .whitespacesAndNewlines), depth: 0)
        }
        if !run.verdict.valid && !run.hasFailed {
            // Nothing failed, yet nothing proved the badge authentic: say so rather than show only successes.
            run.fail("signature", "nothing in the input proves who issued it")
        }
        return run.verdict
    }
}

/// What a user brings to be verified.
public enum BadgeInput: Sendable {
    /// A URL: a hosted OB 2.0 assertion, an OB 3.0 credential (JSON or VC-JWT), or a baked image.
    case url(String)
    /// A file's bytes: OB 2.0 or OB 3.0 JSON, a compact JWS/JWT, or a baked PNG or SVG.
    case bytes(Data)
}

/// Fetches documents over the network for `BadgeVerifier` (the application supplies an HTTP one).
///
/// The verifier bounds the number of fetches and refuses bodies over its size limit, but it
/// cannot interrupt a transfer: implementations should apply their own timeouts, stop reading a
/// body past a few megabytes and refuse addresses they must not reach (private networks, for a
/// public service).
public protocol BadgeFetcher: Sendable {
    /// GETs `url` with this `Accept` header. Throws only when there is no HTTP answer at all;
    /// an HTTP error status is returned as a resource.
    func fetch(_ url: String, accept: String) async throws -> FetchedResource
}

/// An HTTP answer.
public struct FetchedResource: Sendable, Equatable {
    public var status: Int
    public var contentType: String?
    public var body: Data

    public init(status: Int, contentType: String? = nil, body: Data) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }
}
