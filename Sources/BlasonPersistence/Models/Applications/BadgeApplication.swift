import BlasonCore
import FluentKit
import Foundation

/// One request for a badge, by a person or an organisation.
public final class BadgeApplication: Model, @unchecked Sendable {
    public static let schema = "applications"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "form_id") public var form: ApplicationForm
    @Parent(key: "badge_class_id") public var badgeClass: BadgeClass
    /// The organisation that reviews it (the badge class's), for its queue.
    @Parent(key: "organisation_id") public var organisation: Organisation
    @Field(key: "applicant_name") public var applicantName: String
    @Field(key: "applicant_email") public var applicantEmail: String
    @OptionalParent(key: "applicant_organisation_id") public var applicantOrganisation: Organisation?
    @OptionalParent(key: "applicant_user_id") public var applicantUser: User?
    @Field(key: "language") public var languageCode: String
    @Field(key: "status") public var statusName: String
    /// The secret of the applicant's own link to follow and edit the application. Kept in clear,
    /// like any capability URL, because every later e-mail must carry the same link.
    @Field(key: "access_token") public var accessToken: String
    @Field(key: "revision") public var revision: Int
    @OptionalField(key: "submitted_at") public var submittedAt: Date?
    @OptionalField(key: "decided_at") public var decidedAt: Date?
    @OptionalField(key: "decision_note") public var decisionNote: String?
    @OptionalParent(key: "award_id") public var award: Award?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(id: UUID = UUID(), formID: UUID, badgeClassID: UUID, organisationID: UUID, applicantName: String, applicantEmail: String,
                applicantOrganisationID: UUID?, applicantUserID: UUID?, language: Language, status: ApplicationStatus, accessToken: String) {
        self.id = id
        self.$form.id = formID
        self.$badgeClass.id = badgeClassID
        self.$organisation.id = organisationID
        self.applicantName = applicantName
        self.applicantEmail = applicantEmail
        self.$applicantOrganisation.id = applicantOrganisationID
        self.$applicantUser.id = applicantUserID
        self.languageCode = language.rawValue
        self.statusName = status.rawValue
        self.accessToken = accessToken
        self.revision = 1
    }

    public var status: ApplicationStatus {
        get { ApplicationStatus(rawValue: statusName) ?? .pending }
        set { statusName = newValue.rawValue }
    }

    public var language: Language { Language(rawValue: languageCode) ?? .default }
}
