import BlasonCore
import BlasonPersistence
import Foundation
import Plot

/// The audit log as a table, and as CSV.
enum AuditPages {
    static func log(_ events: [AuditEvent], csvRoute: SiteRoute, page: PageContext) -> String {
        let t = page.t
        return Layout.render(page, main: .group(
            .h1(.text(page.title)),
            .p(.text(t(.auditIntro))),
            .p(.a(.class("button secondary"), .href(csvRoute.path), .text(t(.auditCSVLink)))),
            .if(events.isEmpty, .p(.text(t(.auditEmpty))), else: .div(.class("table-wrap"), .table(
                .caption(.text(t(.auditCaption))),
                .thead(.tr(.th(.text(t(.auditWhen))), .th(.text(t(.auditWho))), .th(.text(t(.auditWhat))), .th(.text(t(.auditDetail))),
                           .th(.text(t(.auditFrom))))),
                .tbody(.forEach(events) { event in
                    .tr(.td(.time(.datetime(timestamp(event.occurredAt)), .text(timestamp(event.occurredAt)))),
                        .td(.text(event.actorName)), .td(.code(.text(event.action))),
                        .td(.text(event.detail)), .td(.text(event.clientAddress ?? "—")))
                })
            )))
        ))
    }

    /// Every event, oldest last as on the page, with the ids a script needs.
    static func csv(_ events: [AuditEvent]) -> String {
        var table = CSVTable(header: ["occurred_at", "actor", "actor_user_id", "action", "object_type", "object_id", "detail", "client_address",
                                      "organisation_id", "programme"])
        for event in events {
            table.append([timestamp(event.occurredAt), event.actorName, event.actorUserID?.lowercased ?? "", event.action, event.objectType,
                          event.objectID, event.detail, event.clientAddress ?? "", event.organisationID?.lowercased ?? "", event.programmeKey ?? ""])
        }
        return table.text
    }

    private static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
