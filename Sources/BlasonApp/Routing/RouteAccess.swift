import BlasonCore
import Vapor

/// Who may call a route. The object a route names (by `:id`, `:slug`, `:token`…) belongs to one
/// organisation or one account; a rule speaks of that owner. A route without such an object acts
/// on the caller's current organisation.
enum RouteAccess: Equatable, Sendable {
    /// Everybody, signed in or not: public pages, Open Badges documents, sign-in forms.
    case anyone
    /// Whoever holds the unguessable link sent by e-mail (its token is in the path); a wrong link is "not found".
    case link
    /// Any account, with or without an organisation: the earner's space, creating an organisation.
    case signedIn
    /// Only the account the object belongs to (an earner's award, a user's API token).
    case account
    /// Any member of the owning organisation, whatever their role.
    case anyMember
    /// Members of the owning organisation holding this role (admins hold every role).
    case member(Role)
    /// Reviewers of an application: the owning organisation's reviewers, or the jury members and
    /// outside reviewers invited for that badge class.
    case applicationReviewer
    /// Jury members of the application's badge class (a jury's vote is theirs alone).
    case juryMember
    /// Reviewers and admins of the organisation that runs the programme.
    case programmeOperator
    /// A programme submission's structure (its admins) or the programme's operator.
    case structureOrOperator
}

/// The authorisation matrix: one rule for every registered route, UI and API. `configure` refuses
/// to start when a route has no rule, and the authorisation test calls every route as every kind
/// of user and checks the answer against this table.
enum AuthorisationMatrix {
    /// The rule of `method path`, the path as registered (`:id` for parameters).
    static func access(_ method: HTTPMethod, _ path: String) -> RouteAccess? {
        rules["\(method.rawValue) \(path)"]
    }

    struct MissingRules: Error, CustomStringConvertible {
        let routes: [String]
        var description: String { "routes without a rule in AuthorisationMatrix: " + routes.joined(separator: ", ") }
    }

    static func key(of route: Route) -> String {
        "\(route.method.rawValue) /" + route.path.map(\.description).joined(separator: "/")
    }

    /// Registered routes without a rule, and rules naming no registered route (a renamed route).
    static func mismatches(_ routes: Routes) -> (unruled: [String], stale: [String]) {
        let registered = Set(routes.all.map(key(of:)))
        return (registered.subtracting(rules.keys).sorted(), Set(rules.keys).subtracting(registered).sorted())
    }

    static let rules: [String: RouteAccess] = site.merging(earners) { $1 }.merging(applications) { $1 }.merging(network) { $1 }
        .merging(programme) { $1 }.merging(openBadges) { $1 }.merging(api) { $1 }

    private static let site: [String: RouteAccess] = [
        "GET /": .anyone, "GET /healthz": .anyone, "GET /styles/blason.css": .anyone, "GET /help": .anyone, "GET /accessibility": .anyone,
        // Unsubscribing from a periodic e-mail: whoever holds the link it carries.
        "GET /unsubscribe/:user/:kind/:mac": .link, "POST /unsubscribe/:user/:kind/:mac": .link,
        "GET /sign-in": .anyone, "POST /sign-in": .anyone, "GET /sign-up": .anyone, "POST /sign-up": .anyone,
        "POST /sign-out": .anyone, "POST /sign-out/everywhere": .signedIn,
        "GET /password/forgot": .anyone, "POST /password/forgot": .anyone,
        "GET /password/reset/:token": .link, "POST /password/reset/:token": .link,
        "GET /dashboard": .signedIn, "GET /reports": .anyMember,
        "GET /organisations/new": .signedIn, "POST /organisations/new": .signedIn, "POST /organisations/switch": .signedIn,
        "GET /admin": .member(.admin), "GET /admin/organisation": .member(.admin), "POST /admin/organisation": .member(.admin),
        "GET /admin/members": .member(.admin), "POST /admin/members": .member(.admin),
        "POST /admin/members/:id/role": .member(.admin), "POST /admin/members/:id/remove": .member(.admin),
        "GET /admin/audit": .member(.admin), "GET /admin/audit.csv": .member(.admin),
        "GET /admin/tokens": .signedIn, "POST /admin/tokens": .signedIn, "POST /admin/tokens/:id/revoke": .account,
        "GET /admin/mail": .member(.admin), "GET /admin/mail-templates": .member(.admin), "POST /admin/mail-templates": .member(.admin),
        "GET /creator/badge-classes": .anyMember, "GET /creator/badge-classes/new": .member(.creator),
        "POST /creator/badge-classes/new": .member(.creator), "GET /creator/badge-classes/:id": .anyMember,
        "GET /creator/badge-classes/:id/edit": .member(.creator), "POST /creator/badge-classes/:id/edit": .member(.creator),
        "POST /creator/badge-classes/:id/archive": .member(.creator),
        "GET /issuer": .member(.issuer), "GET /issuer/badge-classes/:id/award": .member(.issuer),
        "POST /issuer/badge-classes/:id/award": .member(.issuer), "GET /issuer/awards": .member(.issuer),
        "GET /issuer/jobs/:id": .member(.issuer), "GET /issuer/awards/:id": .member(.issuer),
        "POST /issuer/awards/:id/revoke": .member(.issuer), "POST /issuer/awards/:id/resend": .member(.issuer),
    ]

    private static let earners: [String: RouteAccess] = [
        "GET /claim/:id/:token": .link, "POST /claim/:id/:token/accept": .link, "POST /claim/:id/:token/decline": .link,
        "POST /claim/:id/:token/hide": .link,
        "GET /passport": .signedIn, "POST /passport/awards/:id/accept": .account, "POST /passport/awards/:id/decline": .account,
        "POST /passport/awards/:id/hide": .account, "POST /passport/awards/:id/profile": .account,
        "GET /passport/sign-in": .anyone, "POST /passport/sign-in": .anyone, "GET /passport/link/:token": .link,
        "GET /passport/emails": .signedIn, "POST /passport/emails": .signedIn, "GET /passport/emails/verify": .link,
        "GET /passport/settings": .signedIn, "POST /passport/settings": .signedIn, "POST /passport/password": .signedIn,
        "GET /passport/export.zip": .signedIn, "POST /passport/delete": .signedIn,
        "GET /earners/:key": .anyone,
    ]

    private static let applications: [String: RouteAccess] = [
        "GET /creator/badge-classes/:id/applications": .member(.creator), "POST /creator/badge-classes/:id/applications": .member(.creator),
        "POST /creator/badge-classes/:id/applications/close": .member(.creator),
        "GET /apply/:id": .anyone, "POST /apply/:id": .anyone, "GET /apply/:id/qr.svg": .anyone, "GET /apply/:id/qr.png": .anyone,
        "GET /applications/confirm/:token": .link, "GET /applications/:id/:token": .link,
        "POST /applications/:id/:token/resubmit": .link, "POST /applications/:id/:token/comment": .link,
        "GET /reviews": .applicationReviewer, "GET /reviews/:id": .applicationReviewer, "POST /reviews/:id/approve": .applicationReviewer,
        "POST /reviews/:id/return": .applicationReviewer, "POST /reviews/:id/reject": .applicationReviewer,
        "POST /reviews/:id/vote": .juryMember, "POST /reviews/:id/comment": .applicationReviewer,
        "GET /reviews/:id/files/:question": .applicationReviewer, "GET /reviewers/join/:token": .link,
    ]

    private static let network: [String: RouteAccess] = [
        "GET /network": .member(.admin), "GET /network/partners/new": .member(.admin), "POST /network/partners": .member(.admin),
        "POST /network/partnerships/:id/accept": .member(.admin), "POST /network/partnerships/:id/decline": .member(.admin),
        "POST /network/partnerships/:id/end": .member(.admin), "POST /network/endorse": .member(.admin),
        "POST /network/endorsements/:id/withdraw": .member(.admin), "POST /network/endorsements/:id/approve": .member(.admin),
        "POST /network/endorsements/:id/decline": .member(.admin), "POST /network/requests": .member(.admin),
        "POST /network/requests/:id/accept": .member(.admin), "POST /network/requests/:id/decline": .member(.admin),
        "POST /network/templates": .member(.admin), "POST /network/templates/:id": .member(.admin),
        "POST /network/templates/:id/delete": .member(.admin), "POST /network/digest": .signedIn,
        "GET /endorse/:token": .link, "POST /endorse/:token": .link,
        "GET /network/shares/new": .member(.admin), "POST /network/shares": .member(.admin),
        "POST /network/shares/:id/accept": .member(.admin), "POST /network/shares/:id/decline": .member(.admin),
        "POST /network/shares/:id/end": .member(.admin),
    ]

    private static let programme: [String: RouteAccess] = [
        "GET /programmes": .anyone, "GET /programmes/:key": .anyone,
        "GET /programmes/:key/join": .member(.admin), "POST /programmes/:key/join": .member(.admin),
        "GET /programmes/:key/review": .programmeOperator, "GET /programmes/:key/submissions/:id": .structureOrOperator,
        "POST /programmes/:key/submissions/:id/accept": .programmeOperator, "POST /programmes/:key/submissions/:id/info": .programmeOperator,
        "POST /programmes/:key/submissions/:id/reject": .programmeOperator, "POST /programmes/:key/submissions/:id/reply": .member(.admin),
        // The dashboard and its export show the operator the whole programme, a structure's admin its own part.
        "GET /programmes/:key/dashboard": .structureOrOperator, "GET /programmes/:key/export.csv": .structureOrOperator,
        "GET /programmes/:key/audit": .programmeOperator, "GET /programmes/:key/audit.csv": .programmeOperator,
    ]

    private static let openBadges: [String: RouteAccess] = [
        "GET /issuers/:id": .anyone, "GET /issuers/:id/logo": .anyone, "GET /issuers/:id/revocations": .anyone,
        "GET /badges/:id": .anyone, "GET /badges/:id/image": .anyone, "GET /assertions/:id": .anyone, "GET /assertions/:id/image": .anyone,
        "GET /assertions/:id/baked.png": .anyone, "GET /assertions/:id/baked.svg": .anyone, "GET /assertions/:id/signed.jws": .anyone,
        "GET /assertions/:id/signed.png": .anyone, "GET /keys/:id": .anyone, "GET /endorsements/:id": .anyone,
        "GET /endorsements/:id/endorser": .anyone, "GET /ob3/issuers/:id": .anyone, "GET /ob3/issuers/:id/jwks.json": .anyone,
        "GET /ob3/issuers/:id/status/:page": .anyone, "GET /ob3/achievements/:id": .anyone, "GET /ob3/credentials/:id": .anyone,
        "GET /ob3/credentials/:id/credential.jwt": .anyone, "GET /ob3/credentials/:id/baked.png": .anyone,
        "GET /ob3/credentials/:id/baked.svg": .anyone, "GET /ob3/endorsements/:id": .anyone, "GET /verify": .anyone, "POST /verify": .anyone,
    ]

    private static let api: [String: RouteAccess] = [
        "GET /api/v1/openapi.json": .anyone, "POST /api/v1/tokens": .anyone, "GET /api/v1/tokens": .signedIn,
        "DELETE /api/v1/tokens/:id": .account,
        "GET /api/v1/organisations": .signedIn, "POST /api/v1/organisations": .signedIn,
        "GET /api/v1/organisations/:slug": .anyMember, "PATCH /api/v1/organisations/:slug": .member(.admin),
        "GET /api/v1/me/notifications": .signedIn, "PUT /api/v1/me/notifications": .signedIn,
        "GET /api/v1/organisations/:slug/badge-classes": .anyMember,
        "POST /api/v1/organisations/:slug/badge-classes": .member(.creator), "GET /api/v1/badge-classes/:id": .anyMember,
        "POST /api/v1/badge-classes/:id/awards": .member(.issuer), "GET /api/v1/badge-classes/:id/awards": .member(.issuer),
        "GET /api/v1/awards/:id": .member(.issuer), "GET /api/v1/jobs/:id": .member(.issuer), "POST /api/v1/awards/:id/revoke": .member(.issuer),
        "GET /api/v1/badge-classes/:id/application-form": .anyMember, "PUT /api/v1/badge-classes/:id/application-form": .member(.creator),
        "POST /api/v1/badge-classes/:id/application-form/close": .member(.creator),
        // Applying needs an account (the applicant's verified address); an organisation applies through its admin.
        "POST /api/v1/badge-classes/:id/applications": .signedIn,
        "GET /api/v1/organisations/:slug/applications": .member(.reviewer), "GET /api/v1/applications/:id": .applicationReviewer,
        "POST /api/v1/applications/:id/decision": .applicationReviewer, "POST /api/v1/applications/:id/votes": .juryMember,
        "GET /api/v1/organisations/:slug/directory": .member(.admin), "GET /api/v1/organisations/:slug/partnerships": .member(.admin),
        "POST /api/v1/organisations/:slug/partnerships": .member(.admin), "POST /api/v1/partnerships/:id/response": .member(.admin),
        "DELETE /api/v1/partnerships/:id": .member(.admin), "GET /api/v1/organisations/:slug/endorsements": .member(.admin),
        "POST /api/v1/organisations/:slug/endorsements": .member(.admin), "POST /api/v1/endorsements/:id/review": .member(.admin),
        "DELETE /api/v1/endorsements/:id": .member(.admin), "GET /api/v1/organisations/:slug/endorsement-requests": .member(.admin),
        "POST /api/v1/organisations/:slug/endorsement-requests": .member(.admin), "POST /api/v1/endorsement-requests/:id/answer": .member(.admin),
        "GET /api/v1/organisations/:slug/endorsement-templates": .member(.admin),
        "POST /api/v1/organisations/:slug/endorsement-templates": .member(.admin), "PUT /api/v1/endorsement-templates/:id": .member(.admin),
        "DELETE /api/v1/endorsement-templates/:id": .member(.admin),
        "GET /api/v1/programmes": .signedIn, "GET /api/v1/programmes/:key": .signedIn,
        // Lists filtered to what the caller may see: the operator all, a structure's admins their own, others nothing.
        "GET /api/v1/programmes/:key/submissions": .signedIn, "POST /api/v1/programmes/:key/submissions": .member(.admin),
        "GET /api/v1/programmes/:key/submissions/:id": .structureOrOperator,
        "POST /api/v1/programmes/:key/submissions/:id/review": .programmeOperator,
        "POST /api/v1/programmes/:key/submissions/:id/messages": .member(.admin),
        "GET /api/v1/programmes/:key/links": .signedIn, "GET /api/v1/programmes/:key/figures": .structureOrOperator,
    ]
}
