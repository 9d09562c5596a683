import BlasonCore
import FluentKit
import Foundation

/// Awarding a badge class to many recipients at once, in the background: the draft is stored whole,
/// `done` counts the recipients already awarded (each chunk's awards and its `done` commit together,
/// so a job resumes exactly where it stopped).
public final class IssueJob: Model, @unchecked Sendable {
    public static let schema = "issue_jobs"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "organisation_id") public var organisation: Organisation
    @Parent(key: "badge_class_id") public var badgeClass: BadgeClass
    @OptionalParent(key: "issued_by_user_id") public var issuedBy: User?
    @OptionalParent(key: "awarded_by_organisation_id") public var awardedBy: Organisation?
    /// The validated `AwardDraft`, recipients included, as JSON.
    @Field(key: "draft_json") public var draftJSON: String
    @Field(key: "total") public var total: Int
    @Field(key: "done") public var done: Int
    @Field(key: "status") public var statusName: String
    @OptionalField(key: "error") public var error: String?
    /// Which process works on it, and when it last showed progress (a stale claim is taken over).
    @OptionalField(key: "claimed_by") public var claimedBy: String?
    @OptionalField(key: "heartbeat_at") public var heartbeatAt: Date?
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "started_at") public var startedAt: Date?
    @OptionalField(key: "finished_at") public var finishedAt: Date?

    public init() {}

    public init(id: UUID = UUID(), organisationID: UUID, badgeClassID: UUID, issuedBy: UUID?, awardedBy: UUID?, draftJSON: String,
                total: Int, createdAt: Date) {
        self.id = id
        self.$organisation.id = organisationID
        self.$badgeClass.id = badgeClassID
        self.$issuedBy.id = issuedBy
        self.$awardedBy.id = awardedBy
        self.draftJSON = draftJSON
        self.total = total
        self.done = 0
        self.statusName = IssueJobStatus.queued.rawValue
        self.createdAt = createdAt
    }

    public var status: IssueJobStatus { IssueJobStatus(rawValue: statusName) ?? .failed }
}
