import BlasonCore
import BlasonPersistence
import Fluent
import Vapor

/// Resolves the language, the signed-in user and their organisations, and rejects form posts
/// that do not carry the session's anti-forgery token.
struct ContextMiddleware: AsyncMiddleware {
    static let languageCookie = "blason_lang"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        var context = RequestContext()
        // Decoding the query string is a good part of a small request's time: skipped when there is none.
        let chosen = request.url.query == nil ? nil : request.query[String.self, at: "lang"].flatMap(Language.init(rawValue:))
        context.language = chosen
            ?? request.cookies[Self.languageCookie].flatMap { Language(rawValue: $0.string) }
            ?? Language.negotiate(acceptLanguage: request.headers.first(name: .acceptLanguage))

        let isAPI = request.url.path.hasPrefix("/api/")
        if !isAPI, request.hasSession, let raw = request.session.data["user"], let userID = UUID(uuidString: raw),
           let user = try await User.find(userID, on: request.db) {
            context.userID = userID
            context.userName = user.name
            context.userEmail = user.email
            let rows = try await Membership.query(on: request.db)
                .filter(\.$user.$id == userID)
                .with(\.$organisation)
                .all()
            context.memberships = rows.map {
                .init(organisationID: $0.organisation.id!, organisationName: $0.organisation.name,
                      organisationSlug: $0.organisation.slug, role: $0.role)
            }.sorted { $0.organisationName.localizedCompare($1.organisationName) == .orderedAscending }
            let chosenOrg = request.session.data["organisation"].flatMap(UUID.init(uuidString:))
            context.current = context.memberships.first { $0.organisationID == chosenOrg } ?? context.memberships.first
            context.reviewsApplications = try await ApplicationReviewer.query(on: request.db).filter(\.$user.$id == userID).first() != nil
        }
        request.context = context

        // "Vérifier un badge" changes nothing and reads its own (possibly huge) body: see VerifyController.
        // An unsubscribe link is its own proof, and mail clients post to it without a session (RFC 8058).
        if !isAPI, ![.GET, .HEAD, .OPTIONS].contains(request.method), request.url.path != SiteRoute.verify.path,
           !request.url.path.hasPrefix("/unsubscribe/") {
            try await checkCSRF(request)
        }

        let response = try await AuditActor.$current.withValue(request.auditActor) { try await next.respond(to: request) }
        if let chosen {
            response.cookies[Self.languageCookie] = HTTPCookies.Value(
                string: chosen.rawValue, maxAge: 365 * 24 * 3600, path: "/", isHTTPOnly: true, sameSite: .lax)
        }
        return response
    }

    private func checkCSRF(_ request: Request) async throws {
        // Multipart bodies stream in; collect them so the token field can be read.
        if request.body.data == nil {
            _ = try await request.body.collect(max: request.application.routes.defaultMaxBodySize.value).get()
        }
        let sent = try? request.content.get(String.self, at: "_csrf")
        guard request.hasSession, let expected = request.session.data["csrf"], let sent,
              SecureToken.constantTimeEquals(sent, expected) else {
            throw BlasonError.csrfRejected
        }
    }
}
