import BlasonCore
import BlasonPersistence
import Fluent
import Foundation

/// The e-mail each earner gets about a new award: a personal claim link, in the award's language,
/// in the issuing organisation's wording when it has one.
struct AwardMail {
    let db: any Database
    let configuration: BlasonConfiguration
    let clock: Clock

    var linkLifetime: TimeInterval { Double(configuration.linkLifetimeDays) * 86_400 }

    /// Creates the claim tokens and queues the e-mails for `awards` (all of `badgeClass`), on `db`,
    /// which should be the transaction that created the awards.
    func queue(_ awards: [Award], badgeClass: BadgeClass) async throws {
        guard !awards.isEmpty else { return }
        let organisation = try await Organisation.find(badgeClass.$organisation.id, on: db)
        let templates = try await MailTemplate.query(on: db).filter(\.$organisation.$id == badgeClass.$organisation.id).all()
        let silenced = try await NotificationSettings(db: db).silenced(.awardMail, emails: awards.map(\.recipientEmail))
        var tokens: [OneTimeToken] = []
        var drafts: [Outbox.Draft] = []
        let composer = MailComposer()
        let expires = clock.now.addingTimeInterval(linkLifetime)
        for award in awards where !silenced.contains(award.recipientEmail) {
            let awardID = try award.requireID()
            let secret = SecureToken.make()
            tokens.append(OneTimeToken(purpose: .awardClaim, tokenHash: SecureToken.sha256Hex(secret), awardID: awardID,
                                       email: award.recipientEmail, expiresAt: expires))
            let event: MailComposer.Event = award.kind == .proposed ? .awardProposed : .awardIssued
            let custom = templates.first { $0.event == event.rawValue && $0.languageCode == award.language.rawValue }
                .map { MailComposer.Wording(subject: $0.subject, body: $0.body) }
            let composed = composer.compose(
                event, language: award.language, wording: custom,
                values: ["recipient": award.recipientName ?? "", "badge": badgeClass.name.text(in: award.language),
                         "issuer": organisation?.name ?? ""],
                link: SiteRoute.claim(awardID, secret).absolute(configuration.publicURL), linkExpires: expires)
            drafts.append(Outbox.Draft(event: event, organisationID: organisation?.id, awardID: awardID, to: award.recipientEmail,
                                       toName: award.recipientName, language: award.language, composed: composed))
        }
        for start in stride(from: 0, to: tokens.count, by: 500) {
            try await Array(tokens[start..<min(start + 500, tokens.count)]).create(on: db)
        }
        try await Outbox(db: db, configuration: configuration, clock: clock).enqueue(drafts)
    }
}

/// Per-user notification choices. Kinds without a stored choice use their default.
struct NotificationSettings {
    enum Kind: String, CaseIterable, Sendable {
        /// E-mails about badges awarded or proposed to me.
        case awardMail = "award-mail"
        /// The daily digest of pending endorsement requests (network).
        case endorsementDigest = "endorsement-digest"

        var enabledByDefault: Bool {
            switch self {
            case .awardMail: true
            case .endorsementDigest: false
            }
        }
    }

    let db: any Database

    func isEnabled(_ kind: Kind, userID: UUID) async throws -> Bool {
        let stored = try await NotificationPreference.query(on: db).filter(\.$user.$id == userID).filter(\.$kind == kind.rawValue).first()
        return stored?.enabled ?? kind.enabledByDefault
    }

    func set(_ kind: Kind, enabled: Bool, userID: UUID) async throws {
        if let stored = try await NotificationPreference.query(on: db).filter(\.$user.$id == userID).filter(\.$kind == kind.rawValue).first() {
            stored.enabled = enabled
            try await stored.save(on: db)
        } else {
            try await NotificationPreference(userID: userID, kind: kind.rawValue, enabled: enabled).create(on: db)
        }
    }

    /// Which of `emails` belong (verified) to users who turned `kind` off.
    func silenced(_ kind: Kind, emails: [String]) async throws -> Set<String> {
        guard !emails.isEmpty else { return [] }
        var result = Set<String>()
        for start in stride(from: 0, to: emails.count, by: 500) {
            let chunk = Array(emails[start..<min(start + 500, emails.count)])
            let owned = try await UserEmail.query(on: db).filter(\.$email ~~ chunk).filter(\.$verifiedAt != nil).all()
            guard !owned.isEmpty else { continue }
            let off = try await NotificationPreference.query(on: db)
                .filter(\.$user.$id ~~ owned.map { $0.$user.id })
                .filter(\.$kind == kind.rawValue).filter(\.$enabled == false).all()
            let offUsers = Set(off.map { $0.$user.id })
            result.formUnion(owned.filter { offUsers.contains($0.$user.id) }.map(\.email))
        }
        return result
    }
}
