import FluentKit
import Foundation

/// A person who reviews one badge class's applications besides the organisation's reviewers: a
/// jury member, the jury's final reviewer, or an outside reviewer invited by e-mail.
public final class ApplicationReviewer: Model, @unchecked Sendable {
    public static let schema = "application_reviewers"

    public enum Role: String, Sendable, CaseIterable {
        case jury
        case final
        case outside
    }

    @ID(key: .id) public var id: UUID?
    @Parent(key: "form_id") public var form: ApplicationForm
    @OptionalParent(key: "user_id") public var user: User?
    @Field(key: "email") public var email: String
    @Field(key: "role") public var roleName: String
    @OptionalField(key: "joined_at") public var joinedAt: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(formID: UUID, userID: UUID?, email: String, role: Role, joinedAt: Date?) {
        self.$form.id = formID
        self.$user.id = userID
        self.email = email
        self.roleName = role.rawValue
        self.joinedAt = joinedAt
    }

    public var role: Role { Role(rawValue: roleName) ?? .outside }
}
