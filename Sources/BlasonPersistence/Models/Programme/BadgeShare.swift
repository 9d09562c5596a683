import BlasonCore
import FluentKit
import Foundation

/// A badge class offered by its organisation to a partner, as a link or as a copy, with instructions.
public final class BadgeShare: Model, @unchecked Sendable {
    public static let schema = "badge_shares"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "badge_class_id") public var badgeClass: BadgeClass
    @Parent(key: "sharer_id") public var sharer: Organisation
    @Parent(key: "partner_id") public var partner: Organisation
    @Field(key: "mode") public var modeName: String
    @Field(key: "instructions") public var instructions: String
    @Field(key: "status") public var statusName: String
    /// For an accepted copy: the partner's own badge class.
    @OptionalParent(key: "copy_badge_class_id") public var copy: BadgeClass?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @OptionalField(key: "responded_at") public var respondedAt: Date?
    @OptionalField(key: "ended_at") public var endedAt: Date?

    public init() {}

    public init(id: UUID = UUID(), badgeClassID: UUID, sharerID: UUID, partnerID: UUID, mode: ShareMode, instructions: String) {
        self.id = id
        self.$badgeClass.id = badgeClassID
        self.$sharer.id = sharerID
        self.$partner.id = partnerID
        self.modeName = mode.rawValue
        self.instructions = instructions
        self.statusName = ShareStatus.pending.rawValue
    }

    public var mode: ShareMode { ShareMode(rawValue: modeName) ?? .link }

    public var status: ShareStatus {
        get { ShareStatus(rawValue: statusName) ?? .pending }
        set { statusName = newValue.rawValue }
    }
}
