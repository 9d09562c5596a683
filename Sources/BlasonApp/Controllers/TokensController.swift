import BlasonCore
import BlasonPersistence
import Fluent
import Vapor

/// Administration › API tokens: the signed-in user's own tokens.
struct TokensController {
    func list(_ req: Request, newToken: String? = nil, issues: [FieldIssue] = []) async throws -> Response {
        let userID = try req.requireUserID()
        let names = Dictionary(req.context.memberships.map { ($0.organisationID, $0.organisationName) }, uniquingKeysWith: { a, _ in a })
        let tokens = try await APIToken.query(on: req.db).filter(\.$user.$id == userID).sort(\.$createdAt, .descending).all().map {
            AdministrationPages.TokensModel.Token(id: $0.id!, name: $0.name, createdAt: $0.createdAt, expiresAt: $0.expiresAt,
                                                  lastUsedAt: $0.lastUsedAt, revoked: $0.revokedAt != nil, scope: $0.scope,
                                                  organisation: $0.organisationID.map { names[$0] ?? $0.lowercased })
        }
        let model = AdministrationPages.TokensModel(tokens: tokens, newToken: newToken, issues: issues,
                                                    organisations: req.context.memberships.map { ($0.organisationID, $0.organisationName) },
                                                    maximumDays: req.blason.configuration.apiTokenLifetimeDays)
        return HTMLResponse.make(AdministrationPages.tokens(model, page: PageContext(request: req, title: req.t(.tokensTitle))),
                                 status: issues.isEmpty ? .ok : .unprocessableEntity)
    }

    func create(_ req: Request) async throws -> Response {
        let userID = try req.requireUserID()
        func field(_ name: String) -> String { ((try? req.content.get(String.self, at: name)) ?? "").trimmingCharacters(in: .whitespaces) }
        do {
            guard let scope = TokenScope(rawValue: field("scope").isEmpty ? TokenScope.write.rawValue : field("scope")) else {
                throw BlasonError.invalid("scope", .notAllowedValue(field("scope")))
            }
            let daysText = field("expires_in_days")
            guard daysText.isEmpty || Int(daysText) != nil else { throw BlasonError.invalid("expires_in_days", .invalidNumber(daysText)) }
            let organisation = field("organisation")
            guard organisation.isEmpty || UUID(uuidString: organisation) != nil else { throw BlasonError.invalid("organisation", .notAllowedValue(organisation)) }
            let issued = try await TokenService(db: req.db, clock: req.blason.clock, lifetimeDays: req.blason.configuration.apiTokenLifetimeDays)
                .issue(userID: userID, name: field("name"), scope: scope, organisationID: UUID(uuidString: organisation), days: Int(daysText))
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
