import BlasonCore
import BlasonPersistence
import Fluent
import Vapor

/// Sign-up, sign-in and sign-out. Sessions live in the database, so any node can serve the next request.
struct AccountController: RouteCollection {
    struct SignInForm: Content {
        var email: String?
        var password: String?
    }

    struct SignUpForm: Content {
        var name: String?
        var email: String?
        var password: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("sign-in") { req in
            HTMLResponse.make(AccountPages.signIn(.init(), page: PageContext(request: req, title: req.t(.signInTitle), needsForm: true)))
        }
        routes.post("sign-in") { try await signIn($0) }
        routes.get("sign-up") { req in
            HTMLResponse.make(AccountPages.signUp(.init(), page: PageContext(request: req, title: req.t(.signUpTitle), needsForm: true)))
        }
        routes.post("sign-up") { try await signUp($0) }
        routes.post("sign-out") { req in
            req.session.destroy()
            return req.redirect(to: SiteRoute.home.path)
        }
    }

    func signIn(_ req: Request) async throws -> Response {
        let form = try req.decodeBody(SignInForm.self)
        do {
            let user = try await req.authenticateWithinLimits(email: form.email ?? "", password: form.password ?? "")
            try await req.signIn(userID: user.requireID())
            // Earners without an organisation land in their space.
            let isMember = try await Membership.query(on: req.db).filter(\.$user.$id == user.requireID()).first() != nil
            return req.redirect(to: isMember ? SiteRoute.dashboard.path : SiteRoute.passport.path)
        } catch BlasonError.invalid(let issues) {
            let page = PageContext(request: req, title: req.t(.signInTitle), needsForm: true)
            return HTMLResponse.make(AccountPages.signIn(.init(email: form.email ?? "", issues: issues), page: page), status: .unauthorized)
        }
    }

    func signUp(_ req: Request) async throws -> Response {
        let form = try req.decodeBody(SignUpForm.self)
        do {
            let user = try await req.accounts.signUp(email: form.email ?? "", password: form.password ?? "", name: form.name ?? "",
                                                     language: req.context.language)
            try await req.signIn(userID: user.requireID())
            req.flash(req.t(.welcomeNotice))
            return req.redirect(to: SiteRoute.organisationNew.path)
        } catch BlasonError.invalid(let issues) {
            let page = PageContext(request: req, title: req.t(.signUpTitle), needsForm: true)
            return HTMLResponse.make(AccountPages.signUp(.init(email: form.email ?? "", name: form.name ?? "", issues: issues), page: page),
                                     status: .unprocessableEntity)
        }
    }
}
