import BlasonCore
import FluentKit
import Foundation

/// A user's role in an organisation. One role per member; admin includes the others.
public final class Membership: Model, @unchecked Sendable {
    public static let schema = "memberships"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "user_id") public var user: User
    @Parent(key: "organisation_id") public var organisation: Organisation
    @Field(key: "role") public var roleName: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(userID: UUID, organisationID: UUID, role: Role) {
        self.$user.id = userID
        self.$organisation.id = organisationID
        self.roleName = role.rawValue
    }

    public var role: Role {
        get { Role(rawValue: roleName) ?? .reviewer }
        set { roleName = newValue.rawValue }
    }
}
