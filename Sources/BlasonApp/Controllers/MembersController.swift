import BlasonCore
import BlasonPersistence
import Fluent
import Vapor

/// Administration › Members and roles.
struct MembersController {
    struct AddForm: Content {
        var email: String?
        var role: String?
    }

    func list(_ req: Request, form: AddForm? = nil, issues: [FieldIssue] = []) async throws -> Response {
        let current = try req.requireOrganisation(.admin)
        let members = try await req.organisations.members(of: current.organisationID).map {
            AdministrationPages.MembersModel.Member(membershipID: $0.id!, name: $0.user.name, email: $0.user.email, role: $0.role)
        }
        let model = AdministrationPages.MembersModel(members: members, email: form?.email ?? "",
                                                     role: form?.role.flatMap(Role.init(rawValue:)) ?? .issuer, issues: issues)
        return HTMLResponse.make(AdministrationPages.members(model, page: PageContext(request: req, title: req.t(.membersTitle))),
                                 status: issues.isEmpty ? .ok : .unprocessableEntity)
    }

    func add(_ req: Request) async throws -> Response {
        let current = try req.requireOrganisation(.admin)
        let form = try req.decodeBody(AddForm.self)
        do {
            guard let role = form.role.flatMap(Role.init(rawValue:)) else { throw BlasonError.invalid("role", .notAllowedValue(form.role ?? "")) }
            try await req.organisations.addMember(email: form.email ?? "", role: role, to: current.organisationID)
            req.flash(req.t(.memberAddedNotice))
            return req.redirect(to: SiteRoute.members.path)
        } catch BlasonError.invalid(let issues) {
            return try await list(req, form: form, issues: issues)
        }
    }

    func changeRole(_ req: Request) async throws -> Response {
        let current = try req.requireOrganisation(.admin)
        let id = try req.idParameter()
        // Another organisation's member is "not found" whatever the form says.
        guard let membership = try await Membership.find(id, on: req.db), membership.$organisation.id == current.organisationID else {
            throw BlasonError.notFound
        }
        let raw = (try? req.content.get(String.self, at: "role")) ?? ""
        guard let role = Role(rawValue: raw) else { throw BlasonError.invalid("role", .notAllowedValue(raw)) }
        try await req.organisations.changeRole(membershipID: id, in: current.organisationID, to: role)
        req.flash(req.t(.roleChangedNotice))
        return req.redirect(to: SiteRoute.members.path)
    }

    func remove(_ req: Request) async throws -> Response {
        let current = try req.requireOrganisation(.admin)
        let id = try req.idParameter()
        try await req.organisations.removeMember(membershipID: id, from: current.organisationID)
        req.flash(req.t(.memberRemovedNotice))
        return req.redirect(to: SiteRoute.members.path)
    }
}
