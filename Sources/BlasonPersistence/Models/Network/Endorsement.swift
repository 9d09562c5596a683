import BlasonCore
import FluentKit
import Foundation

/// One organisation (or an outsider) vouching for an organisation or one of its badge classes
/// (an Open Badges 2.0 Endorsement).
public final class Endorsement: Model, @unchecked Sendable {
    public static let schema = "endorsements"

    @ID(key: .id) public var id: UUID?
    /// The endorsing organisation; nil for an outsider, whose name and affiliation are given below.
    @OptionalParent(key: "endorser_id") public var endorser: Organisation?
    @OptionalField(key: "external_name") public var externalName: String?
    @OptionalField(key: "external_affiliation") public var externalAffiliation: String?
    @OptionalField(key: "external_email") public var externalEmail: String?
    @Parent(key: "subject_organisation_id") public var subjectOrganisation: Organisation
    @OptionalParent(key: "subject_badge_class_id") public var subjectBadgeClass: BadgeClass?
    @Field(key: "comment") public var comment: String
    @Field(key: "status") public var statusName: String
    @OptionalField(key: "published_at") public var publishedAt: Date?
    @OptionalField(key: "withdrawn_at") public var withdrawnAt: Date?
    /// The endorsement's bit in its endorser's Open Badges 3.0 revocation list.
    @OptionalField(key: "status_index") public var statusIndex: Int?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(id: UUID = UUID(), endorserID: UUID?, subjectOrganisationID: UUID, subjectBadgeClassID: UUID?, comment: String,
                status: EndorsementStatus, publishedAt: Date?) {
        self.id = id
        self.$endorser.id = endorserID
        self.$subjectOrganisation.id = subjectOrganisationID
        self.$subjectBadgeClass.id = subjectBadgeClassID
        self.comment = comment
        self.statusName = status.rawValue
        self.publishedAt = publishedAt
    }

    public var status: EndorsementStatus {
        get { EndorsementStatus(rawValue: statusName) ?? .published }
        set { statusName = newValue.rawValue }
    }

    public var subject: EndorsementSubject { $subjectBadgeClass.id == nil ? .organisation : .badgeClass }
}
