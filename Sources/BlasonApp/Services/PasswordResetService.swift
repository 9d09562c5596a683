import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import Vapor

/// "Mot de passe oublié": a single-use link by e-mail, valid one hour, to choose a new password.
/// Changing it closes every session of the account, wherever it is open.
struct PasswordResetService {
    let db: any Database
    let clock: Clock
    let configuration: BlasonConfiguration
    let hasher: PasswordHasher

    static let lifetime: TimeInterval = 3600
    /// Reset e-mails one account receives per hour at most: the form is public, and must not
    /// become a way to flood someone's mailbox. Beyond it the form answers as usual and sends nothing.
    static let mailsPerHour = 3

    /// Sends the link when an account has this address (its sign-in address or a verified one);
    /// says nothing either way, so the form does not reveal who has an account.
    func request(email raw: String) async throws {
        guard let email = EmailAddress(raw) else { throw BlasonError.invalid("email", .invalidEmail(raw)) }
        var owner = try await User.query(on: db).filter(\.$email == email.value).first()
        if owner == nil {
            owner = try await UserEmail.query(on: db).filter(\.$email == email.value).filter(\.$verifiedAt != nil).with(\.$user).first()?.user
        }
        guard let user = owner else { return }
        // Links live one hour, so those not yet expired are those sent within the hour.
        let recent = try await OneTimeToken.query(on: db).filter(\.$purposeName == OneTimeToken.Purpose.passwordReset.rawValue)
            .filter(\.$user.$id == user.requireID()).filter(\.$expiresAt > clock.now).count()
        guard recent < Self.mailsPerHour else { return }
        try await db.transactionRetrying { db in
            let (secret, _) = try await OneTimeLinks(db: db, clock: clock)
                .issue(.passwordReset, userID: user.requireID(), email: email.value, lifetime: Self.lifetime)
            let composed = MailComposer().compose(.passwordReset, language: user.language, values: ["recipient": user.name],
                                                  link: SiteRoute.passwordReset(secret).absolute(configuration.publicURL),
                                                  linkExpires: clock.now.addingTimeInterval(Self.lifetime))
            try await Outbox(db: db, configuration: configuration, clock: clock)
                .enqueue([Outbox.Draft(event: .passwordReset, to: email.value, toName: user.name, language: user.language, composed: composed)])
        }
    }

    /// Whether the link can still be used (the form is shown only then).
    func check(_ secret: String) async throws {
        _ = try await OneTimeLinks(db: db, clock: clock).check(secret, purpose: .passwordReset)
    }

    /// Sets the new password, uses the link up and closes every session of the account.
    func reset(_ secret: String, password: String) async throws {
        // A wrong or spent link is said first: the form is for the link's holder only.
        _ = try await OneTimeLinks(db: db, clock: clock).check(secret, purpose: .passwordReset)
        guard password.count >= AccountRules.minimumPasswordLength else {
            throw BlasonError.invalid("password", .tooShort(min: AccountRules.minimumPasswordLength))
        }
        guard password.count <= AccountRules.maximumPasswordLength else {
            throw BlasonError.invalid("password", .tooLong(max: AccountRules.maximumPasswordLength))
        }
        let hash = try await hasher.hash(password)
        try await db.transactionRetrying { db in
            let links = OneTimeLinks(db: db, clock: clock)
            let token = try await links.check(secret, purpose: .passwordReset)
            guard let userID = token.$user.id, let user = try await User.find(userID, on: db) else { throw BlasonError.link(.invalid) }
            try await links.consume(token)
            user.passwordHash = hash
            try await user.save(on: db)
            try await Self.closeSessions(of: userID, on: db)
        }
    }

    /// Deletes every stored session signed in as `userID` (sessions are rows of Fluent's table).
    static func closeSessions(of userID: UUID, on db: any Database) async throws {
        let sessions = try await SessionRecord.query(on: db).all().filter { $0.data["user"] == userID.uuidString }
        for session in sessions { try await session.delete(on: db) }
    }
}

extension Request {
    var passwordResets: PasswordResetService {
        PasswordResetService(db: db, clock: application.blason.clock, configuration: application.blason.configuration,
                             hasher: application.passwordHasher)
    }
}
