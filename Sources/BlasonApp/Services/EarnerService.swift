import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import SQLKit

/// The earner's side of an award: answering the e-mail link, and their space ("Mon passeport").
struct EarnerService {
    let db: any Database
    let clock: Clock
    let configuration: BlasonConfiguration

    /// The award behind a claim link, provided the link is valid and really is this award's, and,
    /// when someone is signed in on the browser, that the award's address is one of theirs: answering
    /// would otherwise act for another person and swap the session to theirs.
    func claimable(awardID: UUID, secret: String, signedIn: UUID? = nil) async throws -> (award: Award, token: OneTimeToken) {
        let token = try await OneTimeLinks(db: db, clock: clock).check(secret, purpose: .awardClaim)
        guard token.$award.id == awardID else { throw BlasonError.link(.mismatch) }
        guard let award = try await Award.query(on: db).filter(\.$id == awardID).with(\.$badgeClass).first(),
              token.email == award.recipientEmail else { throw BlasonError.link(.mismatch) }
        if let signedIn, try await !owns(signedIn, address: award.recipientEmail) { throw BlasonError.link(.otherAccount) }
        return (award, token)
    }

    /// Whether the address is the account's own (its sign-up address or one it added).
    func owns(_ userID: UUID, address: String) async throws -> Bool {
        if try await UserEmail.query(on: db).filter(\.$user.$id == userID).filter(\.$email == address).first() != nil { return true }
        return try await User.find(userID, on: db)?.email == address
    }

    /// Whether following an e-mailed link may open this account's session. Only for the earner's
    /// own password-less space: a forwarded badge e-mail must not hand over an account that has a
    /// password or acts for an organisation.
    func opensByLink(_ userID: UUID) async throws -> Bool {
        guard let user = try await User.find(userID, on: db), user.passwordHash == nil else { return false }
        return try await Membership.query(on: db).filter(\.$user.$id == userID).first() == nil
    }

    /// Applies the earner's answer from the e-mail link and returns the account to sign in: the link
    /// proves the inbox is theirs, so it also verifies the address. All in one transaction.
    func answerClaim(awardID: UUID, secret: String, action: EarnerAction, signedIn: UUID? = nil) async throws -> UUID {
        try await db.transactionRetrying { db in
            let service = EarnerService(db: db, clock: clock, configuration: configuration)
            let (award, token) = try await service.claimable(awardID: awardID, secret: secret, signedIn: signedIn)
            guard !award.isRevoked, AwardLifecycle.allows(action, kind: award.kind, state: award.earnerState) else {
                throw BlasonError.conflict(.notAllowedNow)
            }
            try await OneTimeLinks(db: db, clock: clock).consume(token)
            try await service.setState(award, AwardLifecycle.state(after: action))
            return try await service.account(for: EmailAddress(award.recipientEmail)!, name: award.recipientName, language: award.language).requireID()
        }
    }

    /// The user owning `email` (verified), creating a password-less one when nobody does.
    func account(for email: EmailAddress, name: String?, language: Language) async throws -> User {
        if let owned = try await UserEmail.query(on: db).filter(\.$email == email.value).with(\.$user).first() {
            if owned.verifiedAt == nil {
                owned.verifiedAt = clock.now
                try await owned.save(on: db)
            }
            return owned.user
        }
        let user: User
        if let existing = try await User.query(on: db).filter(\.$email == email.value).first() {
            user = existing
        } else {
            user = User(email: email, name: name ?? String(email.value.split(separator: "@")[0]), passwordHash: nil, language: language)
            try await user.create(on: db)
        }
        try await UserEmail(userID: user.requireID(), email: email, verifiedAt: clock.now).create(on: db)
        return user
    }

    func verifiedEmails(of userID: UUID) async throws -> [String] {
        try await UserEmail.query(on: db).filter(\.$user.$id == userID).filter(\.$verifiedAt != nil).all().map(\.email)
    }

    /// Every award sent to one of the user's verified addresses, newest first (withdrawn ones excepted).
    func awards(of userID: UUID) async throws -> [Award] {
        let emails = try await verifiedEmails(of: userID)
        guard !emails.isEmpty else { return [] }
        return try await Award.query(on: db).filter(\.$recipientEmail ~~ emails)
            .filter(\.$earnerStateName != EarnerState.withdrawn.rawValue)
            .with(\.$badgeClass) { $0.with(\.$organisation) }
            .sort(\.$issuedOn, .descending).all()
    }

    /// One of the user's awards, or not found.
    func award(_ awardID: UUID, of userID: UUID) async throws -> Award {
        let emails = try await verifiedEmails(of: userID)
        guard let award = try await Award.query(on: db).filter(\.$id == awardID).with(\.$badgeClass).first(),
              emails.contains(award.recipientEmail), award.earnerState != .withdrawn else { throw BlasonError.notFound }
        return award
    }

    /// An answer given from the earner's space.
    func act(_ action: EarnerAction, awardID: UUID, userID: UUID) async throws {
        let award = try await award(awardID, of: userID)
        guard !award.isRevoked, AwardLifecycle.allows(action, kind: award.kind, state: award.earnerState) else {
            throw BlasonError.conflict(.notAllowedNow)
        }
        try await db.transactionRetrying { db in
            try await EarnerService(db: db, clock: clock, configuration: configuration).setState(award, AwardLifecycle.state(after: action))
        }
    }

    /// Shows or hides an accepted award on the earner's public page; returns whether it is shown now.
    func toggleProfile(awardID: UUID, userID: UUID) async throws -> Bool {
        let award = try await award(awardID, of: userID)
        guard award.isPublic, !award.isRevoked, award.earnerState == .accepted || award.onProfile else {
            throw BlasonError.conflict(.notAllowedNow)
        }
        award.onProfile.toggle()
        try await award.save(on: db)
        if award.onProfile, let user = try await User.find(userID, on: db), user.profileKey == nil {
            user.profileKey = SecureToken.make(bytes: 12)
            try await user.save(on: db)
        }
        return award.onProfile
    }

    /// The public page of an earner's chosen badges.
    func profile(key: String) async throws -> (user: User, awards: [Award]) {
        guard !key.isEmpty, let user = try await User.query(on: db).filter(\.$profileKey == key).first() else { throw BlasonError.notFound }
        let awards = try await awards(of: user.requireID()).filter { $0.onProfile && $0.isPublic && !$0.isRevoked }
        return (user, awards)
    }

    /// Changes the earner state with a guard on the state read, so two answers racing cannot both apply.
    private func setState(_ award: Award, _ state: EarnerState) async throws {
        let changed = try await (db as! any SQLDatabase).update(Award.schema)
            .set("earner_state", to: state.rawValue)
            .set("earner_state_at", to: clock.now)
            .set("on_profile", to: state == .accepted ? award.onProfile : false)
            .where("id", .equal, award.requireID())
            .where("earner_state", .equal, award.earnerStateName)
            .returning("id")
            .all()
        guard !changed.isEmpty else { throw BlasonError.conflict(.notAllowedNow) }
        award.earnerState = state
        award.earnerStateAt = clock.now
        // The earner's answer is part of the award's history, in its issuer's log.
        try await AuditLog(db: db, clock: clock).record("award.\(state.rawValue)", organisation: award.$awardedBy.id ?? award.$organisation.id,
                                                        object: "award", id: award.id, detail: "")
    }
}
