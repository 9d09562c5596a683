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
    /// its submissions in the window (the refused one is not counted).
    func admit(_ form: Form, client: String?, account: String? = nil) async throws {
        var keys: [(String, Int)] = []
        if let client { keys.append(("\(form.rawValue):client:\(client)", form.perClient)) }
        if let account = account?.trimmingCharacters(in: .whitespaces).lowercased(), !account.isEmpty {
            keys.append(("\(form.rawValue):account:\(account)", form.perAccount))
        }
        guard !keys.isEmpty else { return }
        let now = clock.now
        let since = now.addingTimeInterval(-Self.window)
        for (key, limit) in keys {
            let recent = try await FormHit.query(on: db).filter(\.$key == key).filter(\.$at > since).sort(\.$at, .descending).limit(limit).all()
            guard recent.count >= limit, let oldest = recent.last else { continue }
            throw BlasonError.tooManyAttempts(retryAfter: max(1, Int(oldest.at.addingTimeInterval(Self.window).timeIntervalSince(now).rounded())))
        }
        let counted = keys
        try await db.transactionRetrying { db in
            for (key, _) in counted {
                try await FormHit(key: key, at: now).create(on: db)
                // Housekeeping as it goes: older submissions count for nothing.
                try await FormHit.query(on: db).filter(\.$key == key).filter(\.$at < since).delete()
            }
        }
    }
}

extension Request {
    /// Admits a submission of a public form under its limits (see `PublicFormLimits`).
    func admitPublicForm(_ form: PublicFormLimits.Form, account: String? = nil) async throws {
        try await PublicFormLimits(db: db, clock: application.blason.clock).admit(form, client: clientAddress, account: account)
    }
}
