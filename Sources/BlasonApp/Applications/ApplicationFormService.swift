import BlasonCore
import BlasonPersistence
import Fluent
import Foundation

/// Opening, editing and closing applications on a badge class, and inviting its reviewers.
struct ApplicationFormService {
    let db: any Database
    let clock: Clock
    let configuration: BlasonConfiguration

    /// The jury, its final reviewer and outside reviewers, by e-mail address.
    struct Reviewers: Equatable, Sendable {
        var jury: [String] = []
        var final: String?
        var outside: [String] = []
    }

    func form(of badgeClassID: UUID) async throws -> ApplicationForm? {
        try await ApplicationForm.query(on: db).filter(\.$badgeClass.$id == badgeClassID).first()
    }

    /// Opens applications (or saves the form when they are open already). The review method is
    /// fixed at the first opening, as in the commercial platform: changing it under reviewers'
    /// feet would orphan votes.
    func save(_ badgeClass: BadgeClass, draft: ApplicationFormDraft, reviewers: Reviewers, invitedBy inviter: String) async throws -> ApplicationForm {
        var issues: [FieldIssue] = []
        let addresses = Self.parse(reviewers, issues: &issues)
        let jurySize = addresses.jury.count
        let existing = try await form(of: badgeClass.requireID())
        do { _ = try draft.validated(now: clock.now, jurySize: jurySize, hasStoredClaimCode: existing?.claimCodeHash != nil) } catch {
            if case .invalid(let found) = error { issues += found }
        }
        if draft.reviewMethod == .jury, addresses.jury.isEmpty { issues.append(FieldIssue(field: "jury", problem: .required)) }
        guard issues.isEmpty else { throw BlasonError.invalid(issues) }
        let badgeClassID = try badgeClass.requireID()
        return try await db.transactionRetrying { db in
            let service = ApplicationFormService(db: db, clock: clock, configuration: configuration)
            let form: ApplicationForm
            if let existing = try await service.form(of: badgeClassID) {
                guard existing.reviewMethod == draft.reviewMethod else { throw BlasonError.invalid("review_method", .notAllowedNow) }
                existing.apply(draft)
                existing.isOpen = true
                if let code = draft.claimCode, !code.isEmpty { existing.claimCodeHash = Self.hashCode(code) }
                form = existing
                try await form.save(on: db)
            } else {
                form = ApplicationForm(badgeClassID: badgeClassID, organisationID: badgeClass.$organisation.id, draft: draft,
                                       claimCodeHash: draft.claimCode.map(Self.hashCode))
                try await form.create(on: db)
            }
            try await service.syncReviewers(form, addresses, badgeClass: badgeClass, inviter: inviter)
            try await AuditLog(db: db, clock: clock).record("applications.opened", organisation: badgeClass.$organisation.id, object: "badge-class",
                                                            id: badgeClassID, detail: "\(badgeClass.nameFR) — \(draft.reviewMethod.rawValue)")
            return form
        }
    }

    func close(_ form: ApplicationForm) async throws {
        form.isOpen = false
        try await db.transactionRetrying { db in
            try await form.save(on: db)
            try await AuditLog(db: db, clock: clock).record("applications.closed", organisation: form.$organisation.id, object: "badge-class",
                                                            id: form.$badgeClass.id, detail: "")
        }
    }

    /// Claim codes are compared case-insensitively, without spaces, and stored hashed.
    static func hashCode(_ code: String) -> String {
        SecureToken.sha256Hex(code.uppercased().filter { !$0.isWhitespace })
    }

    func reviewers(of form: ApplicationForm) async throws -> [ApplicationReviewer] {
        try await ApplicationReviewer.query(on: db).filter(\.$form.$id == form.requireID()).sort(\.$createdAt).all()
    }

    private static func parse(_ reviewers: Reviewers, issues: inout [FieldIssue]) -> Reviewers {
        func emails(_ list: [String], field: String) -> [String] {
            list.compactMap { raw in
                let trimmed = raw.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty else { return nil }
                guard let email = EmailAddress(trimmed) else { issues.append(FieldIssue(field: field, problem: .invalidEmail(trimmed))); return nil }
                return email.value
            }
        }
        return Reviewers(jury: Array(Set(emails(reviewers.jury, field: "jury"))).sorted(),
                         final: emails([reviewers.final ?? ""], field: "final_reviewer").first,
                         outside: Array(Set(emails(reviewers.outside, field: "outside_reviewers"))).sorted())
    }

    /// Adds the reviewers not yet known (inviting by e-mail those without an account here) and removes
    /// the ones taken off the list.
    private func syncReviewers(_ form: ApplicationForm, _ wanted: Reviewers, badgeClass: BadgeClass, inviter: String) async throws {
        let formID = try form.requireID()
        let existing = try await reviewers(of: form)
        var desired: [(String, ApplicationReviewer.Role)] = wanted.jury.map { ($0, .jury) } + wanted.outside.map { ($0, .outside) }
        if let final = wanted.final { desired.append((final, .final)) }
        for row in existing where !desired.contains(where: { $0.0 == row.email && $0.1 == row.role }) {
            try await row.delete(on: db)
        }
        let organisation = try await Organisation.find(form.$organisation.id, on: db)
        for (email, role) in desired where !existing.contains(where: { $0.email == email && $0.role == role }) {
            var user = try await UserEmail.query(on: db).filter(\.$email == email).filter(\.$verifiedAt != nil).first()?.$user.id
            if user == nil { user = try await User.query(on: db).filter(\.$email == email).first()?.id }
            let row = ApplicationReviewer(formID: formID, userID: user, email: email, role: role, joinedAt: user == nil ? nil : clock.now)
            try await row.create(on: db)
            let values = ["recipient": "", "badge": badgeClass.nameFR, "issuer": organisation?.name ?? inviter]
            let composed: MailComposer.Composed
            let language: Language
            if let user, let account = try await User.find(user, on: db) {
                // Someone with an account here is a reviewer at once: told so, with the way to their
                // review queue (they sign in as usual), in their own language.
                language = account.language
                composed = MailComposer().compose(.reviewerInvitation, language: language,
                                                  values: values.merging(["badge": badgeClass.name.text(in: language)]) { _, new in new },
                                                  link: SiteRoute.reviews.absolute(configuration.publicURL), linkExpires: nil)
            } else {
                // Someone without an account here: a personal link signs them in as this reviewer.
                let (secret, _) = try await OneTimeLinks(db: db, clock: clock).issue(
                    .reviewerInvitation, email: email, lifetime: Double(configuration.linkLifetimeDays) * 86_400)
                language = .fr
                composed = MailComposer().compose(
                    .reviewerInvitation, language: language, values: values,
                    link: SiteRoute.reviewerJoin(secret).absolute(configuration.publicURL),
                    linkExpires: clock.now.addingTimeInterval(Double(configuration.linkLifetimeDays) * 86_400))
            }
            try await Outbox(db: db, configuration: configuration, clock: clock).enqueue([
                Outbox.Draft(event: .reviewerInvitation, organisationID: form.$organisation.id, to: email, language: language, composed: composed),
            ])
        }
    }

    /// Follows a reviewer invitation: the address is proven, so the person gets (or reuses) an
    /// account and every reviewer row for that address is attached to it.
    func join(with secret: String) async throws -> UUID {
        try await db.transactionRetrying { db in
            let links = OneTimeLinks(db: db, clock: clock)
            let token = try await links.check(secret, purpose: .reviewerInvitation)
            guard let raw = token.email, let email = EmailAddress(raw) else { throw BlasonError.link(.invalid) }
            try await links.consume(token)
            let user = try await EarnerService(db: db, clock: clock, configuration: configuration).account(for: email, name: nil, language: .fr)
            let userID = try user.requireID()
            try await ApplicationReviewer.query(on: db).filter(\.$email == email.value).filter(\.$user.$id == nil)
                .set(\.$user.$id, to: userID).set(\.$joinedAt, to: clock.now).update()
            return userID
        }
    }
}
