import FluentKit
import Foundation

/// One notification a user turned on or off. No row means the default for that kind.
public final class NotificationPreference: Model, @unchecked Sendable {
    public static let schema = "notification_preferences"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "user_id") public var user: User
    @Field(key: "kind") public var kind: String
    @Field(key: "enabled") public var enabled: Bool

    public init() {}

    public init(userID: UUID, kind: String, enabled: Bool) {
        self.$user.id = userID
        self.kind = kind
        self.enabled = enabled
    }
}
