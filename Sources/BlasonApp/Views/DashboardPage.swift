import Foundation
import BlasonCore
import Plot

/// The signed-in home: the current organisation's figures and latest awards, or the way to create one.
enum DashboardPage {
    struct Model {
        let organisationName: String?
        let role: Role?
        let badgeClassCount: Int
        let awardCount: Int
        let revokedCount: Int
        var pendingApplications = 0
        let latest: [AwardTable.Row]
        var todo: [Todo] = []
        var awardsByMonth: [SVGBarChart.Bar] = []
    }

    /// Something waiting for the organisation: how many, and where to do it.
    struct Todo {
        let count: Int
        let label: String
        let link: String
    }

    static func render(_ model: Model, page: PageContext) -> String {
        let t = page.t
        guard let organisationName = model.organisationName, let role = model.role else {
            return Layout.render(page, main: .group(
                .h1(.text(t(.dashboardTitle))),
                .p(.text(t(.noOrganisationYet))),
                .p(.a(.class("button primary"), .href(SiteRoute.organisationNew.path), .text(t(.createOrganisationLink))))
            ))
        }
        return Layout.render(page, main: .group(
            .h1(.text("\(t(.dashboardTitle)) — \(organisationName)")),
            .p(.text("\(t(.yourRole)) : \(t.role(role))")),
            .section(.id("todo"), .class("todo"),
                     .h2(.text(t(.todoTitle))),
                     .if(model.todo.isEmpty, .p(.text(t(.todoNothing))),
                         else: .ul(.class("todo-list"), .forEach(model.todo) { item in
                             .li(.a(.href(item.link), .strong(.class("todo-count"), .text(String(item.count))), .text(" " + item.label)))
                         }))),
            .ul(.class("stats"),
                .li(.strong(.text(String(model.badgeClassCount))), .span(.text(t(.statBadgeClasses)))),
                .li(.strong(.text(String(model.awardCount))), .span(.text(t(.statAwards)))),
                .li(.strong(.text(String(model.revokedCount))), .span(.text(t(.statRevoked))))),
            .h2(.text(t(.quickActions))),
            .p(.class("actions"),
               .if(role.grants(.creator), .a(.class("button"), .href(SiteRoute.badgeClassNew.path), .text(t(.newBadgeClass)))),
               .if(role.grants(.issuer), .a(.class("button"), .href(SiteRoute.issuerTools.path), .text(t(.awardTitle)))),
               .if(role.grants(.reviewer), .a(.class("button"), .href(SiteRoute.reviews.path), .text("\(t(.reviewsTitle)) (\(model.pendingApplications))"))),
               .a(.class("button"), .href(SiteRoute.organisationNew.path), .text(t(.createOrganisationLink)))),
            .section(.id("awards-by-month"),
                     SVGBarChart.render(title: t(.chartAwardsByMonth), valueHeading: t(.statAwards), bars: model.awardsByMonth, t)),
            .h2(.text(t(.recentAwards))),
            AwardTable.render(model.latest, t)
        ))
    }
}

/// The table of awards used on the dashboard and the issuer's list.
enum AwardTable {
    struct Row {
        let awardID: UUID
        let recipient: String
        let badgeName: String
        let issuedOn: Date
        let status: AwardStatus
    }

    static func render(_ rows: [Row], _ t: Localizer) -> Node<HTML.BodyContext> {
        guard !rows.isEmpty else { return .p(.text(t(.noAwards))) }
        return .div(.class("table-wrap"), .table(
            .thead(.tr(.th(.text(t(.recipientColumn))), .th(.text(t(.badgeColumn))), .th(.text(t(.issuedColumn))),
                       .th(.text(t(.statusColumn))), .th(.text(t(.actionsColumn))))),
            .tbody(.forEach(rows) { row in
                .tr(.td(.a(.href(SiteRoute.awardDetail(row.awardID).path), .text(row.recipient))),
                    .td(.text(row.badgeName)), .td(.text(t.date(row.issuedOn))), .td(Components.statusTag(row.status, t)),
                    .td(.a(.href(SiteRoute.assertion(row.awardID).path), .text(t(.viewPublicPage)))))
            })
        ))
    }
}
