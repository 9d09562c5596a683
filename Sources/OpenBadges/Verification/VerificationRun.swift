import Foundation

/// A check that could not pass: thrown by the steps of a verification and recorded as a failed
/// check, so that every problem ends as a verdict rather than an error.
struct VerificationFailure: Error {
    var id: String
    var message: String

    init(_ id: String, _ message: String) {
        self.id = id
        self.message = message
    }
}

/// The fetches of one verification, shared by the verification of a credential and of its status
/// list, so that the limits hold for the whole run.
final class FetchSession {
    let fetcher: (any BadgeFetcher)?
    let maxBytes: Int
    let maxFetches: Int
    private(set) var count = 0
    /// Documents already fetched (an issuer profile holds both the issuer and its keys).
    private var cache: [String: FetchedResource] = [:]

    init(fetcher: (any BadgeFetcher)?, maxBytes: Int, maxFetches: Int) {
        self.fetcher = fetcher
        self.maxBytes = maxBytes
        self.maxFetches = maxFetches
    }

    var isOffline: Bool { fetcher == nil }

    /// Fetches an http(s) URL; `what` names the document in messages ("the issuer profile").
    func fetch(_ url: String, accept: String, what: String, check: String) async throws -> FetchedResource {
        if let cached = cache[url] { return cached }
        guard let fetcher else {
            throw VerificationFailure(check, "\(what) at \(url) could not be fetched: no network access allowed")
        }
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), ["http", "https"].contains(scheme),
              parsed.host != nil else {
            throw VerificationFailure(check, "\(what) has no usable http(s) address (\(Self.shortened(url)))")
        }
        guard count < maxFetches else {
            throw VerificationFailure(check, "\(what) was not fetched: the limit of \(maxFetches) fetches per verification was reached")
        }
        count += 1
        let resource: FetchedResource
        do {
            resource = try await fetcher.fetch(url, accept: accept)
        } catch {
            throw VerificationFailure(check, "\(what) at \(url) could not be fetched (\(error))")
        }
        guard resource.body.count <= maxBytes else {
            throw VerificationFailure(check, "\(what) at \(url) is larger than the limit of \(maxBytes) bytes")
        }
        cache[url] = resource
        return resource
    }

    /// Fetches a JSON object answered with status 200.
    func fetchJSON(_ url: String, what: String, check: String) async throws -> JSONValue {
        let resource = try await fetch(url, accept: "application/ld+json, application/json;q=0.9", what: what, check: check)
        guard resource.status == 200 else {
            throw VerificationFailure(check, "\(what) at \(url) answered HTTP \(resource.status)")
        }
        guard let json = try? JSONValue(data: resource.body), case .object = json else {
            throw VerificationFailure(check, "\(what) at \(url) is not a JSON object")
        }
        return json
    }

    /// Keeps hostile input from flooding messages.
    static func shortened(_ text: String, limit: Int = 120) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "…"
    }
}

/// The state of one verification: the checks made so far and what was learnt about the badge.
final class VerificationRun {
    let options: BadgeVerifier.Options
    let session: FetchSession
    var checks: [BadgeVerdict.Check] = []
    var format: BadgeVerdict.Format = .unknown
    var revoked = false
    var badgeName: String?
    var issuerName: String?
    var issuerID: String?
    var recipient: String?
    var issuedOn: Date?
    var expires: Date?

    init(options: BadgeVerifier.Options, session: FetchSession) {
        self.options = options
        self.session = session
    }

    var now: Date { options.now }

    func pass(_ id: String, _ message: String) {
        checks.append(BadgeVerdict.Check(id: id, passed: true, message: message))
    }

    func fail(_ id: String, _ message: String) {
        checks.append(BadgeVerdict.Check(id: id, passed: false, message: message))
    }

    func record(_ failure: VerificationFailure) {
        fail(failure.id, failure.message)
    }

    /// Runs a step; a `VerificationFailure` becomes a failed check, any other error a failed check
    /// under `id`. Returns whether the step completed.
    @discardableResult
    func step(_ id: String, _ body: () async throws -> Void) async -> Bool {
        do {
            try await body()
            return true
        } catch let failure as VerificationFailure {
            record(failure)
        } catch {
            fail(id, "\(error)")
        }
        return false
    }

    var hasFailed: Bool { checks.contains { !$0.passed } }

    var verdict: BadgeVerdict {
        let authentic = checks.contains { ($0.id == "signature" || $0.id == "hosted") && $0.passed }
        return BadgeVerdict(valid: authentic && !revoked && !hasFailed, format: format, checks: checks,
                            badgeName: badgeName, issuerName: issuerName, issuerID: issuerID, recipient: recipient,
                            issuedOn: issuedOn, expires: expires, revoked: revoked)
    }
}
