import BlasonCore
import BlasonPersistence
import Fluent
import Vapor

/// The page behind the personal link of an award e-mail: see the badge, accept it, hide it or
/// (for a proposal) decline it. Answering signs a password-less earner in to their space.
struct ClaimController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("claim", ":id", ":token") { try await show($0) }
        for action in EarnerAction.allCases {
            routes.post("claim", ":id", ":token", PathComponent(stringLiteral: action.rawValue)) { try await answer($0, action) }
        }
    }

    private func earners(_ req: Request) -> EarnerService {
        EarnerService(db: req.db, clock: req.blason.clock, configuration: req.blason.configuration)
    }

    func show(_ req: Request) async throws -> Response {
        let secret = req.parameters.get("token") ?? ""
        let (award, _) = try await earners(req).claimable(awardID: req.idParameter(), secret: secret, signedIn: req.context.userID)
        guard !award.isRevoked, award.earnerState == .pending || award.earnerState == .hidden else {
            throw BlasonError.link(.alreadyUsed)
        }
        let issuer = try await Organisation.find(award.$organisation.id, on: req.db)
        // Unless the visitor chose a language, the page speaks the language the e-mail was written in.
        if req.query[String.self, at: "lang"] == nil, req.cookies[ContextMiddleware.languageCookie] == nil {
            req.context.language = award.language
        }
        let language = req.context.language
        let model = EarnerPages.ClaimModel(
            awardID: award.id!, secret: secret, badgeClassID: award.$badgeClass.id, badgeName: award.badgeClass.name.text(in: language),
            description: award.badgeClass.summary.text(in: language), issuerName: issuer?.name ?? "", kind: award.kind, state: award.earnerState)
        let response = HTMLResponse.make(EarnerPages.claim(model, page: PageContext(request: req, title: req.t(.claimTitle), needsForm: true)))
        // The link is a secret: it must not leak to other sites through the Referer header.
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
        return response
    }

    func answer(_ req: Request, _ action: EarnerAction) async throws -> Response {
        let service = earners(req)
        let userID = try await service.answerClaim(awardID: req.idParameter(), secret: req.parameters.get("token") ?? "", action: action,
                                                   signedIn: req.context.userID)
        if req.context.userID != userID {
            guard try await service.opensByLink(userID) else {
                return HTMLResponse.make(NoticePage.render(message: req.t(.linkAnsweredSignInNotice),
                                                           action: (SiteRoute.signIn.path, req.t(.signInButton)),
                                                           page: PageContext(request: req, title: req.t(.claimTitle))))
            }
            try await req.signIn(userID: userID)
        }
        req.flash(req.t(action == .accept ? .claimAcceptedNotice : action == .hide ? .claimHiddenNotice : .claimDeclinedNotice))
        return req.redirect(to: SiteRoute.passport.path)
    }
}
