import Foundation
import BlasonCore
import Plot

/// Creating an organisation, and editing its profile.
enum OrganisationFormPage {
    struct Model {
        var isNew: Bool
        var organisationID: UUID?
        var name = ""
        var slug = ""
        var descriptionFR = ""
        var descriptionEN = ""
        var website = ""
        var contactEmail = ""
        var city = ""
        var country = ""
        var findable = true
        var hasLogo = false
        var issues: [FieldIssue] = []
    }

    static func render(_ model: Model, page: PageContext) -> String {
        let t = page.t
        let action = model.isNew ? SiteRoute.organisationNew : SiteRoute.organisationSettings
        return Layout.render(page, main: .group(
            .h1(.text(t(model.isNew ? .organisationNewTitle : .organisationSettingsTitle))),
            .unwrap(model.organisationID) { .p(.a(.href(SiteRoute.issuer($0).path), .text(t(.publicProfileLink)))) },
            Components.errorSummary(model.issues, t),
            .form(.method(.post), .action(action.path), .enctype(.multipartData), .attribute(named: "novalidate"),
                  Layout.csrfField(page.csrf),
                  Components.input("name", label: t(.organisationName), value: model.name, options: .init(required: true), issues: model.issues, t),
                  .if(model.isNew, Components.input("slug", label: t(.organisationSlug), value: model.slug,
                                                    options: .init(hint: t(.organisationSlugHint)), issues: model.issues, t)),
                  Components.textarea("description_fr", label: t(.organisationDescriptionFR), value: model.descriptionFR, rows: 3,
                                      language: .fr, issues: model.issues, t),
                  Components.textarea("description_en", label: t(.organisationDescriptionEN), value: model.descriptionEN, rows: 3,
                                      language: .en, issues: model.issues, t),
                  Components.input("contact_email", label: t(.organisationContactEmail), value: model.contactEmail,
                                   options: .init(type: .email, required: true, autocomplete: "email"), issues: model.issues, t),
                  Components.input("website", label: t(.organisationWebsite), value: model.website,
                                   options: .init(type: .url, autocomplete: "url"), issues: model.issues, t),
                  .div(.class("field-row"),
                       Components.input("city", label: t(.organisationCity), value: model.city, issues: model.issues, t),
                       Components.input("country", label: t(.organisationCountry), value: model.country, issues: model.issues, t)),
                  Components.input("logo", label: t(.organisationLogo), value: nil,
                                   options: .init(type: .file, hint: t(.organisationLogoHint)), issues: model.issues, t),
                  .if(!model.isNew, Components.checkbox("findable", label: t(.organisationFindable), checked: model.findable)),
                  Components.submit(t(model.isNew ? .createButton : .saveButton)))
        ))
    }
}
