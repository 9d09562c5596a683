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
        routes.post("sign-out", "everywhere") { req in
            try await PasswordResetService.closeSessions(of: req.requireUserID(), on: req.db)
            req.session.destroy()
            req.flash(req.t(.signedOutEverywhereNotice))
            return req.redirect(to: SiteRoute.signIn.path)
        }
        routes.get("password", "forgot") { req in
            HTMLResponse.make(AccountPages.forgot(.init(), page: PageContext(request: req, title: req.t(.forgotPasswordTitle), needsForm: true)))
        }
        routes.post("password", "forgot") { try await requestReset($0) }
        routes.get("password", "reset", ":token") { req in
            try await req.passwordResets.check(req.parameters.get("token") ?? "")
            let response = HTMLResponse.make(AccountPages.reset(token: req.parameters.get("token") ?? "", issues: [],
                                                                page: PageContext(request: req, title: req.t(.resetPasswordTitle), needsForm: true)))
            // The link's secret is in the URL: it must not leave in a Referer header.
            response.headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
            return response
        }
        routes.post("password", "reset", ":token") { try await reset($0) }
    }

    func requestReset(_ req: Request) async throws -> Response {
        let form = try req.decodeBody(SignInForm.self)
        // Per address, the reset service itself sends at most three e-mails an hour (and says nothing of it).
        try await req.admitPublicForm(.passwordReset)
        do {
            try await req.passwordResets.request(email: form.email ?? "")
        } catch BlasonError.invalid(let issues) {
            let page = PageContext(request: req, title: req.t(.forgotPasswordTitle), needsForm: true)
            return HTMLResponse.make(AccountPages.forgot(.init(email: form.email ?? "", issues: issues), page: page), status: .unprocessableEntity)
        }
        req.flash(req.t(.resetLinkSentNotice))
        return req.redirect(to: SiteRoute.signIn.path)
    }

    func reset(_ req: Request) async throws -> Response {
        let token = req.parameters.get("token") ?? ""
        let form = try req.decodeBody(SignInForm.self)
        do {
            try await req.passwordResets.reset(token, password: form.password ?? "")
        } catch BlasonError.invalid(let issues) {
            let page = PageContext(request: req, title: req.t(.resetPasswordTitle), needsForm: true)
            return HTMLResponse.make(AccountPages.reset(token: token, issues: issues, page: page), status: .unprocessableEntity)
        }
        req.session.destroy()
        req.flash(req.t(.passwordChangedNotice))
        return req.redirect(to: SiteRoute.signIn.path)
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
        return try await req.limitingPublicForm(.signUp, account: form.email ?? "") {
            do {
                let (email, password, name, language) = (form.email ?? "", form.password ?? "", form.name ?? "", req.context.language)
                let (hasher, clock, configuration) = (req.application.passwordHasher, req.blason.clock, req.blason.configuration)
                // The account and the link that verifies its address are written together.
                let user = try await req.db.transactionRetrying { db in
                    let user = try await AccountService(db: db, hasher: hasher, clock: clock).signUp(email: email, password: password, name: name, language: language)
                    try await EarnerAccountService(db: db, clock: clock, configuration: configuration).addEmail(user.email, userID: user.requireID(), language: language)
                    return user
                }
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
}
