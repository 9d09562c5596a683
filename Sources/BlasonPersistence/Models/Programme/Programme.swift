import BlasonCore
import FluentKit
import Foundation

/// A programme run by an operator organisation: a referential of competencies with levels, one
/// badge class per competency and level, a participant badge, a contact.
public final class Programme: Model, @unchecked Sendable {
    public static let schema = "programmes"

    @ID(key: .id) public var id: UUID?
    @Field(key: "key") public var key: String
    @Parent(key: "operator_id") public var operatorOrganisation: Organisation
    @Field(key: "name_fr") public var nameFR: String
    @OptionalField(key: "name_en") public var nameEN: String?
    @Field(key: "presentation_fr") public var presentationFR: String
    @OptionalField(key: "presentation_en") public var presentationEN: String?
    @Field(key: "level_reminder") public var levelReminder: String
    @Field(key: "contact_email") public var contactEmail: String
    @Parent(key: "participant_badge_class_id") public var participantBadgeClass: BadgeClass
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(key: String, operatorID: UUID, name: LocalizedText, presentation: LocalizedText, levelReminder: String, contactEmail: String,
                participantBadgeClassID: UUID) {
        self.key = key
        self.$operatorOrganisation.id = operatorID
        self.nameFR = name.fr
        self.nameEN = name.en
        self.presentationFR = presentation.fr
        self.presentationEN = presentation.en
        self.levelReminder = levelReminder
        self.contactEmail = contactEmail
        self.$participantBadgeClass.id = participantBadgeClassID
    }

    public var name: LocalizedText { LocalizedText(fr: nameFR, en: nameEN) }
    public var presentation: LocalizedText { LocalizedText(fr: presentationFR, en: presentationEN) }
}
