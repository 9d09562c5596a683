@testable import BlasonApp
import BlasonCore
import Foundation
import NIOHTTP1
import Testing
import Vapor
import VaporTesting

/// Calls every registered route as every kind of user and checks the answer against
/// `AuthorisationMatrix`: allowed identities get through, the others get 401/403/404 (or the
/// sign-in page), nobody gets a 500, and nobody outside the owning organisation reads its
/// members' or recipients' addresses.
@Suite("Authorisation matrix")
struct AuthorisationMatrixTests {
    @Test func everyRouteAnswersEveryIdentityAsTheTableSays() async throws {
        try await TestApp.run { app in
            let (unruled, stale) = AuthorisationMatrix.mismatches(app.routes)
            #expect(unruled.isEmpty, "routes missing from the authorisation matrix: \(unruled)")
            #expect(stale.isEmpty, "rules naming no route: \(stale)")

            let world = try await MatrixWorld.build(app)
            var run = MatrixRun(app: app, world: world)
            let keys = app.routes.all.map(AuthorisationMatrix.key(of:))
            for key in Self.ordered(keys) {
                let access = try #require(AuthorisationMatrix.rules[key], "no rule for \(key)")
                guard let path = world.path(for: key) else {
                    Issue.record("no fixture names an object for \(key)")
                    continue
                }
                try await run.check(key, path: path, access: access)
            }
            print("Authorisation matrix: \(keys.count) routes × \(MatrixIdentity.allCases.count) identities = \(run.calls) calls "
                  + "(plus \(run.wrongLinkCalls) with a wrong link), \(run.failures.count) mismatches")
            for failure in run.failures { Issue.record(Comment(rawValue: failure)) }
        }
    }

    /// Reads first, then changes, then the changes that remove things, then the ones that end a session or an account.
    static func ordered(_ keys: [String]) -> [String] {
        let last = ["POST /sign-out", "POST /sign-out/everywhere", "POST /passport/delete"]
        func rank(_ key: String) -> Int {
            if let index = last.firstIndex(of: key) { return 10 + index }
            if key.hasPrefix("GET ") { return 0 }
            let removing = ["DELETE ", "/delete", "/end", "/remove", "/archive", "/withdraw", "/revoke", "/decline", "/reject", "/close"]
            return removing.contains { key.contains($0) } ? 2 : 1
        }
        return keys.sorted { (rank($0), $0) < (rank($1), $1) }
    }
}

/// The state of one walk over the routes.
struct MatrixRun {
    let app: Application
    let world: MatrixWorld
    var calls = 0
    var wrongLinkCalls = 0
    var failures: [String] = []
    /// Objects that an allowed call has already changed: a later "not found" on them is their new state.
    var changed: Set<String> = []

    mutating func check(_ key: String, path: String, access: RouteAccess) async throws {
        let method = HTTPMethod(rawValue: String(key.split(separator: " ")[0]))
        let pattern = String(key.split(separator: " ")[1])
        let objectScoped = pattern.split(separator: "/").contains { $0.hasPrefix(":") && $0 != ":key" && $0 != ":page" }
        let sessionEnding = ["POST /sign-out", "POST /sign-out/everywhere", "POST /passport/delete"].contains(key)
        // A link is the same key in anybody's hands, and following it may sign its holder in (a new
        // session): each identity follows it from a fresh browser so its own session stays as it was.
        let freshBrowser = access == .link || key == "POST /sign-in" || key == "POST /sign-up"
        for identity in MatrixIdentity.allCases {
            let allowed = Self.allowed(access, identity, objectScoped: objectScoped, owner: world.owners[key])
            if sessionEnding, identity != .anonymous { try await signInAgain(identity) }
            let response = try await send(method, path, as: freshBrowser ? .anonymous : identity)
            calls += 1
            let status = response.status.code
            let location = response.headers.first(name: .location) ?? ""
            let toSignIn = status == 303 && (location.hasPrefix(SiteRoute.signIn.path) || location.hasPrefix(SiteRoute.passportSignIn.path))
            var denied = [401, 403, 404].contains(status) || toSignIn
            let label = "\(key) as \(identity.rawValue)"
            if status >= 500 { failures.append("\(label): \(status)") }
            if key == "POST /sign-in", status == 401 || status == 429 {
                denied = false // an empty form: wrong credentials, the answer everybody gets
            } else if sessionEnding, toSignIn, identity != .anonymous {
                // Signing out ends on the sign-in page: allowed if the session is really gone.
                let after = try await send(.GET, SiteRoute.dashboard.path, as: identity)
                denied = ![401, 303].contains(after.status.code)
            }
            if allowed && denied && !(status == 404 && touchesChanged(path)) {
                failures.append("\(label): expected allowed (\(access)), got \(status) \(location)")
            } else if !allowed && !denied {
                failures.append("\(label): expected refused (\(access)), got \(status) \(location)")
            }
            if allowed, method != .GET, (200..<400).contains(status) { markChanged(path) }
            if identity.alphaRole == nil {
                let body = response.body.string
                for marker in world.markers where body.contains(marker) {
                    failures.append("\(label): the body shows \(marker)")
                }
            }
        }
        if access == .link { try await checkWrongLink(method, path, key: key) }
    }

    /// A link route with another token answers "not found" to everybody.
    mutating func checkWrongLink(_ method: HTTPMethod, _ path: String, key: String) async throws {
        let wrong: String
        if let range = path.range(of: "token=") {
            wrong = path[..<range.upperBound] + "wrong" + SecureToken.make()
        } else {
            var parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            parts[Self.tokenIndex(key)] = SecureToken.make()
            wrong = parts.joined(separator: "/")
        }
        for identity in [MatrixIdentity.anonymous, .alphaAdmin] {
            let response = try await send(method, wrong, as: identity)
            wrongLinkCalls += 1
            if ![404, 410].contains(response.status.code) {
                failures.append("\(key) with a wrong link as \(identity.rawValue): expected 404, got \(response.status.code)")
            }
        }
    }

    static func tokenIndex(_ key: String) -> Int {
        let pattern = key.split(separator: " ")[1].split(separator: "/", omittingEmptySubsequences: false)
        return pattern.firstIndex(of: ":token") ?? pattern.count - 1
    }

    static func allowed(_ access: RouteAccess, _ identity: MatrixIdentity, objectScoped: Bool, owner: MatrixIdentity?) -> Bool {
        switch access {
        case .anyone, .link: return true
        case .signedIn: return identity != .anonymous
        case .account: return identity == owner
        case .anyMember:
            return identity.alphaRole != nil || (!objectScoped && identity.otherRole != nil)
        case .member(let role):
            if let own = identity.alphaRole { return own.grants(role) }
            return !objectScoped && (identity.otherRole?.grants(role) ?? false)
        case .applicationReviewer:
            if let own = identity.alphaRole { return own.grants(.reviewer) }
            return !objectScoped && (identity.otherRole?.grants(.reviewer) ?? false)
        case .juryMember:
            return false // the fixture's form has a single reviewer, no jury
        case .programmeOperator:
            return identity == .operatorReviewer
        case .structureOrOperator:
            if identity == .operatorReviewer || identity == .alphaAdmin { return true }
            return !objectScoped && identity == .betaAdmin
        }
    }

    private func touchesChanged(_ path: String) -> Bool {
        path.split(separator: "/").contains { changed.contains(String($0)) }
    }

    private mutating func markChanged(_ path: String) {
        for part in path.split(separator: "/") where UUID(uuidString: String(part)) != nil || part.count > 30 { changed.insert(String(part)) }
    }

    private func send(_ method: HTTPMethod, _ path: String, as identity: MatrixIdentity) async throws -> TestingHTTPResponse {
        if path.hasPrefix("/api/") {
            var headers = HTTPHeaders()
            if let token = world.tokens[identity] { headers.bearerAuthorization = BearerAuthorization(token: token) }
            var body: ByteBuffer?
            if method == .POST || method == .PUT {
                headers.contentType = .json
                body = ByteBuffer(string: "{}")
            }
            return try await app.testing().sendRequest(method, path, headers: headers, body: body)
        }
        let client: WebClient
        if identity == .anonymous {
            // Nobody's browser: no session, except the one a form page gives for its token.
            client = WebClient(app)
            if method != .GET { try await client.get(SiteRoute.signIn.path) }
        } else {
            client = try #require(world.clients[identity])
        }
        return method == .GET ? try await client.get(path) : try await client.post(path, [])
    }

    /// Routes that end a session are each called from a fresh sign-in.
    private mutating func signInAgain(_ identity: MatrixIdentity) async throws {
        guard let email = world.emails[identity], let client = world.clients[identity] else { return }
        try await client.get("/sign-in")
        _ = try await client.post("/sign-in", [("email", email), ("password", MatrixWorld.password)])
        try await client.get("/passport/settings")
    }
}
