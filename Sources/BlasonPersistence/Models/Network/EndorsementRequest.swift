import BlasonCore
import FluentKit
import Foundation

/// An organisation asking to be endorsed (itself or one of its badge classes), by a partner or by
/// someone outside the platform (who gets a personal link by e-mail).
public final class EndorsementRequest: Model, @unchecked Sendable {
    public static let schema = "endorsement_requests"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "requester_id") public var requester: Organisation
    @OptionalParent(key: "endorser_id") public var endorser: Organisation?
    @OptionalField(key: "external_email") public var externalEmail: String?
    @OptionalParent(key: "badge_class_id") public var badgeClass: BadgeClass?
    @Field(key: "message") public var message: String
    @Field(key: "status") public var statusName: String
    @OptionalParent(key: "endorsement_id") public var endorsement: Endorsement?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @OptionalField(key: "responded_at") public var respondedAt: Date?

    public init() {}

    public init(id: UUID = UUID(), requesterID: UUID, endorserID: UUID?, externalEmail: String?, badgeClassID: UUID?, message: String) {
        self.id = id
        self.$requester.id = requesterID
        self.$endorser.id = endorserID
        self.externalEmail = externalEmail
        self.$badgeClass.id = badgeClassID
        self.message = message
        self.statusName = EndorsementRequestStatus.pending.rawValue
    }

    public var status: EndorsementRequestStatus {
        get { EndorsementRequestStatus(rawValue: statusName) ?? .pending }
        set { statusName = newValue.rawValue }
    }
}
