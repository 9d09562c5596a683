import BlasonCore
import BlasonPersistence
import Fluent
import Plot
import Vapor

/// The link under each periodic e-mail that stops it. Opening it shows a button (mail scanners open
/// links; only a person should unsubscribe); mail clients' one-click unsubscribe (RFC 8058) posts
/// to the same address without a session, so this POST needs no anti-forgery token: the link's
/// MAC is the proof.
struct UnsubscribeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("unsubscribe", ":user", ":kind", ":mac") { try await show($0, done: false) }
        routes.post("unsubscribe", ":user", ":kind", ":mac") { try await show($0, done: true) }
    }

    func show(_ req: Request, done: Bool) async throws -> Response {
        guard let userID = req.parameters.get("user").flatMap(UUID.init(uuidString:)),
              let kind = req.parameters.get("kind").flatMap(NotificationSettings.Kind.init(rawValue:)),
              let mac = req.parameters.get("mac"),
              UnsubscribeLinks(masterKey: req.blason.masterKey).isValid(userID: userID, kind: kind.rawValue, mac: mac),
              try await User.find(userID, on: req.db) != nil else { throw BlasonError.notFound }
        if done { try await NotificationSettings(db: req.db).set(kind, enabled: false, userID: userID) }
        let t = req.t
        let page = PageContext(request: req, title: t(.unsubscribeTitle), needsForm: !done)
        return HTMLResponse.make(Layout.render(page, main: .group(
            .h1(.text(t(.unsubscribeTitle))),
            .if(done, .div(.class("notice"), .attribute(named: "role", value: "status"), .p(.text(t(.unsubscribedNotice)))),
                else: .group(.p(.text(t(.unsubscribeIntro))),
                             .form(.method(.post), .action(SiteRoute.unsubscribe(userID, kind.rawValue, mac).path),
                                   Layout.csrfField(page.csrf), Components.submit(t(.unsubscribeButton)))))
        )))
    }
}
