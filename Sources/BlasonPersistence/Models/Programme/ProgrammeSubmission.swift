import BlasonCore
import FluentKit
import Foundation

/// A structure's badge class submitted to a programme, with the procedure's four answers.
public final class ProgrammeSubmission: Model, @unchecked Sendable {
    public static let schema = "programme_submissions"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "programme_id") public var programme: Programme
    @Parent(key: "share_id") public var share: BadgeShare
    @Parent(key: "badge_class_id") public var badgeClass: BadgeClass
    @Parent(key: "structure_id") public var structure: Organisation
    @Parent(key: "level_id") public var requestedLevel: ProgrammeLevel
    @Field(key: "covers_all") public var coversAll: Bool
    @Field(key: "covered_skills_json") public var coveredSkillsJSON: String
    @Field(key: "remarks") public var remarks: String
    @Field(key: "status") public var statusName: String
    @OptionalParent(key: "final_level_id") public var finalLevel: ProgrammeLevel?
    @OptionalField(key: "decision_note") public var decisionNote: String?
    @OptionalField(key: "decided_at") public var decidedAt: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(id: UUID = UUID(), programmeID: UUID, shareID: UUID, badgeClassID: UUID, structureID: UUID, levelID: UUID, answers: SubmissionAnswers) {
        self.id = id
        self.$programme.id = programmeID
        self.$share.id = shareID
        self.$badgeClass.id = badgeClassID
        self.$structure.id = structureID
        self.$requestedLevel.id = levelID
        self.coversAll = answers.coversAll
        self.coveredSkillsJSON = (try? String(decoding: JSONEncoder().encode(answers.coveredSkills), as: UTF8.self)) ?? "[]"
        self.remarks = answers.remarks
        self.statusName = SubmissionStatus.submitted.rawValue
    }

    public var status: SubmissionStatus {
        get { SubmissionStatus(rawValue: statusName) ?? .submitted }
        set { statusName = newValue.rawValue }
    }

    public var coveredSkills: [Int] { (try? JSONDecoder().decode([Int].self, from: Data(coveredSkillsJSON.utf8))) ?? [] }
}

/// The conversation about a submission between the operator and the structure.
public final class SubmissionMessage: Model, @unchecked Sendable {
    public static let schema = "submission_messages"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "submission_id") public var submission: ProgrammeSubmission
    @Field(key: "from_operator") public var fromOperator: Bool
    @Field(key: "author_name") public var authorName: String
    @Field(key: "body") public var body: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(submissionID: UUID, fromOperator: Bool, authorName: String, body: String, at date: Date) {
        self.$submission.id = submissionID
        self.fromOperator = fromOperator
        self.authorName = authorName
        self.body = body
        self.createdAt = date
    }
}

/// A partner badge class linked to a programme badge class at a level (from an accepted submission).
/// Awards of the partner badge propose the programme badge to their earners.
public final class ProgrammeLink: Model, @unchecked Sendable {
    public static let schema = "programme_links"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "programme_id") public var programme: Programme
    @Parent(key: "submission_id") public var submission: ProgrammeSubmission
    @Parent(key: "partner_badge_class_id") public var partnerBadgeClass: BadgeClass
    @Parent(key: "level_id") public var level: ProgrammeLevel
    @Parent(key: "region_badge_class_id") public var regionBadgeClass: BadgeClass
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @OptionalField(key: "ended_at") public var endedAt: Date?

    public init() {}

    public init(programmeID: UUID, submissionID: UUID, partnerBadgeClassID: UUID, levelID: UUID, regionBadgeClassID: UUID) {
        self.$programme.id = programmeID
        self.$submission.id = submissionID
        self.$partnerBadgeClass.id = partnerBadgeClassID
        self.$level.id = levelID
        self.$regionBadgeClass.id = regionBadgeClassID
    }
}
