import Foundation

/// What an admin submits to create or edit an organisation. The logo is checked by the Open Badges library.
public struct OrganisationDraft: Equatable, Sendable {
    public var name: String
    public var slug: String
    public var description: LocalizedText
    public var website: String?
    public var contactEmail: String
    public var city: String?
    public var country: String?

    public init(name: String, slug: String, description: LocalizedText = LocalizedText(fr: ""), website: String? = nil,
                contactEmail: String, city: String? = nil, country: String? = nil) {
        self.name = name
        self.slug = slug
        self.description = description
        self.website = website
        self.contactEmail = contactEmail
        self.city = city
        self.country = country
    }

    public struct Valid: Equatable, Sendable {
        public var name: String
        public var slug: Slug
        public var description: LocalizedText
        public var website: String?
        public var contactEmail: EmailAddress
        public var city: String?
        public var country: String?
    }

    /// Checks every field; an empty slug is derived from the name.
    public func validated() throws(BlasonError) -> Valid {
        var issues: [FieldIssue] = []
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { issues.append(FieldIssue(field: "name", problem: .required)) }
        if name.count > 200 { issues.append(FieldIssue(field: "name", problem: .tooLong(max: 200))) }
        let slugText = slug.trimmingCharacters(in: .whitespaces)
        let slug = slugText.isEmpty ? Slug.derived(from: name) : Slug(slugText)
        if slug == nil, !name.isEmpty || !slugText.isEmpty { issues.append(FieldIssue(field: "slug", problem: .invalidSlug)) }
        let email = EmailAddress(contactEmail)
        if email == nil {
            issues.append(FieldIssue(field: "contact_email", problem: contactEmail.isEmpty ? .required : .invalidEmail(contactEmail)))
        }
        let website = WebURL.optional(website, field: "website", issues: &issues)
        let description = LocalizedText(fr: self.description.fr.trimmingCharacters(in: .whitespacesAndNewlines), en: self.description.en.nilIfBlank)
        if description.fr.count > 5000 || (description.en?.count ?? 0) > 5000 {
            issues.append(FieldIssue(field: "description_fr", problem: .tooLong(max: 5000)))
        }
        guard issues.isEmpty, let slug, let email else { throw .invalid(issues) }
        return Valid(name: name, slug: slug, description: description, website: website, contactEmail: email,
                     city: city.nilIfBlank, country: country.nilIfBlank)
    }
}
