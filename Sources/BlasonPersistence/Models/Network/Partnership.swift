import BlasonCore
import FluentKit
import Foundation

/// A partnership asked by one organisation of another.
public final class Partnership: Model, @unchecked Sendable {
    public static let schema = "partnerships"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "requester_id") public var requester: Organisation
    @Parent(key: "partner_id") public var partner: Organisation
    @Field(key: "status") public var statusName: String
    @OptionalField(key: "message") public var message: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @OptionalField(key: "responded_at") public var respondedAt: Date?
    @OptionalField(key: "ended_at") public var endedAt: Date?

    public init() {}

    public init(requesterID: UUID, partnerID: UUID, message: String?) {
        self.$requester.id = requesterID
        self.$partner.id = partnerID
        self.statusName = PartnershipStatus.pending.rawValue
        self.message = message
    }

    public var status: PartnershipStatus {
        get { PartnershipStatus(rawValue: statusName) ?? .pending }
        set { statusName = newValue.rawValue }
    }

    /// The other side, seen from `organisationID`.
    public func other(than organisationID: UUID) -> UUID {
        $requester.id == organisationID ? $partner.id : $requester.id
    }
}
