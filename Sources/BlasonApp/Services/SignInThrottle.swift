import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import Vapor

/// Limits password guessing: after too many failures in a window, on one account or from one
/// client address, sign-in is refused (429) until the oldest failure leaves the window, even with
/// the right password. A success clears the account's count, not the address's.
struct SignInThrottle {
    let db: any Database
    let clock: Clock

    static let window: TimeInterval = 15 * 60
    static let perAccount = 5
    static let perClient = 30

    struct Subject {
        var account: String
        var client: String?

        var limits: [(key: String, limit: Int)] {
            [("account:" + account.lowercased(), SignInThrottle.perAccount)] + (client.map { [("client:" + $0, SignInThrottle.perClient)] } ?? [])
        }
    }

    /// Throws `tooManyAttempts` when either key has used its failures in the window.
    func check(_ subject: Subject) async throws {
        let since = clock.now.addingTimeInterval(-Self.window)
        for (key, limit) in subject.limits {
            let latest = try await SignInFailure.query(on: db).filter(\.$key == key).filter(\.$failedAt > since)
                .sort(\.$failedAt, .descending).limit(limit).all().map(\.failedAt)
            if let wait = RateLimit(limit: limit, window: Self.window).retryAfter(latest: latest, now: clock.now) {
                throw BlasonError.tooManyAttempts(retryAfter: wait)
            }
        }
    }

    func recordFailure(_ subject: Subject) async throws {
        let now = clock.now
        try await db.transactionRetrying { db in
            for (key, _) in subject.limits {
                try await SignInFailure(key: key, failedAt: now).create(on: db)
                // Housekeeping as it goes: failures older than the window count for nothing.
                try await SignInFailure.query(on: db).filter(\.$key == key).filter(\.$failedAt < now.addingTimeInterval(-Self.window)).delete()
            }
        }
    }

    func recordSuccess(_ subject: Subject) async throws {
        try await SignInFailure.query(on: db).filter(\.$key == "account:" + subject.account.lowercased()).delete()
    }
}

extension Request {
    /// The client's address: the peer, or the address a reverse proxy on this machine or the
    /// private network says it forwarded for (the last entry, the one the proxy added itself).
    var clientAddress: String? {
        guard let peer = remoteAddress?.ipAddress else { return nil }
        let isProxy = peer == "127.0.0.1" || peer == "::1" || peer.hasPrefix("10.") || peer.hasPrefix("192.168.")
            || (peer.hasPrefix("172.") && (16...31).contains(Int(peer.split(separator: ".").dropFirst().first ?? "") ?? 0))
        if isProxy, let forwarded = headers.first(name: "X-Forwarded-For")?.split(separator: ",").last {
            return forwarded.trimmingCharacters(in: .whitespaces)
        }
        return peer
    }

    var signInThrottle: SignInThrottle { SignInThrottle(db: db, clock: application.blason.clock) }
}

extension Request {
    /// Checks an e-mail and password under the limits: refused at once while over them, each
    /// failure counted, a success clearing the account's count. Web sign-in and API tokens alike.
    func authenticateWithinLimits(email: String, password: String) async throws -> User {
        let subject = SignInThrottle.Subject(account: email.trimmingCharacters(in: .whitespaces), client: clientAddress)
        try await signInThrottle.check(subject)
        do {
            let user = try await accounts.authenticate(email: email, password: password)
            try await signInThrottle.recordSuccess(subject)
            return user
        } catch let error as BlasonError {
            if case .invalid = error { try await signInThrottle.recordFailure(subject) }
            throw error
        }
    }
}
