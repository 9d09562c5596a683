import BlasonCore
import BlasonPersistence
import Fluent
import Vapor

/// "Réseau": partners, endorsements, requests and templates of the current organisation (its admins).
struct NetworkController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let network = routes.grouped("network")
        network.get { try await page($0) }
        network.get("partners", "new") { try await confirmPartner($0) }
        network.post("partners") { try await addPartner($0) }
        for action in ["accept", "decline", "end"] {
            network.post("partnerships", ":id", PathComponent(stringLiteral: action)) { try await partnership($0, action) }
        }
        network.post("endorse") { try await endorse($0) }
        for action in ["withdraw", "approve", "decline"] {
            network.post("endorsements", ":id", PathComponent(stringLiteral: action)) { try await endorsementAction($0, action) }
        }
        network.post("requests") { try await request($0) }
        network.post("requests", ":id", "accept") { try await answer($0, accept: true) }
        network.post("requests", ":id", "decline") { try await answer($0, accept: false) }
        network.post("templates") { try await saveTemplate($0, id: nil) }
        network.post("templates", ":id") { try await saveTemplate($0, id: req(id: $0)) }
        network.post("templates", ":id", "delete") { try await deleteTemplate($0) }
        network.post("digest") { try await digest($0) }
    }

    private func req(id request: Request) throws -> UUID { try request.idParameter() }

    private func field(_ req: Request, _ name: String) -> String { (try? req.content.get(String.self, at: name)) ?? "" }

    func page(_ req: Request, issues: [FieldIssue] = [], drafts: [String: (template: String, text: String)] = [:]) async throws -> Response {
        let current = try req.requireOrganisation(.admin)
        var model = try await NetworkPageModel.build(req, organisationID: current.organisationID, issues: issues)
        model.drafts = drafts
        return HTMLResponse.make(NetworkPage.render(model, page: PageContext(request: req, title: req.t(.networkTitle))),
                                 status: issues.isEmpty ? .ok : .unprocessableEntity)
    }

    /// "Ajouter un nouveau partenaire" → the organisation chosen → confirm.
    func confirmPartner(_ req: Request) async throws -> Response {
        _ = try req.requireOrganisation(.admin)
        guard let id = req.query[String.self, at: "organisation"].flatMap(UUID.init(uuidString:)),
              let organisation = try await Organisation.find(id, on: req.db), organisation.findable else { throw BlasonError.notFound }
        return HTMLResponse.make(NetworkPages.confirmPartner(id: id, name: organisation.name, page: PageContext(request: req, title: req.t(.confirmPartnerTitle))))
    }

    func addPartner(_ req: Request) async throws -> Response {
        let current = try req.requireOrganisation(.admin)
        guard let partner = UUID(uuidString: field(req, "organisation")) else { throw BlasonError.invalid("partner", .required) }
        return try await change(req, notice: .partnershipRequestedNotice) {
            _ = try await req.network.request(from: current.organisationID, to: partner, message: field(req, "message"))
        }
    }

    /// Makes one change from the Réseau page: a form error shows the page again with it; success
    /// goes back to the page with `notice`.
    private func change(_ req: Request, notice: Catalogue.Key, anchor: String = "",
                        _ work: () async throws -> Void) async throws -> Response {
        do {
            try await work()
        } catch BlasonError.invalid(let issues) {
            return try await page(req, issues: issues)
        }
        req.flash(req.t(notice))
        return req.redirect(to: SiteRoute.network.path + anchor)
    }

    func partnership(_ req: Request, _ action: String) async throws -> Response {
        let current = try req.requireOrganisation(.admin)
        let id = try req.idParameter()
        return try await change(req, notice: .networkSavedNotice) {
            switch action {
            case "end": try await req.network.end(id, by: current.organisationID)
            default: try await req.network.respond(id, by: current.organisationID, accept: action == "accept")
            }
        }
    }

    /// The text typed, or else the chosen template's text (in French, the programme's language).
    private func text(_ req: Request, organisationID: UUID) async throws -> String {
        let typed = field(req, "comment")
        guard typed.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, let templateID = UUID(uuidString: field(req, "template")) else { return typed }
        guard let template = try await EndorsementTemplate.find(templateID, on: req.db), template.$organisation.id == organisationID else {
            throw BlasonError.notFound
        }
        return template.text.text(in: req.context.language)
    }

    /// "Partir de ce modèle": the page again with the template's text in the box `box`, nothing saved.
    private func startingFromTemplate(_ req: Request, box: String, organisationID: UUID) async throws -> Response? {
        guard field(req, "step") == "prefill" else { return nil }
        guard let templateID = UUID(uuidString: field(req, "template")),
              let template = try await EndorsementTemplate.find(templateID, on: req.db), template.$organisation.id == organisationID else {
            return try await page(req, issues: [FieldIssue(field: "template", problem: .required)])
        }
        return try await page(req, drafts: [box: (templateID.uuidString, template.text.text(in: req.context.language))])
    }

    func endorse(_ req: Request) async throws -> Response {
        let current = try req.requireOrganisation(.admin)
        guard let subject = UUID(uuidString: field(req, "organisation")) else { throw BlasonError.invalid("organisation", .required) }
        if let partnership = try await Partnership.query(on: req.db).group(.or, { $0
                .group(.and) { $0.filter(\.$requester.$id == current.organisationID).filter(\.$partner.$id == subject) }
                .group(.and) { $0.filter(\.$partner.$id == current.organisationID).filter(\.$requester.$id == subject) } })
                .filter(\.$statusName == PartnershipStatus.accepted.rawValue).first(),
           let prefilled = try await startingFromTemplate(req, box: "endorse-comment-\(partnership.id!.uuidString.lowercased().prefix(8))",
                                                          organisationID: current.organisationID) {
            return prefilled
        }
        return try await change(req, notice: .endorsementPublishedNotice) {
            _ = try await req.endorsements.endorse(by: current.organisationID, organisation: subject, badgeClass: UUID(uuidString: field(req, "badge_class")),
                                                   comment: try await text(req, organisationID: current.organisationID))
        }
    }

    func endorsementAction(_ req: Request, _ action: String) async throws -> Response {
        let current = try req.requireOrganisation(.admin)
        let id = try req.idParameter()
        return try await change(req, notice: .networkSavedNotice) {
            switch action {
            case "withdraw": try await req.endorsements.withdraw(id, by: current.organisationID)
            default: try await req.endorsements.review(id, by: current.organisationID, approve: action == "approve")
            }
        }
    }

    /// Ask a partner (`partner`) or an outsider (`email`) to endorse us or one of our badge classes.
    func request(_ req: Request) async throws -> Response {
        let current = try req.requireOrganisation(.admin)
        let badgeClass = UUID(uuidString: field(req, "badge_class"))
        return try await change(req, notice: .requestSentNotice) {
            if let partner = UUID(uuidString: field(req, "partner")) {
                _ = try await req.endorsements.request(by: current.organisationID, from: partner, badgeClass: badgeClass, message: field(req, "message"))
            } else {
                _ = try await req.endorsements.requestExternal(by: current.organisationID, email: field(req, "email"), badgeClass: badgeClass,
                                                               message: field(req, "message"))
            }
        }
    }

    func answer(_ req: Request, accept: Bool) async throws -> Response {
        let current = try req.requireOrganisation(.admin)
        if accept, let prefilled = try await startingFromTemplate(req, box: "request-comment-\(try req.idParameter().uuidString.lowercased().prefix(8))",
                                                                  organisationID: current.organisationID) {
            return prefilled
        }
        return try await change(req, notice: accept ? .endorsementPublishedNotice : .networkSavedNotice) {
            let comment = accept ? try await text(req, organisationID: current.organisationID) : nil
            try await req.endorsements.answer(req.idParameter(), by: current.organisationID, accept: comment)
        }
    }

    func saveTemplate(_ req: Request, id: UUID?) async throws -> Response {
        let current = try req.requireOrganisation(.admin)
        return try await change(req, notice: .networkSavedNotice, anchor: "#templates") {
            _ = try await req.endorsements.saveTemplate(id, organisationID: current.organisationID, name: field(req, "template_name"),
                                                        text: LocalizedText(fr: field(req, "template_fr"), en: field(req, "template_en")))
        }
    }

    func deleteTemplate(_ req: Request) async throws -> Response {
        let current = try req.requireOrganisation(.admin)
        try await req.endorsements.deleteTemplate(req.idParameter(), organisationID: current.organisationID)
        return req.redirect(to: SiteRoute.network.path + "#templates")
    }

    func digest(_ req: Request) async throws -> Response {
        let userID = try req.requireUserID()
        try await NotificationSettings(db: req.db).set(.endorsementDigest, enabled: !field(req, "digest").isEmpty, userID: userID)
        req.flash(req.t(.networkSavedNotice))
        return req.redirect(to: SiteRoute.network.path + "#external")
    }
}
