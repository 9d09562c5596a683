import BlasonCore
import FluentKit
import Foundation

/// An e-mail address of a user. Awards sent to any *verified* address show in the user's space.
public final class UserEmail: Model, @unchecked Sendable {
    public static let schema = "user_emails"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "user_id") public var user: User
    @Field(key: "email") public var email: String
    @OptionalField(key: "verified_at") public var verifiedAt: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(userID: UUID, email: EmailAddress, verifiedAt: Date?) {
        self.$user.id = userID
        self.email = email.value
        self.verifiedAt = verifiedAt
    }
}
