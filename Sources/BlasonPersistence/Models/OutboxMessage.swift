import FluentKit
import Foundation

/// An e-mail waiting to be sent (or sent). Written in the same transaction as the change that
/// causes it, delivered later by the outbox service: a crash can delay a message, never lose it.
public final class OutboxMessage: Model, @unchecked Sendable {
    public static let schema = "outbox_messages"

    public enum Status: String, Sendable, CaseIterable {
        case pending, sending, sent, failed
    }

    @ID(key: .id) public var id: UUID?
    /// The Message-ID header, fixed at creation so that a retry re-sends the same message.
    @Field(key: "message_id") public var messageID: String
    @Field(key: "event") public var event: String
    @OptionalParent(key: "organisation_id") public var organisation: Organisation?
    @OptionalParent(key: "award_id") public var award: Award?
    @Field(key: "to_address") public var toAddress: String
    @OptionalField(key: "to_name") public var toName: String?
    @Field(key: "language") public var languageCode: String
    @Field(key: "subject") public var subject: String
    @Field(key: "text_body") public var textBody: String
    @Field(key: "html_body") public var htmlBody: String
    @Field(key: "status") public var statusName: String
    @Field(key: "attempts") public var attempts: Int
    @Field(key: "next_attempt_at") public var nextAttemptAt: Date
    @OptionalField(key: "claimed_at") public var claimedAt: Date?
    @OptionalField(key: "last_error") public var lastError: String?
    @OptionalField(key: "sent_at") public var sentAt: Date?
    @Field(key: "created_at") public var createdAt: Date
    /// For periodic e-mails: where to stop them in one click (`List-Unsubscribe`).
    @OptionalField(key: "list_unsubscribe") public var listUnsubscribe: String?

    public init() {}

    public init(id: UUID = UUID(), messageID: String, event: String, organisationID: UUID?, awardID: UUID?, toAddress: String, toName: String?,
                language: String, subject: String, textBody: String, htmlBody: String, now: Date) {
        self.id = id
        self.messageID = messageID
        self.event = event
        self.$organisation.id = organisationID
        self.$award.id = awardID
        self.toAddress = toAddress
        self.toName = toName
        self.languageCode = language
        self.subject = subject
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.statusName = Status.pending.rawValue
        self.attempts = 0
        self.nextAttemptAt = now
        self.createdAt = now
    }

    public var status: Status {
        get { Status(rawValue: statusName) ?? .pending }
        set { statusName = newValue.rawValue }
    }
}
