import BlasonCore
import BlasonPersistence
import Fluent
import Vapor

/// Pages that are not about one object: home, dashboard, network directory, reports, help.
struct SiteController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get { try await home($0) }
        routes.get("healthz") { _ in Response(status: .ok, body: .init(staticString: "ok")) }
        routes.get("styles", "blason.css") { try await stylesheet($0) }
        routes.get("dashboard") { try await dashboard($0) }
        routes.get("reports") { try await reports($0) }
        routes.get("help") { HTMLResponse.make(HelpPage.render(page: PageContext(request: $0, title: $0.t(.helpTitle)))) }
        routes.get("accessibility") { try await accessibility($0) }
    }

    func accessibility(_ req: Request) async throws -> Response {
        let contact = try await Programme.query(on: req.db).first()?.contactEmail ?? req.blason.configuration.mailFrom.address
        let model = AccessibilityPage.Model(contactEmail: contact, reviewed: "30/11/2026")
        return HTMLResponse.make(AccessibilityPage.render(model, page: PageContext(request: req, title: req.t.pick("Déclaration d'accessibilité", "Accessibility statement"))))
    }

    func home(_ req: Request) async throws -> Response {
        let region = try await Organisation.query(on: req.db).filter(\.$seedKey == M0007_SeedNormandieProgramme.operatorSeedKey).first()
        var badges: [HomePage.Model.RegionBadge] = []
        if let regionID = region?.id {
            badges = try await BadgeClass.query(on: req.db).filter(\.$organisation.$id == regionID).filter(\.$archivedAt == nil)
                .sort(\.$seedKey).all()
                .filter { $0.seedKey?.hasPrefix("normandie.") == true && $0.seedKey != NormandieProgramme.participantBadge.key }
                .map { .init(id: $0.id!, name: $0.name.text(in: req.context.language)) }
        }
        let model = HomePage.Model(regionBadges: badges, operatorID: region?.id)
        return HTMLResponse.make(HomePage.render(model, page: PageContext(request: req, title: req.t(.homeTitle))))
    }

    func stylesheet(_ req: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(string: Stylesheet.css))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        response.headers.cacheControl = .init(maxAge: 3600)
        return response
    }

    func dashboard(_ req: Request) async throws -> Response {
        _ = try req.requireUserID()
        let page = PageContext(request: req, title: req.t(.dashboardTitle))
        guard let current = req.context.current else {
            return HTMLResponse.make(DashboardPage.render(.init(organisationName: nil, role: nil, badgeClassCount: 0, awardCount: 0, revokedCount: 0, latest: []), page: page))
        }
        let orgID = current.organisationID
        let badgeClassCount = try await BadgeClass.query(on: req.db).filter(\.$organisation.$id == orgID).count()
        let awardCount = try await Award.query(on: req.db).filter(\.$organisation.$id == orgID).count()
        let revokedCount = try await Award.query(on: req.db).filter(\.$organisation.$id == orgID).filter(\.$revokedAt != nil).count()
        let latest = try await Award.query(on: req.db).filter(\.$organisation.$id == orgID).with(\.$badgeClass)
            .sort(\.$createdAt, .descending).limit(10).all()
        let awardsService = req.awards
        let pending = try await BadgeApplication.query(on: req.db).filter(\.$organisation.$id == orgID)
            .filter(\.$statusName == ApplicationStatus.pending.rawValue).count()
        var model = DashboardPage.Model(
            organisationName: current.organisationName, role: current.role, badgeClassCount: badgeClassCount,
            awardCount: awardCount, revokedCount: revokedCount,
            latest: latest.map { .init(awardID: $0.id!, recipient: $0.recipientName ?? $0.recipientEmail,
                                       badgeName: $0.badgeClass.name.text(in: req.context.language), issuedOn: $0.issuedOn,
                                       status: awardsService.status(of: $0)) })
        model.pendingApplications = pending
        model.todo = try await DashboardModel.todo(req, organisationID: orgID, role: current.role)
        model.awardsByMonth = try await DashboardModel.awardsByMonth(req, organisationID: orgID)
        return HTMLResponse.make(DashboardPage.render(model, page: page))
    }

    func reports(_ req: Request) async throws -> Response {
        let current = try req.requireOrganisation(nil)
        let badgeClasses = try await req.badgeClasses.list(organisationID: current.organisationID)
        let awards = try await Award.query(on: req.db).filter(\.$organisation.$id == current.organisationID).all()
        let grouped = Dictionary(grouping: awards, by: { $0.$badgeClass.id })
        let rows = badgeClasses.map { badgeClass in
            let list = grouped[badgeClass.id!] ?? []
            return ReportsPage.ReportRow(name: badgeClass.name.text(in: req.context.language),
                                                   valid: list.filter { !$0.isRevoked }.count, revoked: list.filter(\.isRevoked).count)
        }
        return HTMLResponse.make(ReportsPage.reports(rows, page: PageContext(request: req, title: req.t(.reportsTitle))))
    }
}
