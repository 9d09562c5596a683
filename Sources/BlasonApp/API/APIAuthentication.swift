import BlasonCore
import BlasonPersistence
import Fluent
import Vapor

/// Bearer-token authentication for `/api/v1`: resolves the token to a user and their memberships.
struct APIAuthenticationMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let bearer = request.headers.bearerAuthorization else { throw BlasonError.unauthenticated }
        let service = TokenService(db: request.db, clock: request.blason.clock, lifetimeDays: 0)
        guard let token = try await service.record(for: bearer.token) else { throw BlasonError.unauthenticated }
        // A read-only token is refused any change, before anything else is looked at.
        guard token.scope.allows(method: request.method.rawValue) else { throw BlasonError.forbidden }
        let user = token.user
        var context = request.context
        context.userID = user.id
        context.userName = user.name
        context.userEmail = user.email
        var memberships = Membership.query(on: request.db).filter(\.$user.$id == (try user.requireID()))
        // A token limited to one organisation sees the others as a stranger does.
        if let organisationID = token.organisationID { memberships = memberships.filter(\.$organisation.$id == organisationID) }
        context.memberships = try await memberships.with(\.$organisation).all().map {
            .init(organisationID: $0.organisation.id!, organisationName: $0.organisation.name, organisationSlug: $0.organisation.slug, role: $0.role)
        }
        request.context = context
        return try await AuditActor.$current.withValue(request.auditActor) { try await next.respond(to: request) }
    }
}

extension Request {
    /// The audit log's "who and from where" of this request: the signed-in user, or someone
    /// following an e-mailed link (an earner, an applicant, an outside endorser).
    var auditActor: AuditActor {
        AuditActor(userID: context.userID, name: context.userName ?? "—", clientAddress: clientAddress)
    }

    /// The caller's membership of `organisationID` with at least `role` (any role when nil). A
    /// non-member gets 404 so that tenants cannot discover each other's objects; a member without
    /// the role gets 403.
    func requireAPIMembership(_ organisationID: UUID, _ role: Role?) throws -> RequestContext.Membership {
        guard let membership = context.memberships.first(where: { $0.organisationID == organisationID }) else { throw BlasonError.notFound }
        if let role, !membership.role.grants(role) { throw BlasonError.forbidden }
        return membership
    }
}
