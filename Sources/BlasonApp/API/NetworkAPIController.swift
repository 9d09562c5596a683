import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import Vapor

/// `/api/v1` for the partner network: directory, partnerships, endorsements, requests, templates.
/// Every action is taken for an organisation the caller administers.
struct NetworkAPIController: RouteCollection {
    struct DirectoryEntry: Content {
        var id: String
        var slug: String
        var name: String
        var city: String?
        var country: String?
    }

    struct PartnershipItem: Content {
        var id: String
        var partner: DirectoryEntry
        var status: String
        var incoming: Bool
        var createdAt: Date?
        /// Whether either side has a published endorsement of the other organisation (the Réseau filters).
        var weEndorse = false
        var theyEndorseUs = false
    }

    struct PartnershipRequest: Content {
        var partner: String
        var message: String?
    }

    struct PartnershipResponse: Content {
        var accept: Bool
    }

    struct EndorsementItem: Content {
        var id: String
        var endorser: String?
        var endorserName: String
        var subjectOrganisation: String
        var subjectBadgeClass: String?
        var comment: String
        var status: String
        var publishedAt: Date?
        var url: String

        init(_ endorsement: Endorsement, publisher: OB2Publisher) {
            id = endorsement.id!.lowercased
            endorser = endorsement.$endorser.id?.lowercased
            endorserName = endorsement.endorser?.name ?? endorsement.externalName ?? ""
            subjectOrganisation = endorsement.$subjectOrganisation.id.lowercased
            subjectBadgeClass = endorsement.$subjectBadgeClass.id?.lowercased
            comment = endorsement.comment
            status = endorsement.statusName
            publishedAt = endorsement.publishedAt
            url = publisher.url(.endorsement(endorsement.id!))
        }
    }

    struct EndorseBody: Content {
        var organisation: String
        var badgeClass: UUID?
        var comment: String?
        var template: UUID?
    }

    struct ReviewBody: Content {
        var approve: Bool
    }

    struct RequestBody: Content {
        var partner: String?
        var email: String?
        var badgeClass: UUID?
        var message: String?
    }

    struct RequestItem: Content {
        var id: String
        var requester: String
        var endorser: String?
        var externalEmail: String?
        var badgeClass: String?
        var message: String
        var status: String
        var endorsement: String?
    }

    struct AnswerBody: Content {
        var accept: Bool
        var comment: String?
        var template: UUID?
    }

    struct TemplateBody: Content {
        var name: String
        var text: APIModel.Texts
    }

    struct TemplateItem: Content {
        var id: String
        var name: String
        var text: APIModel.Texts
    }

    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1").grouped(APIAuthenticationMiddleware())
        api.get("organisations", ":slug", "directory") { try await directory($0) }
        api.get("organisations", ":slug", "partnerships") { try await partnerships($0) }
        api.post("organisations", ":slug", "partnerships") { try await requestPartnership($0) }
        api.post("partnerships", ":id", "response") { try await respond($0) }
        api.delete("partnerships", ":id") { try await end($0) }
        api.get("organisations", ":slug", "endorsements") { try await endorsements($0) }
        api.post("organisations", ":slug", "endorsements") { try await endorse($0) }
        api.post("endorsements", ":id", "review") { try await review($0) }
        api.delete("endorsements", ":id") { try await withdraw($0) }
        api.get("organisations", ":slug", "endorsement-requests") { try await requests($0) }
        api.post("organisations", ":slug", "endorsement-requests") { try await request($0) }
        api.post("endorsement-requests", ":id", "answer") { try await answer($0) }
        api.get("organisations", ":slug", "endorsement-templates") { try await templates($0) }
        api.post("organisations", ":slug", "endorsement-templates") { try await saveTemplate($0, id: nil) }
        api.put("endorsement-templates", ":id") { try await saveTemplate($0, id: $0.idParameter()) }
        api.delete("endorsement-templates", ":id") { try await deleteTemplate($0) }
    }

    /// The organisation named in the path, which the caller must administer.
    private func administered(_ req: Request) async throws -> UUID {
        let organisation = try await req.organisations.find(req.parameters.require("slug"))
        return try req.requireAPIMembership(organisation.requireID(), .admin).organisationID
    }

    /// For actions on an object: the caller's organisations they administer.
    private func adminOrganisations(_ req: Request) -> [UUID] {
        req.context.memberships.filter { $0.role == .admin }.map(\.organisationID)
    }

    private func entry(_ organisation: Organisation) -> DirectoryEntry {
        DirectoryEntry(id: organisation.id!.lowercased, slug: organisation.slug, name: organisation.name, city: organisation.city, country: organisation.country)
    }

    func directory(_ req: Request) async throws -> [DirectoryEntry] {
        let organisationID = try await administered(req)
        return try await req.network.directory(search: req.query[String.self, at: "search"], excluding: organisationID).map(entry)
    }

    /// `?filter=` as on the Réseau page: all, we-endorse, they-endorse-us, mutual.
    func partnerships(_ req: Request) async throws -> [PartnershipItem] {
        let organisationID = try await administered(req)
        var filter = PartnerFilter.all
        if let raw = req.query[String.self, at: "filter"] {
            guard let parsed = PartnerFilter(rawValue: raw) else { throw BlasonError.invalid("filter", .notAllowedValue(raw)) }
            filter = parsed
        }
        let published = try await Endorsement.query(on: req.db)
            .group(.or) { $0.filter(\.$endorser.$id == organisationID).filter(\.$subjectOrganisation.$id == organisationID) }
            .filter(\.$statusName == EndorsementStatus.published.rawValue).all()
        let weEndorse = Set(published.filter { $0.$endorser.id == organisationID }.map { $0.$subjectOrganisation.id })
        let theyEndorseUs = Set(published.filter { $0.$subjectOrganisation.id == organisationID }.compactMap { $0.$endorser.id })
        return try await req.network.partnerships(of: organisationID).compactMap { partnership in
            let other = partnership.$requester.id == organisationID ? partnership.partner : partnership.requester
            let otherID = try other.requireID()
            guard filter.matches(weEndorse: weEndorse.contains(otherID), theyEndorseUs: theyEndorseUs.contains(otherID)) else { return nil }
            return PartnershipItem(id: partnership.id!.lowercased, partner: entry(other), status: partnership.statusName,
                                   incoming: partnership.$partner.id == organisationID, createdAt: partnership.createdAt,
                                   weEndorse: weEndorse.contains(otherID), theyEndorseUs: theyEndorseUs.contains(otherID))
        }
    }

    func requestPartnership(_ req: Request) async throws -> Response {
        let organisationID = try await administered(req)
        let body = try req.decodeBody(PartnershipRequest.self)
        let partner = try await req.organisations.find(body.partner)
        let partnership = try await req.network.request(from: organisationID, to: partner.requireID(), message: body.message)
        return try await PartnershipItem(id: partnership.id!.lowercased, partner: entry(partner), status: partnership.statusName, incoming: false,
                                         createdAt: partnership.createdAt).encodeResponse(status: .created, for: req)
    }

    /// Runs `action` as the first of the caller's administered organisations it is allowed for.
    private func asAdmin(_ req: Request, _ action: (UUID) async throws -> Void) async throws {
        var lastError: any Error = BlasonError.notFound
        for organisationID in adminOrganisations(req) {
            do { return try await action(organisationID) } catch let error as BlasonError where error == .notFound || error == .forbidden {
                lastError = error
            }
        }
        throw lastError
    }

    /// The caller's administered organisation that `isParty` names, else 403 as on the website:
    /// who may act on an object is settled before its body is read, so a stranger learns nothing
    /// from validation errors.
    private func party(_ req: Request, _ isParty: (UUID) -> Bool) throws -> UUID {
        guard let organisationID = adminOrganisations(req).first(where: isParty) else { throw BlasonError.forbidden }
        return organisationID
    }

    func respond(_ req: Request) async throws -> HTTPStatus {
        let id = try req.idParameter()
        guard let partnership = try await Partnership.find(id, on: req.db) else { throw BlasonError.notFound }
        let organisationID = try party(req) { $0 == partnership.$partner.id || $0 == partnership.$requester.id }
        let body = try req.decodeBody(PartnershipResponse.self)
        try await req.network.respond(id, by: organisationID, accept: body.accept)
        return .noContent
    }

    func end(_ req: Request) async throws -> HTTPStatus {
        let id = try req.idParameter()
        try await asAdmin(req) { try await req.network.end(id, by: $0) }
        return .noContent
    }

    func endorsements(_ req: Request) async throws -> [EndorsementItem] {
        let organisationID = try await administered(req)
        return try await Endorsement.query(on: req.db)
            .group(.or) { $0.filter(\.$endorser.$id == organisationID).filter(\.$subjectOrganisation.$id == organisationID) }
            .with(\.$endorser).sort(\.$createdAt, .descending).all().map { EndorsementItem($0, publisher: req.blason.publisher) }
    }

    private func text(_ req: Request, comment: String?, template: UUID?, organisationID: UUID) async throws -> String {
        if let comment, !comment.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return comment }
        guard let template else { return "" }
        guard let stored = try await EndorsementTemplate.find(template, on: req.db), stored.$organisation.id == organisationID else { throw BlasonError.notFound }
        return stored.textFR
    }

    func endorse(_ req: Request) async throws -> Response {
        let organisationID = try await administered(req)
        let body = try req.decodeBody(EndorseBody.self)
        let subject = try await req.organisations.find(body.organisation)
        let endorsement = try await req.endorsements.endorse(
            by: organisationID, organisation: subject.requireID(), badgeClass: body.badgeClass,
            comment: try await text(req, comment: body.comment, template: body.template, organisationID: organisationID))
        try await endorsement.$endorser.load(on: req.db)
        return try await EndorsementItem(endorsement, publisher: req.blason.publisher).encodeResponse(status: .created, for: req)
    }

    func review(_ req: Request) async throws -> HTTPStatus {
        let id = try req.idParameter()
        guard let endorsement = try await Endorsement.find(id, on: req.db) else { throw BlasonError.notFound }
        let organisationID = try party(req) { $0 == endorsement.$subjectOrganisation.id }
        let body = try req.decodeBody(ReviewBody.self)
        try await req.endorsements.review(id, by: organisationID, approve: body.approve)
        return .noContent
    }

    func withdraw(_ req: Request) async throws -> HTTPStatus {
        let id = try req.idParameter()
        try await asAdmin(req) { try await req.endorsements.withdraw(id, by: $0) }
        return .noContent
    }

    private func item(_ request: EndorsementRequest) -> RequestItem {
        RequestItem(id: request.id!.lowercased, requester: request.$requester.id.lowercased, endorser: request.$endorser.id?.lowercased,
                    externalEmail: request.externalEmail, badgeClass: request.$badgeClass.id?.lowercased, message: request.message,
                    status: request.statusName, endorsement: request.$endorsement.id?.lowercased)
    }

    func requests(_ req: Request) async throws -> [RequestItem] {
        let organisationID = try await administered(req)
        return try await EndorsementRequest.query(on: req.db)
            .group(.or) { $0.filter(\.$requester.$id == organisationID).filter(\.$endorser.$id == organisationID) }
            .sort(\.$createdAt, .descending).all().map(item)
    }

    func request(_ req: Request) async throws -> Response {
        let organisationID = try await administered(req)
        let body = try req.decodeBody(RequestBody.self)
        let request: EndorsementRequest
        if let partner = body.partner {
            let endorser = try await req.organisations.find(partner)
            request = try await req.endorsements.request(by: organisationID, from: endorser.requireID(), badgeClass: body.badgeClass, message: body.message ?? "")
        } else {
            request = try await req.endorsements.requestExternal(by: organisationID, email: body.email ?? "", badgeClass: body.badgeClass,
                                                                 message: body.message ?? "")
        }
        return try await item(request).encodeResponse(status: .created, for: req)
    }

    func answer(_ req: Request) async throws -> HTTPStatus {
        let id = try req.idParameter()
        guard let request = try await EndorsementRequest.find(id, on: req.db) else { throw BlasonError.notFound }
        let organisationID = try party(req) { $0 == request.$endorser.id }
        let body = try req.decodeBody(AnswerBody.self)
        let comment = body.accept ? try await text(req, comment: body.comment, template: body.template, organisationID: organisationID) : nil
        try await req.endorsements.answer(id, by: organisationID, accept: comment)
        return .noContent
    }

    func templates(_ req: Request) async throws -> [TemplateItem] {
        let organisationID = try await administered(req)
        return try await req.endorsements.templates(of: organisationID).map { TemplateItem(id: $0.id!.lowercased, name: $0.name, text: .init($0.text)) }
    }

    func saveTemplate(_ req: Request, id: UUID?) async throws -> Response {
        let organisationID: UUID
        if let id {
            guard let stored = try await EndorsementTemplate.find(id, on: req.db) else { throw BlasonError.notFound }
            organisationID = try party(req) { $0 == stored.$organisation.id }
        } else {
            organisationID = try await administered(req)
        }
        let body = try req.decodeBody(TemplateBody.self)
        let template = try await req.endorsements.saveTemplate(id, organisationID: organisationID, name: body.name,
                                                               text: LocalizedText(fr: body.text.fr, en: body.text.en))
        return try await TemplateItem(id: template.id!.lowercased, name: template.name, text: .init(template.text))
            .encodeResponse(status: id == nil ? .created : .ok, for: req)
    }

    func deleteTemplate(_ req: Request) async throws -> HTTPStatus {
        let id = try req.idParameter()
        try await asAdmin(req) { try await req.endorsements.deleteTemplate(id, organisationID: $0) }
        return .noContent
    }
}
