import BlasonCore
import BlasonPersistence
import Fluent
import Foundation

/// Puts e-mails in the outbox. Call it on the transaction of the change the e-mail is about, so
/// that both commit together or not at all.
struct Outbox {
    let db: any Database
    let configuration: BlasonConfiguration
    let clock: Clock

    struct Draft {
        var event: MailComposer.Event
        var organisationID: UUID?
        var awardID: UUID?
        var to: String
        var toName: String?
        var language: Language
        var composed: MailComposer.Composed
        /// The absolute URL that stops this kind of e-mail, for the `List-Unsubscribe` header.
        var listUnsubscribe: String?
    }

    func message(_ draft: Draft) -> OutboxMessage {
        let id = UUID()
        let message = OutboxMessage(
            id: id, messageID: "\(id.uuidString.lowercased())@\(configuration.mailDomain)", event: draft.event.rawValue,
            organisationID: draft.organisationID, awardID: draft.awardID, toAddress: draft.to, toName: draft.toName,
            language: draft.language.rawValue, subject: draft.composed.subject, textBody: draft.composed.text,
            htmlBody: draft.composed.html, now: clock.now)
        message.listUnsubscribe = draft.listUnsubscribe
        return message
    }

    func enqueue(_ drafts: [Draft]) async throws {
        let messages = drafts.map(message)
        // Batched for the same reason as awards: SQLite caps the parameters of one statement.
        for start in stride(from: 0, to: messages.count, by: 400) {
            try await Array(messages[start..<min(start + 400, messages.count)]).create(on: db)
        }
    }
}
