import BlasonCore
import FluentKit
import Foundation

/// A tenant: a structure that issues badges. The programme's operator is one too.
public final class Organisation: Model, @unchecked Sendable {
    public static let schema = "organisations"

    @ID(key: .id) public var id: UUID?
    @Field(key: "slug") public var slug: String
    @Field(key: "name") public var name: String
    @Field(key: "description_fr") public var descriptionFR: String
    @OptionalField(key: "description_en") public var descriptionEN: String?
    @OptionalField(key: "website") public var website: String?
    @Field(key: "contact_email") public var contactEmail: String
    @OptionalField(key: "city") public var city: String?
    @OptionalField(key: "country") public var country: String?
    @OptionalField(key: "logo_data") public var logoData: Data?
    @OptionalField(key: "logo_type") public var logoType: String?
    @Field(key: "findable") public var findable: Bool
    /// Set for organisations Blason seeds itself (e.g. `normandie.operator`), so later code finds them without names.
    @OptionalField(key: "seed_key") public var seedKey: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(id: UUID? = nil, draft: OrganisationDraft.Valid, seedKey: String? = nil) {
        self.id = id
        self.findable = true
        self.seedKey = seedKey
        apply(draft)
    }

    /// Copies validated fields; the slug is fixed at creation because it is part of URLs and scripts.
    public func apply(_ draft: OrganisationDraft.Valid) {
        if id == nil || slug.isEmpty { slug = draft.slug.value }
        name = draft.name
        descriptionFR = draft.description.fr
        descriptionEN = draft.description.en
        website = draft.website
        contactEmail = draft.contactEmail.value
        city = draft.city
        country = draft.country
    }

    public var description: LocalizedText { LocalizedText(fr: descriptionFR, en: descriptionEN) }
}
