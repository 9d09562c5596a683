import BlasonCore
import BlasonPersistence
import Fluent
import Vapor

/// Sharing our badge classes with partners, and answering what partners share with us (admins).
struct ShareController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let shares = routes.grouped("network", "shares")
        shares.get("new") { try await form($0) }
        shares.post { try await share($0) }
        for action in ["accept", "decline", "end"] {
            shares.post(":id", PathComponent(stringLiteral: action)) { try await act($0, action) }
        }
    }

    private func model(_ req: Request, organisationID: UUID) async throws -> SharingViews.FormModel {
        let language = req.context.language
        let badges = try await req.badgeClasses.list(organisationID: organisationID, includeArchived: false)
            .map { (value: $0.id!.uuidString, label: $0.name.text(in: language)) }
        var partners: [(value: String, label: String)] = []
        for partnership in try await req.network.partnerships(of: organisationID) where partnership.status == .accepted {
            let other = partnership.$requester.id == organisationID ? partnership.partner : partnership.requester
            partners.append((value: other.id!.uuidString, label: other.name))
        }
        return .init(badges: badges, partners: partners.sorted { $0.label < $1.label })
    }

    func form(_ req: Request) async throws -> Response {
        let current = try req.requireOrganisation(.admin)
        var model = try await model(req, organisationID: current.organisationID)
        model.badgeClass = req.query[String.self, at: "badge_class"] ?? ""
        return HTMLResponse.make(SharingViews.form(model, page: PageContext(request: req, title: req.t(.shareTitle), needsForm: true)))
    }

    /// One share per chosen partner, all or none.
    func share(_ req: Request) async throws -> Response {
        let current = try req.requireOrganisation(.admin)
        func field(_ name: String) -> String { (try? req.content.get(String.self, at: name)) ?? "" }
        let chosen = (try? req.content.get([String].self, at: "partners")) ?? []
        let (badgeField, modeField, instructions) = (field("badge_class"), field("mode"), field("instructions"))
        do {
            var issues: [FieldIssue] = []
            let badgeClassID = UUID(uuidString: badgeField)
            if badgeClassID == nil { issues.append(FieldIssue(field: "badge_class", problem: .required)) }
            let mode = ShareMode(rawValue: modeField)
            if mode == nil { issues.append(FieldIssue(field: "mode", problem: .required)) }
            let partners = chosen.compactMap(UUID.init(uuidString:))
            if partners.isEmpty { issues.append(FieldIssue(field: "partners", problem: .required)) }
            guard issues.isEmpty, let badgeClassID, let mode else { throw BlasonError.invalid(issues) }
            let badgeClass = try await req.badgeClasses.find(badgeClassID, in: current.organisationID)
            let blason = req.blason
            try await req.db.transactionRetrying { db in
                let service = ShareService(db: db, clock: blason.clock, configuration: blason.configuration)
                for partner in partners {
                    _ = try await service.share(badgeClass, by: current.organisationID, with: partner, mode: mode, instructions: instructions)
                }
            }
        } catch BlasonError.invalid(let issues) {
            var model = try await model(req, organisationID: current.organisationID)
            model.badgeClass = badgeField
            model.mode = modeField.isEmpty ? ShareMode.link.rawValue : modeField
            model.chosen = Set(chosen)
            model.instructions = instructions
            model.issues = issues
            return HTMLResponse.make(SharingViews.form(model, page: PageContext(request: req, title: req.t(.shareTitle), needsForm: true)),
                                     status: .unprocessableEntity)
        }
        req.flash(req.t(.shareSentNotice))
        return req.redirect(to: SiteRoute.network.path + "#shared-with-partners")
    }

    func act(_ req: Request, _ action: String) async throws -> Response {
        let current = try req.requireOrganisation(.admin)
        let id = try req.idParameter()
        switch action {
        case "end":
            try await req.shares.end(id, by: current.organisationID)
            req.flash(req.t(.networkSavedNotice))
            return req.redirect(to: SiteRoute.network.path + "#shared-with-partners")
        default:
            try await req.shares.respond(id, by: current.organisationID, accept: action == "accept")
            req.flash(req.t(.networkSavedNotice))
            return req.redirect(to: SiteRoute.network.path + "#shared-with-us")
        }
    }
}
