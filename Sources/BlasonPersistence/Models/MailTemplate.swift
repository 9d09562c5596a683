import FluentKit
import Foundation

/// An organisation's own wording of one e-mail (subject and message), in one language.
public final class MailTemplate: Model, @unchecked Sendable {
    public static let schema = "mail_templates"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "organisation_id") public var organisation: Organisation
    @Field(key: "event") public var event: String
    @Field(key: "language") public var languageCode: String
    @Field(key: "subject") public var subject: String
    @Field(key: "body") public var body: String
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(organisationID: UUID, event: String, language: String, subject: String, body: String) {
        self.$organisation.id = organisationID
        self.event = event
        self.languageCode = language
        self.subject = subject
        self.body = body
    }
}
