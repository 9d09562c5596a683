import FluentKit
import Foundation

/// The history and conversation of an application: submissions, decisions, votes and comments.
public final class ApplicationEvent: Model, @unchecked Sendable {
    public static let schema = "application_events"

    public enum Kind: String, Sendable, CaseIterable {
        case submitted, resubmitted, returned, approved, rejected, comment, vote
    }

    @ID(key: .id) public var id: UUID?
    @Parent(key: "application_id") public var application: BadgeApplication
    @Field(key: "kind") public var kindName: String
    @OptionalParent(key: "author_user_id") public var author: User?
    @Field(key: "author_name") public var authorName: String
    @Field(key: "from_applicant") public var fromApplicant: Bool
    /// Jury votes and their comments stay among reviewers.
    @Field(key: "reviewers_only") public var reviewersOnly: Bool
    @Field(key: "body") public var body: String
    @OptionalField(key: "vote") public var vote: Bool?
    @Field(key: "revision") public var revision: Int
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(applicationID: UUID, kind: Kind, authorUserID: UUID?, authorName: String, fromApplicant: Bool, reviewersOnly: Bool,
                body: String, vote: Bool? = nil, revision: Int, at date: Date) {
        self.$application.id = applicationID
        self.kindName = kind.rawValue
        self.$author.id = authorUserID
        self.authorName = authorName
        self.fromApplicant = fromApplicant
        self.reviewersOnly = reviewersOnly
        self.body = body
        self.vote = vote
        self.revision = revision
        self.createdAt = date
    }

    public var kind: Kind { Kind(rawValue: kindName) ?? .comment }
}
