import Foundation
import BlasonCore
import Plot

/// The per-badge report.
enum ReportsPage {
    struct ReportRow {
        let name: String
        let valid: Int
        let revoked: Int
    }

    static func reports(_ rows: [ReportRow], page: PageContext) -> String {
        let t = page.t
        return Layout.render(page, main: .group(
            .h1(.text(t(.reportsTitle))),
            .p(.text(t(.reportsIntro))),
            .div(.class("table-wrap"), .table(
                .caption(.text(t(.awardsPerBadge))),
                .thead(.tr(.th(.text(t(.badgeColumn))), .th(.text(t(.statusValid))), .th(.text(t(.statusRevoked))))),
                .tbody(.forEach(rows) { row in
                    .tr(.td(.text(row.name)), .td(.text(String(row.valid))), .td(.text(String(row.revoked))))
                })))
        ))
    }
}
