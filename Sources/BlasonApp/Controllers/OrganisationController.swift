import BlasonCore
import BlasonPersistence
import Fluent
import Vapor

/// Creating organisations, switching between them, and the Administration section.
struct OrganisationController: RouteCollection {
    struct OrganisationForm: Content {
        var name: String?
        var slug: String?
        var description_fr: String?
        var description_en: String?
        var website: String?
        var contact_email: String?
        var city: String?
        var country: String?
        var findable: String?
        var logo: File?

        var draft: OrganisationDraft {
            OrganisationDraft(name: name ?? "", slug: slug ?? "", description: LocalizedText(fr: description_fr ?? "", en: description_en),
                              website: website, contactEmail: contact_email ?? "", city: city, country: country)
        }

        func model(isNew: Bool, organisationID: UUID?, issues: [FieldIssue]) -> OrganisationFormPage.Model {
            OrganisationFormPage.Model(isNew: isNew, organisationID: organisationID, name: name ?? "", slug: slug ?? "",
                                       descriptionFR: description_fr ?? "", descriptionEN: description_en ?? "", website: website ?? "",
                                       contactEmail: contact_email ?? "", city: city ?? "", country: country ?? "",
                                       findable: findable != nil, issues: issues)
        }
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("organisations", "new") { req in
            _ = try req.requireUserID()
            let model = OrganisationFormPage.Model(isNew: true, contactEmail: req.context.userEmail ?? "")
            return HTMLResponse.make(OrganisationFormPage.render(model, page: PageContext(request: req, title: req.t(.organisationNewTitle))))
        }
        routes.post("organisations", "new") { try await create($0) }
        routes.post("organisations", "switch") { try await switchOrganisation($0) }
        routes.get("admin") { req in
            _ = try req.requireOrganisation(.admin)
            return HTMLResponse.make(AdministrationPages.hub(page: PageContext(request: req, title: req.t(.administrationTitle))))
        }
        routes.get("admin", "organisation") { try await settings($0) }
        routes.post("admin", "organisation") { try await saveSettings($0) }
        let members = MembersController()
        routes.get("admin", "members") { try await members.list($0) }
        routes.post("admin", "members") { try await members.add($0) }
        routes.post("admin", "members", ":id", "role") { try await members.changeRole($0) }
        routes.post("admin", "members", ":id", "remove") { try await members.remove($0) }
        let tokens = TokensController()
        routes.get("admin", "tokens") { try await tokens.list($0) }
        routes.post("admin", "tokens") { try await tokens.create($0) }
        routes.post("admin", "tokens", ":id", "revoke") { try await tokens.revoke($0) }
    }

    func create(_ req: Request) async throws -> Response {
        let userID = try req.requireUserID()
        let form = try req.decodeBody(OrganisationForm.self)
        do {
            let organisation = try await req.organisations.create(form.draft, logo: form.logo?.nonEmptyData, creatorID: userID)
            req.session.data["organisation"] = organisation.id?.uuidString
            req.flash(req.t(.organisationCreatedNotice))
            return req.redirect(to: SiteRoute.dashboard.path)
        } catch BlasonError.invalid(let issues) {
            let page = PageContext(request: req, title: req.t(.organisationNewTitle))
            return HTMLResponse.make(OrganisationFormPage.render(form.model(isNew: true, organisationID: nil, issues: issues), page: page),
                                     status: .unprocessableEntity)
        }
    }

    func switchOrganisation(_ req: Request) async throws -> Response {
        _ = try req.requireUserID()
        let chosen = try req.content.get(String.self, at: "organisation")
        guard let id = UUID(uuidString: chosen), req.context.memberships.contains(where: { $0.organisationID == id }) else {
            throw BlasonError.forbidden
        }
        req.session.data["organisation"] = id.uuidString
        return req.redirect(to: SiteRoute.dashboard.path)
    }

    func settings(_ req: Request) async throws -> Response {
        let current = try req.requireOrganisation(.admin)
        guard let organisation = try await Organisation.find(current.organisationID, on: req.db) else { throw BlasonError.notFound }
        let model = OrganisationFormPage.Model(
            isNew: false, organisationID: organisation.id, name: organisation.name, slug: organisation.slug,
            descriptionFR: organisation.descriptionFR, descriptionEN: organisation.descriptionEN ?? "", website: organisation.website ?? "",
            contactEmail: organisation.contactEmail, city: organisation.city ?? "", country: organisation.country ?? "",
            findable: organisation.findable, hasLogo: organisation.logoData != nil)
        return HTMLResponse.make(OrganisationFormPage.render(model, page: PageContext(request: req, title: req.t(.organisationSettingsTitle))))
    }

    func saveSettings(_ req: Request) async throws -> Response {
        let current = try req.requireOrganisation(.admin)
        guard let organisation = try await Organisation.find(current.organisationID, on: req.db) else { throw BlasonError.notFound }
        let form = try req.decodeBody(OrganisationForm.self)
        do {
            try await req.organisations.update(organisation, draft: form.draft, logo: form.logo?.nonEmptyData, findable: form.findable != nil)
            req.flash(req.t(.savedNotice))
            return req.redirect(to: SiteRoute.organisationSettings.path)
        } catch BlasonError.invalid(let issues) {
            let page = PageContext(request: req, title: req.t(.organisationSettingsTitle))
            return HTMLResponse.make(OrganisationFormPage.render(form.model(isNew: false, organisationID: organisation.id, issues: issues), page: page),
                                     status: .unprocessableEntity)
        }
    }
}

extension File {
    /// The uploaded bytes, or nil for a file field left empty (browsers still send an empty part).
    var nonEmptyData: Data? {
        data.readableBytes > 0 ? Data(buffer: data) : nil
    }
}
