import BlasonCore
import BlasonPersistence
import Fluent
import OpenBadges
import Vapor

/// "Mon passeport": the earner's space, their addresses, settings, data export and deletion,
/// and their public page.
struct PassportController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("passport") { try await passport($0) }
        for action in EarnerAction.allCases {
            routes.post("passport", "awards", ":id", PathComponent(stringLiteral: action.rawValue)) { try await act($0, action) }
        }
        routes.post("passport", "awards", ":id", "profile") { try await toggleProfile($0) }
        routes.get("passport", "sign-in") { req in
            HTMLResponse.make(EarnerPages.signIn(email: "", issues: [], page: PageContext(request: req, title: req.t(.passportSignInTitle), needsForm: true)))
        }
        routes.post("passport", "sign-in") { try await requestLink($0) }
        routes.get("passport", "link", ":token") { try await followLink($0) }
        routes.get("passport", "emails") { try await emails($0) }
        routes.post("passport", "emails") { try await addEmail($0) }
        routes.get("passport", "emails", "verify") { try await verifyEmail($0) }
        routes.get("passport", "settings") { try await settings($0) }
        routes.post("passport", "settings") { try await saveSettings($0) }
        routes.post("passport", "password") { try await setPassword($0) }
        routes.get("passport", "export.zip") { try await export($0) }
        routes.post("passport", "delete") { try await delete($0) }
        routes.get("earners", ":key") { try await profile($0) }
    }

    private func earners(_ req: Request) -> EarnerService {
        EarnerService(db: req.db, clock: req.blason.clock, configuration: req.blason.configuration)
    }

    private func accounts(_ req: Request) -> EarnerAccountService {
        EarnerAccountService(db: req.db, clock: req.blason.clock, configuration: req.blason.configuration)
    }

    func passport(_ req: Request) async throws -> Response {
        guard let userID = req.context.userID else { return req.redirect(to: SiteRoute.passportSignIn.path) }
        let service = earners(req)
        let awards = try await service.awards(of: userID)
        let user = try await User.find(userID, on: req.db)
        let publisher = req.blason.publisher
        let language = req.context.language
        let items = awards.map { award in
            EarnerPages.PassportItem(
                awardID: award.id!, badgeClassID: award.$badgeClass.id, badgeName: award.badgeClass.name.text(in: language),
                issuerName: award.badgeClass.organisation.name, issuedOn: award.issuedOn, kind: award.kind, state: award.earnerState,
                status: req.awards.status(of: award), onProfile: award.onProfile, formats: publisher.bakedFormats(for: award.badgeClass),
                linkedIn: award.isPublic ? LinkedIn.addToProfileURL(award: award, badgeName: award.badgeClass.name.text(in: language),
                                                                    issuerName: award.badgeClass.organisation.name, publisher: publisher) : nil)
        }
        let model = EarnerPages.PassportModel(
            items: items, hasVerifiedEmail: !(try await service.verifiedEmails(of: userID)).isEmpty,
            profileURL: user?.profileKey.map { SiteRoute.earnerProfile($0).path })
        return HTMLResponse.make(EarnerPages.passport(model, page: PageContext(request: req, title: req.t(.passportTitle))))
    }

    func act(_ req: Request, _ action: EarnerAction) async throws -> Response {
        try await earners(req).act(action, awardID: req.idParameter(), userID: req.requireUserID())
        req.flash(req.t(action == .accept ? .claimAcceptedNotice : action == .hide ? .claimHiddenNotice : .claimDeclinedNotice))
        return req.redirect(to: SiteRoute.passport.path)
    }

    func toggleProfile(_ req: Request) async throws -> Response {
        _ = try await earners(req).toggleProfile(awardID: req.idParameter(), userID: req.requireUserID())
        return req.redirect(to: SiteRoute.passport.path)
    }

    func requestLink(_ req: Request) async throws -> Response {
        let email = (try? req.content.get(String.self, at: "email")) ?? ""
        return try await req.limitingPublicForm(.passportLink, account: email) {
            do {
                try await accounts(req).requestSignInLink(email: email, language: req.context.language)
            } catch BlasonError.invalid(let issues) {
                return HTMLResponse.make(EarnerPages.signIn(email: email, issues: issues, page: PageContext(request: req, title: req.t(.passportSignInTitle), needsForm: true)),
                                         status: .unprocessableEntity)
            }
            req.flash(req.t(.linkSentNotice))
            return req.redirect(to: SiteRoute.passportSignIn.path)
        }
    }

    func followLink(_ req: Request) async throws -> Response {
        let userID = try await accounts(req).signIn(with: req.parameters.get("token") ?? "")
        try await req.signIn(userID: userID)
        return req.redirect(to: SiteRoute.passport.path)
    }

    func emails(_ req: Request, typed: String = "", issues: [FieldIssue] = []) async throws -> Response {
        let userID = try req.requireUserID()
        let emails = try await accounts(req).emails(of: userID).map { (address: $0.email, verified: $0.verifiedAt != nil) }
        let model = EarnerPages.EmailsModel(emails: emails, typed: typed, issues: issues)
        return HTMLResponse.make(EarnerPages.emails(model, page: PageContext(request: req, title: req.t(.emailsTitle))),
                                 status: issues.isEmpty ? .ok : .unprocessableEntity)
    }

    func addEmail(_ req: Request) async throws -> Response {
        let userID = try req.requireUserID()
        let email = (try? req.content.get(String.self, at: "email")) ?? ""
        do {
            try await accounts(req).addEmail(email, userID: userID, language: req.context.language)
        } catch BlasonError.invalid(let issues) {
            return try await emails(req, typed: email, issues: issues)
        }
        req.flash(req.t(.verificationSentNotice))
        return req.redirect(to: SiteRoute.passportEmails.path)
    }

    func verifyEmail(_ req: Request) async throws -> Response {
        let userID = try await accounts(req).verifyEmail(code: req.query[String.self, at: "code"] ?? "", signedIn: req.context.userID)
        if req.context.userID != userID {
            // Confirming an address proves the inbox, not the account: only a password-less earner's
            // space opens by it; anyone else signs in with their password.
            guard try await earners(req).opensByLink(userID) else {
                return HTMLResponse.make(NoticePage.render(message: req.t(.emailVerifiedSignInNotice),
                                                           action: (SiteRoute.signIn.path, req.t(.signInButton)),
                                                           page: PageContext(request: req, title: req.t(.emailsTitle))))
            }
            try await req.signIn(userID: userID)
        }
        req.flash(req.t(.emailVerifiedNotice))
        return req.redirect(to: SiteRoute.passport.path)
    }

    func settings(_ req: Request, issues: [FieldIssue] = []) async throws -> Response {
        let userID = try req.requireUserID()
        guard let user = try await User.find(userID, on: req.db) else { throw BlasonError.unauthenticated }
        let notifications = NotificationSettings(db: req.db)
        let model = EarnerPages.SettingsModel(
            awardMail: try await notifications.isEnabled(.awardMail, userID: userID),
            endorsementDigest: try await notifications.isEnabled(.endorsementDigest, userID: userID),
            showsDigest: !req.context.memberships.isEmpty, language: user.language, hasPassword: user.passwordHash != nil, issues: issues)
        return HTMLResponse.make(EarnerPages.settings(model, page: PageContext(request: req, title: req.t(.settingsTitle))),
                                 status: issues.isEmpty ? .ok : .unprocessableEntity)
    }

    func saveSettings(_ req: Request) async throws -> Response {
        let userID = try req.requireUserID()
        struct Form: Content {
            var award_mail: String?
            var endorsement_digest: String?
            var language: String?
        }
        let form = try req.decodeBody(Form.self)
        let notifications = NotificationSettings(db: req.db)
        try await notifications.set(.awardMail, enabled: form.award_mail != nil, userID: userID)
        if !req.context.memberships.isEmpty {
            try await notifications.set(.endorsementDigest, enabled: form.endorsement_digest != nil, userID: userID)
        }
        if let raw = form.language {
            guard let language = Language(rawValue: raw) else { throw BlasonError.invalid("language", .notAllowedValue(raw)) }
            if let user = try await User.find(userID, on: req.db) {
                user.language = language
                try await user.save(on: req.db)
            }
        }
        req.flash(req.t(.savedNotice))
        return req.redirect(to: SiteRoute.passportSettings.path)
    }

    /// Earners who came in by e-mail link may choose a password; changing one needs the current one.
    func setPassword(_ req: Request) async throws -> Response {
        let userID = try req.requireUserID()
        let current = (try? req.content.get(String.self, at: "current_password")) ?? ""
        let new = (try? req.content.get(String.self, at: "new_password")) ?? ""
        do {
            try await req.accounts.setPassword(userID: userID, current: current, new: new)
        } catch BlasonError.invalid(let issues) {
            return try await settings(req, issues: issues)
        }
        req.flash(req.t(.passwordSetNotice))
        return req.redirect(to: SiteRoute.passportSettings.path)
    }

    func export(_ req: Request) async throws -> Response {
        let data = try await accounts(req).export(userID: req.requireUserID())
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = .zip
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"blason-mes-donnees.zip\"")
        return response
    }

    func delete(_ req: Request) async throws -> Response {
        let userID = try req.requireUserID()
        guard let user = try await User.find(userID, on: req.db) else { throw BlasonError.unauthenticated }
        let typed = (try? req.content.get(String.self, at: "confirm")) ?? ""
        guard EmailAddress(typed)?.value == user.email else {
            return try await settings(req, issues: [FieldIssue(field: "confirm", problem: .notAllowedValue(typed))])
        }
        try await accounts(req).deleteAccount(userID: userID)
        req.session.destroy()
        return HTMLResponse.make(NoticePage.render(message: req.t(.accountDeletedNotice), page: PageContext(request: req, title: req.t(.deleteHeading))))
    }

    func profile(_ req: Request) async throws -> Response {
        let (user, awards) = try await earners(req).profile(key: req.parameters.get("key") ?? "")
        let language = req.context.language
        var badges: [EarnerPages.ProfileModel.Badge] = []
        for award in awards {
            badges.append(.init(awardID: award.id!, badgeClassID: award.$badgeClass.id, badgeName: award.badgeClass.name.text(in: language),
                                issuerName: award.badgeClass.organisation.name, issuedOn: award.issuedOn))
        }
        return HTMLResponse.make(EarnerPages.profile(.init(name: user.name, badges: badges), page: PageContext(request: req, title: user.name)))
    }
}

/// LinkedIn's "Add to profile" link for a certification.
enum LinkedIn {
    static func addToProfileURL(award: Award, badgeName: String, issuerName: String, publisher: OB2Publisher) -> String? {
        guard let id = award.id else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        // Issue days are Paris days (an award of 1 March reads "1 mars"), not UTC ones.
        calendar.timeZone = CalendarDay.timeZone
        let date = calendar.dateComponents([.year, .month], from: award.issuedOn)
        var components = URLComponents(string: "https://www.linkedin.com/profile/add")!
        var items = [
            URLQueryItem(name: "startTask", value: "CERTIFICATION_NAME"), URLQueryItem(name: "name", value: badgeName),
            URLQueryItem(name: "organizationName", value: issuerName), URLQueryItem(name: "issueYear", value: date.year.map(String.init)),
            URLQueryItem(name: "issueMonth", value: date.month.map(String.init)),
            URLQueryItem(name: "certUrl", value: publisher.url(.assertion(id))), URLQueryItem(name: "certId", value: id.lowercased),
        ]
        if let expires = award.expires {
            let end = calendar.dateComponents([.year, .month], from: expires)
            items += [URLQueryItem(name: "expirationYear", value: end.year.map(String.init)), URLQueryItem(name: "expirationMonth", value: end.month.map(String.init))]
        }
        components.queryItems = items
        return components.string
    }
}
