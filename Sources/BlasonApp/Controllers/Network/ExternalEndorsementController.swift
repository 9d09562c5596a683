import BlasonCore
import BlasonPersistence
import Fluent
import Vapor

/// The page an outsider reaches from their e-mail to write an endorsement.
struct ExternalEndorsementController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("endorse", ":token") { try await show($0) }
        routes.post("endorse", ":token") { try await write($0) }
    }

    func show(_ req: Request, issues: [FieldIssue] = [], typed: [String: String] = [:]) async throws -> Response {
        let secret = req.parameters.get("token") ?? ""
        let (request, _) = try await req.endorsements.externalRequest(secret: secret)
        let subject = EndorsementService.subjectLabel(request.requester, request.badgeClass)
        let model = NetworkPages.ExternalModel(secret: secret, organisation: request.requester.name, subject: subject, message: request.message,
                                               name: typed["name"] ?? "", affiliation: typed["affiliation"] ?? "", comment: typed["comment"] ?? "",
                                               issues: issues)
        let response = HTMLResponse.make(NetworkPages.external(model, page: PageContext(request: req, title: req.t(.endorsementsHeading), needsForm: true)),
                                         status: issues.isEmpty ? .ok : .unprocessableEntity)
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
        return response
    }

    func write(_ req: Request) async throws -> Response {
        let typed = ["name", "affiliation", "comment"].reduce(into: [String: String]()) { $0[$1] = (try? req.content.get(String.self, at: $1)) ?? "" }
        try await req.admitPublicForm(.externalEndorsement)
        do {
            _ = try await req.endorsements.writeExternal(secret: req.parameters.get("token") ?? "", name: typed["name"] ?? "",
                                                         affiliation: typed["affiliation"] ?? "", comment: typed["comment"] ?? "")
        } catch BlasonError.invalid(let issues) {
            return try await show(req, issues: issues, typed: typed)
        }
        return HTMLResponse.make(NoticePage.render(message: req.t(.externalEndorsementThanks),
                                                   page: PageContext(request: req, title: req.t(.endorsementsHeading))))
    }
}
