import BlasonCore
import BlasonPersistence
import Fluent
import Vapor

/// Administration › API tokens: the signed-in user's own tokens.
struct TokensController {
    func list(_ req: Request, newToken: String? = nil, issues: [FieldIssue] = []) async throws -> Response {
        let userID = try req.requireUserID()
        let tokens = try await APIToken.query(on: req.db).filter(\.$user.$id == userID).sort(\.$createdAt, .descending).all().map {
            AdministrationPages.TokensModel.Token(id: $0.id!, name: $0.name, createdAt: $0.createdAt, expiresAt: $0.expiresAt,
                                                  lastUsedAt: $0.lastUsedAt, revoked: $0.revokedAt != nil)
        }
        let model = AdministrationPages.TokensModel(tokens: tokens, newToken: newToken, issues: issues)
        return HTMLResponse.make(AdministrationPages.tokens(model, page: PageContext(request: req, title: req.t(.tokensTitle))),
                                 status: issues.isEmpty ? .ok : .unprocessableEntity)
    }

    func create(_ req: Request) async throws -> Response {
        let userID = try req.requireUserID()
        let name = (try? req.content.get(String.self, at: "name"))?.trimmingCharacters(in: .whitespaces) ?? ""
        do {
            let issued = try await TokenService(db: req.db, clock: req.blason.clock, lifetimeDays: req.blason.configuration.apiTokenLifetimeDays)
                .issue(userID: userID, name: name)
            return try await list(req, newToken: issued.token)
        } catch BlasonError.invalid(let issues) {
            return try await list(req, issues: issues)
        }
    }

    func revoke(_ req: Request) async throws -> Response {
        let userID = try req.requireUserID()
        let id = try req.idParameter()
        try await TokenService(db: req.db, clock: req.blason.clock, lifetimeDays: 0).revoke(id, of: userID)
        return req.redirect(to: SiteRoute.tokens.path)
    }
}
