import BlasonCore
import BlasonPersistence
import Fluent
import Foundation

/// The daily e-mail listing an organisation's pending endorsement requests, for the users who ticked
/// "Envoyez-moi des notifications journalières…". One per user per day: the `digest_sends` row is
/// written in the same transaction as the e-mail, so a restart, a second node or a second run of
/// the job the same day sends nothing more.
struct EndorsementDigest {
    let db: any Database
    let clock: Clock
    let configuration: BlasonConfiguration

    static let kind = NotificationSettings.Kind.endorsementDigest.rawValue

    /// The scheduler job: due every hour from the configured hour (Paris time), so a run missed or
    /// interrupted is made up within the hour; each run only mails users not yet mailed today.
    /// Makes the link in each digest that stops it (nil: none, e.g. in tests of the content only).
    var unsubscribe: UnsubscribeLinks?

    static func job(configuration: BlasonConfiguration, unsubscribe: UnsubscribeLinks) -> Scheduler.Job {
        Scheduler.Job(name: "endorsement-digest", period: { now in
            guard Scheduler.daily(at: configuration.digestHour, now) != nil else { return nil }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = CalendarDay.timeZone
            // Two-digit hours: periods must sort as their time does (the scheduler never goes back).
            return CalendarDay.format(now) + "T" + String(format: "%02d", calendar.component(.hour, from: now))
        }, run: { db, now in
            _ = try await EndorsementDigest(db: db, clock: .fixed(now), configuration: configuration, unsubscribe: unsubscribe).send()
        })
    }

    /// Sends today's digests; returns how many e-mails were queued.
    @discardableResult
    func send() async throws -> Int {
        let now = clock.now
        let day = CalendarDay.format(now)
        let subscribers = try await NotificationPreference.query(on: db).filter(\.$kind == Self.kind).filter(\.$enabled == true).all()
        var sent = 0
        for subscriber in subscribers {
            let userID = subscriber.$user.id
            let organisations = try await Membership.query(on: db).filter(\.$user.$id == userID).all().map { $0.$organisation.id }
            guard !organisations.isEmpty else { continue }
            let pending = try await EndorsementRequest.query(on: db).filter(\.$endorser.$id ~~ organisations)
                .filter(\.$statusName == EndorsementRequestStatus.pending.rawValue)
                .with(\.$requester).with(\.$badgeClass).sort(\.$createdAt).all()
            guard !pending.isEmpty, let user = try await User.find(userID, on: db) else { continue }
            let queued: Bool = try await db.transactionRetrying { db in
                do {
                    try await DigestSend(userID: userID, kind: Self.kind, day: day, sentAt: now).create(on: db)
                } catch let error as any DatabaseError where error.isConstraintFailure {
                    return false
                }
                let t = Localizer(language: user.language)
                let lines = pending.map { request in
                    "- \(request.requester.name) : \(request.badgeClass?.name.text(in: user.language) ?? t(.ofOrganisation)) (\(t.date(request.createdAt ?? now)))"
                }
                let stop = unsubscribe.map { configuration.publicURL + $0.path(userID: userID, kind: Self.kind) }
                let composed = MailComposer().compose(.endorsementDigest, language: user.language,
                                                      values: ["recipient": user.name, "count": String(pending.count), "note": lines.joined(separator: "\n")],
                                                      link: SiteRoute.network.absolute(configuration.publicURL), linkExpires: nil, unsubscribe: stop)
                try await Outbox(db: db, configuration: configuration, clock: clock).enqueue([
                    Outbox.Draft(event: .endorsementDigest, to: user.email, toName: user.name, language: user.language, composed: composed,
                                 listUnsubscribe: stop),
                ])
                return true
            }
            if queued { sent += 1 }
        }
        return sent
    }
}
