import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import OpenBadges
import ZIPFoundation

/// The earner's account: sign-in links, addresses, export of their data, deletion.
struct EarnerAccountService {
    let db: any Database
    let clock: Clock
    let configuration: BlasonConfiguration

    private var links: OneTimeLinks { OneTimeLinks(db: db, clock: clock) }
    private var linkLifetime: TimeInterval { Double(configuration.linkLifetimeDays) * 86_400 }
    /// Sign-in links are for now, not for later.
    private static let signInLifetime: TimeInterval = 3600

    /// Sends a sign-in link when an account owns `email`; says nothing either way, so the form
    /// does not reveal who has an account.
    func requestSignInLink(email raw: String, language: Language) async throws {
        guard let email = EmailAddress(raw) else { throw BlasonError.invalid("email", .invalidEmail(raw)) }
        let owner = try await UserEmail.query(on: db).filter(\.$email == email.value).filter(\.$verifiedAt != nil).with(\.$user).first()?.user
        guard let user = owner else { return }
        try await db.transactionRetrying { db in
            let service = EarnerAccountService(db: db, clock: clock, configuration: configuration)
            let (secret, _) = try await service.links.issue(.signIn, userID: user.requireID(), email: email.value, lifetime: Self.signInLifetime)
            try await service.queue(.signIn, to: email.value, name: user.name, language: user.language,
                                    link: SiteRoute.passportLink(secret).absolute(configuration.publicURL),
                                    expires: clock.now.addingTimeInterval(Self.signInLifetime))
        }
    }

    /// The account a sign-in link opens; the link is used up.
    func signIn(with secret: String) async throws -> UUID {
        try await db.transactionRetrying { db in
            let links = OneTimeLinks(db: db, clock: clock)
            let token = try await links.check(secret, purpose: .signIn)
            try await links.consume(token)
            guard let userID = token.$user.id else { throw BlasonError.link(.invalid) }
            return userID
        }
    }

    /// Adds an address to the account, unverified, and sends it a verification link.
    func addEmail(_ raw: String, userID: UUID, language: Language) async throws {
        guard let email = EmailAddress(raw) else { throw BlasonError.invalid("email", .invalidEmail(raw)) }
        try await db.transactionRetrying { db in
            let service = EarnerAccountService(db: db, clock: clock, configuration: configuration)
            if let existing = try await UserEmail.query(on: db).filter(\.$email == email.value).first() {
                guard existing.$user.id == userID else { throw BlasonError.invalid("email", .emailTaken) }
                guard existing.verifiedAt == nil else { throw BlasonError.invalid("email", .alreadyMember) }
            } else {
                try await UserEmail(userID: userID, email: email, verifiedAt: nil).create(on: db)
            }
            let (secret, _) = try await service.links.issue(.emailVerification, userID: userID, email: email.value, lifetime: service.linkLifetime)
            let name = try await User.find(userID, on: db)?.name
            try await service.queue(.emailVerification, to: email.value, name: name, language: language,
                                    link: SiteRoute.passportEmailVerify.absolute(configuration.publicURL) + "?code=\(secret)",
                                    expires: clock.now.addingTimeInterval(service.linkLifetime))
        }
    }

    /// Confirms an address with the code of its verification link; returns the account it belongs to.
    func verifyEmail(code: String, signedIn: UUID? = nil) async throws -> UUID {
        try await db.transactionRetrying { db in
            let links = OneTimeLinks(db: db, clock: clock)
            let token = try await links.check(code, purpose: .emailVerification)
            guard let userID = token.$user.id, let email = token.email,
                  let record = try await UserEmail.query(on: db).filter(\.$email == email).first(), record.$user.id == userID else {
                throw BlasonError.link(.mismatch)
            }
            if let signedIn, signedIn != userID { throw BlasonError.link(.otherAccount) }
            try await links.consume(token)
            record.verifiedAt = clock.now
            try await record.save(on: db)
            return userID
        }
    }

    func emails(of userID: UUID) async throws -> [UserEmail] {
        try await UserEmail.query(on: db).filter(\.$user.$id == userID).sort(\.$createdAt).all()
    }

    private func queue(_ event: MailComposer.Event, to: String, name: String?, language: Language, link: String, expires: Date) async throws {
        let composed = MailComposer().compose(event, language: language, values: ["recipient": name ?? ""], link: link, linkExpires: expires)
        try await Outbox(db: db, configuration: configuration, clock: clock)
            .enqueue([Outbox.Draft(event: event, to: to, toName: name, language: language, composed: composed)])
    }

    /// Everything Blason holds about the earner, as a ZIP: their account, addresses, preferences,
    /// and each of their awards as Open Badges JSON with its baked image.
    func export(userID: UUID) async throws -> Data {
        guard let user = try await User.find(userID, on: db) else { throw BlasonError.notFound }
        let earner = EarnerService(db: db, clock: clock, configuration: configuration)
        let awards = try await earner.awards(of: userID)
        let publisher = OB2Publisher(publicURL: configuration.publicURL)
        let archive = try Archive(accessMode: .create)
        func add(_ path: String, _ data: Data) throws {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let encoder = OB2.encoder(pretty: true)
        encoder.dateEncodingStrategy = .iso8601
        struct Account: Encodable {
            let name: String
            let email: String
            let language: String
            let createdAt: Date?
            let publicProfile: String?
            let emails: [[String: String]]
            let notifications: [String: Bool]
        }
        let preferences = try await NotificationPreference.query(on: db).filter(\.$user.$id == userID).all()
        let account = Account(
            name: user.name, email: user.email, language: user.languageCode, createdAt: user.createdAt,
            publicProfile: user.profileKey.map { SiteRoute.earnerProfile($0).absolute(configuration.publicURL) },
            emails: try await emails(of: userID).map { ["email": $0.email, "verified": $0.verifiedAt == nil ? "no" : "yes"] },
            notifications: Dictionary(preferences.map { ($0.kind, $0.enabled) }, uniquingKeysWith: { a, _ in a }))
        try add("account.json", try encoder.encode(account))
        struct AwardRecord: Encodable {
            let badge: String
            let issuer: String
            let state: String
            let shownOnPublicPage: Bool
            let revoked: Bool
            let assertion: OB2.Assertion?
        }
        for award in awards {
            let id = try award.requireID().lowercased
            let visible = award.isPublic && !award.isRevoked
            try add("awards/\(id).json", try encoder.encode(AwardRecord(
                badge: award.badgeClass.nameFR, issuer: award.badgeClass.organisation.name, state: award.earnerStateName,
                shownOnPublicPage: award.onProfile, revoked: award.isRevoked, assertion: visible ? try publisher.assertion(award) : nil)))
            if visible, let format = publisher.bakedFormats(for: award.badgeClass).first {
                try add("awards/\(id).\(format.fileExtension)", try publisher.bakedImage(award, badgeClass: award.badgeClass, format: format))
            }
        }
        guard let data = archive.data else { throw BlasonError.conflict(.notAllowedNow) }
        return data
    }

    /// Deletes the earner's account. Awards they chose to show publicly stay valid for verifiers;
    /// the others are withdrawn from view and stripped of the earner's name and address.
    func deleteAccount(userID: UUID) async throws {
        try await db.transactionRetrying { db in
            let earner = EarnerService(db: db, clock: clock, configuration: configuration)
            for award in try await earner.awards(of: userID) where !award.onProfile {
                award.earnerState = .withdrawn
                award.earnerStateAt = clock.now
                award.recipientName = nil
                award.recipientEmail = "withdrawn-\(try award.requireID().lowercased)@invalid"
                try await award.save(on: db)
            }
            try await OneTimeToken.query(on: db).filter(\.$user.$id == userID).delete()
            // The person's addresses leave with them: their links, and the e-mails sent or waiting
            // for them (names, links and badge names), which the organisations' outbox pages list.
            var addresses = try await UserEmail.query(on: db).filter(\.$user.$id == userID).all().map(\.email)
            if let user = try await User.find(userID, on: db) { addresses.append(user.email) }
            try await OneTimeToken.query(on: db).filter(\.$email ~~ addresses).delete()
            try await OutboxMessage.query(on: db).filter(\.$toAddress ~~ addresses).delete()
            let memberships = try await Membership.query(on: db).filter(\.$user.$id == userID).all()
            for membership in memberships where membership.role == .admin {
                let admins = try await Membership.query(on: db).filter(\.$organisation.$id == membership.$organisation.id)
                    .filter(\.$roleName == Role.admin.rawValue).count()
                if admins <= 1 { throw BlasonError.conflict(.lastAdmin) }
            }
            try await User.query(on: db).filter(\.$id == userID).delete()
        }
    }
}
