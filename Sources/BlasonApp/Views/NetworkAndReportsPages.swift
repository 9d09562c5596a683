import Foundation
import BlasonCore
import Plot

/// The organisation directory (the start of the network) and the per-badge report.
enum NetworkAndReportsPages {
    struct DirectoryEntry {
        let id: UUID
        let name: String
        let city: String?
        let country: String?
    }

    static func network(_ entries: [DirectoryEntry], page: PageContext) -> String {
        let t = page.t
        return Layout.render(page, main: .group(
            .h1(.text(t(.networkTitle))),
            .p(.text(t(.networkIntro))),
            .h2(.text(t(.directoryHeading))),
            .if(entries.isEmpty, .p(.text(t(.noOtherOrganisations))), else: .ul(.class("link-list"), .forEach(entries) { entry in
                .li(.a(.href(SiteRoute.issuer(entry.id).path), .text(entry.name)),
                    .text([entry.city, entry.country].compactMap { $0 }.isEmpty ? "" : " — " + [entry.city, entry.country].compactMap { $0 }.joined(separator: ", ")))
            }))
        ))
    }

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
