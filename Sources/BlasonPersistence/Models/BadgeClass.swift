import BlasonCore
import FluentKit
import Foundation

/// The template of a badge: what is awarded, with its image, texts in French and English, and rules.
public final class BadgeClass: Model, @unchecked Sendable {
    public static let schema = "badge_classes"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "organisation_id") public var organisation: Organisation
    @Field(key: "name_fr") public var nameFR: String
    @OptionalField(key: "name_en") public var nameEN: String?
    @Field(key: "description_fr") public var descriptionFR: String
    @OptionalField(key: "description_en") public var descriptionEN: String?
    @Field(key: "criteria_fr") public var criteriaFR: String
    @OptionalField(key: "criteria_en") public var criteriaEN: String?
    @OptionalField(key: "criteria_url") public var criteriaURL: String?
    /// JSON arrays kept as text: portable between SQLite and PostgreSQL, and never queried by value.
    @Field(key: "tags_json") public var tagsJSON: String
    @Field(key: "alignments_json") public var alignmentsJSON: String
    @OptionalField(key: "expiry") public var expiryValue: String?
    @Field(key: "image_data") public var imageData: Data
    @Field(key: "image_type") public var imageType: String
    @OptionalField(key: "archived_at") public var archivedAt: Date?
    @OptionalField(key: "seed_key") public var seedKey: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(id: UUID? = nil, organisationID: UUID, draft: BadgeClassDraft, imageData: Data, imageType: String, seedKey: String? = nil) {
        self.id = id
        self.$organisation.id = organisationID
        self.imageData = imageData
        self.imageType = imageType
        self.seedKey = seedKey
        apply(draft)
    }

    public func apply(_ draft: BadgeClassDraft) {
        nameFR = draft.name.fr
        nameEN = draft.name.en
        descriptionFR = draft.description.fr
        descriptionEN = draft.description.en
        criteriaFR = draft.criteria.fr
        criteriaEN = draft.criteria.en
        criteriaURL = draft.criteriaURL
        tagsJSON = Self.encode(draft.tags)
        alignmentsJSON = Self.encode(draft.alignments)
        expiryValue = draft.expiry?.storageValue
    }

    public var name: LocalizedText { LocalizedText(fr: nameFR, en: nameEN) }
    public var summary: LocalizedText { LocalizedText(fr: descriptionFR, en: descriptionEN) }
    public var criteria: LocalizedText { LocalizedText(fr: criteriaFR, en: criteriaEN) }
    public var tags: [String] { Self.decode(tagsJSON) ?? [] }
    public var alignments: [Alignment] { Self.decode(alignmentsJSON) ?? [] }
    public var expiry: ExpiryPeriod? { expiryValue.flatMap(ExpiryPeriod.init(storageValue:)) }
    public var isArchived: Bool { archivedAt != nil }

    /// The draft this badge class was made from, to pre-fill the edit form.
    public var draft: BadgeClassDraft {
        BadgeClassDraft(name: name, description: summary, criteria: criteria, criteriaURL: criteriaURL,
                        tags: tags, alignments: alignments, expiry: expiry)
    }

    private static func encode<T: Encodable>(_ value: T) -> String {
        (try? String(decoding: JSONEncoder().encode(value), as: UTF8.self)) ?? "[]"
    }

    private static func decode<T: Decodable>(_ text: String) -> T? {
        try? JSONDecoder().decode(T.self, from: Data(text.utf8))
    }
}
