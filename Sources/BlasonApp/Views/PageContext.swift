import Foundation
import BlasonCore
import Vapor

/// What every page needs besides its own model: language, who is signed in, the organisation
/// switcher, the anti-forgery token, the one-time notice.
struct PageContext {
    let t: Localizer
    let title: String
    let path: String
    let userName: String?
    let memberships: [RequestContext.Membership]
    let current: RequestContext.Membership?
    let reviewsApplications: Bool
    let csrf: String?
    let flash: String?
    /// Reloads the page after this many seconds (a job's progress), without JavaScript.
    var refreshSeconds: Int?

    var language: Language { t.language }
    var isSignedIn: Bool { userName != nil }

    init(request: Request, title: String, needsForm: Bool = false) {
        let context = request.context
        t = context.localizer
        self.title = title
        path = request.url.path
        userName = context.userName
        memberships = context.memberships
        current = context.current
        reviewsApplications = context.reviewsApplications || (context.current?.role.grants(.reviewer) ?? false)
        csrf = (needsForm || context.userID != nil) ? request.csrfToken() : nil
        flash = request.takeFlash()
    }

    /// Where "home" is for this visitor: the dashboard for members, the passport for earners.
    var homePath: String {
        guard isSignedIn else { return SiteRoute.home.path }
        return memberships.isEmpty ? SiteRoute.passport.path : SiteRoute.dashboard.path
    }

    /// The current path with another language, for the visible switch.
    func languageLink(_ language: Language) -> String {
        "\(path)?lang=\(language.rawValue)"
    }
}

enum HTMLResponse {
    static func make(_ html: String, status: HTTPResponseStatus = .ok) -> Response {
        let response = Response(status: status)
        response.headers.contentType = .html
        response.body = .init(string: html)
        return response
    }
}
