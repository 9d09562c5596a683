import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import Vapor

/// Limits on the forms anyone can send (no account needed): each counts its submissions per client
/// address and, where the form names one, per e-mail address, over a sliding window; beyond the
/// limit the form is refused (429) until the oldest submission leaves the window. What they
/// protect: mailboxes (each of these forms can send an e-mail), reviewers' queues, the server's
/// time (verifying a credential is costly).
struct PublicFormLimits {
    let db: any Database
    let clock: Clock

    static let window: TimeInterval = 15 * 60

    enum Form: String, CaseIterable, Sendable {
        case signUp = "sign-up"
        case passportLink = "passport-link"
        case passwordReset = "password-reset"
        case apply
        case applicantReply = "applicant-reply"
        case externalEndorsement = "external-endorsement"
        case verify

        /// Submissions per window from one client address.
        var perClient: Int {
            switch self {
            case .signUp, .passportLink, .passwordReset, .apply, .externalEndorsement: 10
            case .applicantReply: 20
            case .verify: 60
            }
        }

        /// Submissions per window naming one e-mail address.
        var perAccount: Int { 3 }
    }

    /// Counts this submission, or throws `tooManyAttempts` when the client or the address has used
    /// its submissions in the window (the refused one is not counted). Returns the hit counted
    /// against the address, for `refund`.
    @discardableResult
    func admit(_ form: Form, client: String?, account: String? = nil) async throws -> UUID? {
        var keys: [(String, Int)] = []
        if let client { keys.append(("\(form.rawValue):client:\(client)", form.perClient)) }
        if let account = account?.trimmingCharacters(in: .whitespaces).lowercased(), !account.isEmpty {
            keys.append(("\(form.rawValue):account:\(account)", form.perAccount))
        }
        guard !keys.isEmpty else { return nil }
        let now = clock.now
        let since = now.addingTimeInterval(-Self.window)
        for (key, limit) in keys {
            let latest = try await FormHit.query(on: db).filter(\.$key == key).filter(\.$at > since).sort(\.$at, .descending).limit(limit).all().map(\.at)
            if let wait = RateLimit(limit: limit, window: Self.window).retryAfter(latest: latest, now: now) {
                throw BlasonError.tooManyAttempts(retryAfter: wait)
            }
        }
        let counted = keys
        return try await db.transactionRetrying { db in
            var accountHit: UUID?
            for (key, _) in counted {
                let hit = FormHit(key: key, at: now)
                try await hit.create(on: db)
                if key.contains(":account:") { accountHit = hit.id }
                // Housekeeping as it goes: older submissions count for nothing.
                try await FormHit.query(on: db).filter(\.$key == key).filter(\.$at < since).delete()
            }
            return accountHit
        }
    }

    /// Takes back the address's count of a submission that was refused for its content (the form
    /// came back with errors, no e-mail went out): a person correcting a form is not flooding anyone.
    func refund(_ hit: UUID?) async throws {
        guard let hit else { return }
        try await FormHit.query(on: db).filter(\.$id == hit).delete()
    }
}

extension Request {
    /// Admits a submission of a public form under its limits (see `PublicFormLimits`).
    func admitPublicForm(_ form: PublicFormLimits.Form) async throws {
        try await PublicFormLimits(db: db, clock: application.blason.clock).admit(form, client: clientAddress)
    }

    /// Runs a public form that names an e-mail address under its limits; a submission that comes
    /// back with errors (422) is not counted against the address.
    func limitingPublicForm(_ form: PublicFormLimits.Form, account: String, _ body: () async throws -> Response) async throws -> Response {
        let limits = PublicFormLimits(db: db, clock: application.blason.clock)
        let hit = try await limits.admit(form, client: clientAddress, account: account)
        let response: Response
        do {
            response = try await body()
        } catch BlasonError.invalid(let issues) {
            try await limits.refund(hit)
            throw BlasonError.invalid(issues)
        }
        if response.status == .unprocessableEntity { try await limits.refund(hit) }
        return response
    }
}
