import BlasonCore
import FluentKit
import Foundation

/// Applications opened on a badge class: the form, the review method, and the rules.
public final class ApplicationForm: Model, @unchecked Sendable {
    public static let schema = "application_forms"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "badge_class_id") public var badgeClass: BadgeClass
    @Parent(key: "organisation_id") public var organisation: Organisation
    @Field(key: "is_open") public var isOpen: Bool
    @Field(key: "review_method") public var reviewMethodName: String
    @Field(key: "applicant_kind") public var applicantKindName: String
    @Field(key: "intro_fr") public var introFR: String
    @OptionalField(key: "intro_en") public var introEN: String?
    /// The questions as JSON: edited as a whole, never queried by value.
    @Field(key: "questions_json") public var questionsJSON: String
    @OptionalField(key: "closes_at") public var closesAt: Date?
    @OptionalField(key: "applicant_limit") public var applicantLimit: Int?
    @Field(key: "jury_threshold") public var juryThreshold: Int
    @OptionalField(key: "claim_code_hash") public var claimCodeHash: String?
    /// Names of approval preconditions registered by other features (see `ApplicationHooks`).
    @Field(key: "preconditions_json") public var preconditionsJSON: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(badgeClassID: UUID, organisationID: UUID, draft: ApplicationFormDraft, claimCodeHash: String?) {
        self.$badgeClass.id = badgeClassID
        self.$organisation.id = organisationID
        self.isOpen = true
        self.reviewMethodName = draft.reviewMethod.rawValue
        self.claimCodeHash = claimCodeHash
        self.preconditionsJSON = "[]"
        apply(draft)
    }

    /// The review method is fixed once applications are open; everything else may change.
    public func apply(_ draft: ApplicationFormDraft) {
        applicantKindName = draft.applicantKind.rawValue
        introFR = draft.introduction.fr
        introEN = draft.introduction.en
        questionsJSON = (try? String(decoding: JSONEncoder().encode(draft.questions), as: UTF8.self)) ?? "[]"
        closesAt = draft.closesAt
        applicantLimit = draft.applicantLimit
        juryThreshold = draft.juryThreshold
    }

    public var reviewMethod: ReviewMethod { ReviewMethod(rawValue: reviewMethodName) ?? .single }
    public var applicantKind: ApplicantKind { ApplicantKind(rawValue: applicantKindName) ?? .person }
    public var introduction: LocalizedText { LocalizedText(fr: introFR, en: introEN) }
    public var questions: [ApplicationQuestion] { (try? JSONDecoder().decode([ApplicationQuestion].self, from: Data(questionsJSON.utf8))) ?? [] }

    public var preconditions: [String] {
        get { (try? JSONDecoder().decode([String].self, from: Data(preconditionsJSON.utf8))) ?? [] }
        set { preconditionsJSON = (try? String(decoding: JSONEncoder().encode(newValue), as: UTF8.self)) ?? "[]" }
    }
}
