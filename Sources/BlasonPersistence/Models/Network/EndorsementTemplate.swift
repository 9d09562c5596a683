import BlasonCore
import FluentKit
import Foundation

/// A named, reusable endorsement text of an organisation ("Modèle d'endossement").
public final class EndorsementTemplate: Model, @unchecked Sendable {
    public static let schema = "endorsement_templates"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "organisation_id") public var organisation: Organisation
    @Field(key: "name") public var name: String
    @Field(key: "text_fr") public var textFR: String
    @OptionalField(key: "text_en") public var textEN: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(organisationID: UUID, name: String, text: LocalizedText) {
        self.$organisation.id = organisationID
        self.name = name
        self.textFR = text.fr
        self.textEN = text.en
    }

    public var text: LocalizedText { LocalizedText(fr: textFR, en: textEN) }
}
