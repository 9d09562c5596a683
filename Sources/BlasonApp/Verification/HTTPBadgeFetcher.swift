import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import OpenBadges

/// What the verifier may fetch over HTTP: by default only loopback and the platform's own public
/// URL, so a verification request cannot be used to probe the network Blason runs in. The operator
/// widens it (`BLASON_VERIFY_HOSTS`, or `blason verify --allow-network`).
public struct FetchPolicy: Sendable, Equatable {
    public enum Scope: Sendable, Equatable {
        case none
        case hosts(Set<String>)
        case any
    }

    public var scope: Scope

    public init(_ scope: Scope) {
        self.scope = scope
    }

    /// Loopback, plus the host of `publicURL` and the extra hosts given.
    public static func standard(publicURL: String?, extraHosts: [String] = []) -> FetchPolicy {
        var hosts: Set<String> = ["127.0.0.1", "localhost", "::1", "[::1]"]
        if let publicURL, let host = URLComponents(string: publicURL)?.host?.lowercased() { hosts.insert(host) }
        hosts.formUnion(extraHosts.map { $0.lowercased() })
        return FetchPolicy(.hosts(hosts))
    }

    public func allows(_ url: String) -> Bool {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = components.host?.lowercased(), !host.isEmpty else { return false }
        switch scope {
        case .none: return false
        case .any: return true
        case .hosts(let hosts): return hosts.contains(host)
        }
    }
}

/// Fetches what a badge refers to (hosted assertions, profiles, keys, status lists) with a size
/// limit, a timeout and no redirects, within the policy.
public struct HTTPBadgeFetcher: BadgeFetcher {
    public struct Refused: Error, CustomStringConvertible {
        public let url: String
        public var description: String { "fetching \(url) is not allowed on this server (only loopback and the platform's own address)" }
    }

    let client: HTTPClient
    let policy: FetchPolicy
    let maxBytes: Int

    /// Redirects are not followed: one could lead outside the policy.
    public static let sharedClient = HTTPClient(eventLoopGroupProvider: .singleton,
                                         configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))

    public init(policy: FetchPolicy, maxBytes: Int = 5_000_000, client: HTTPClient = HTTPBadgeFetcher.sharedClient) {
        self.client = client
        self.policy = policy
        self.maxBytes = maxBytes
    }

    public func fetch(_ url: String, accept: String) async throws -> FetchedResource {
        guard policy.allows(url) else { throw Refused(url: url) }
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Accept", value: accept)
        request.headers.add(name: "User-Agent", value: "Blason badge verifier")
        let response = try await client.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: maxBytes)
        return FetchedResource(status: Int(response.status.code), contentType: response.headers.first(name: "Content-Type"),
                               body: Data(buffer: body))
    }
}
