import FluentKit
import Foundation

/// That a user's daily digest went out for a day. Its unique (user, day) pair makes the digest
/// exactly one a day, whatever restarts or nodes there are.
public final class DigestSend: Model, @unchecked Sendable {
    public static let schema = "digest_sends"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "user_id") public var user: User
    @Field(key: "kind") public var kind: String
    @Field(key: "day") public var day: String
    @Field(key: "sent_at") public var sentAt: Date

    public init() {}

    public init(userID: UUID, kind: String, day: String, sentAt: Date) {
        self.$user.id = userID
        self.kind = kind
        self.day = day
        self.sentAt = sentAt
    }
}
