import Foundation
import BlasonCore
import Plot

/// Creator tools: the list of badge classes and the detail of one.
enum BadgeClassPages {
    struct ListModel {
        struct Item {
            let id: UUID
            let name: String
            let archived: Bool
            let awardCount: Int
        }
        let items: [Item]
        let canCreate: Bool
    }

    static func list(_ model: ListModel, page: PageContext) -> String {
        let t = page.t
        return Layout.render(page, main: .group(
            .h1(.text(t(.badgeClassesTitle))),
            .if(model.canCreate, .p(.a(.class("button primary"), .href(SiteRoute.badgeClassNew.path), .text(t(.newBadgeClass))))),
            .if(model.items.isEmpty, .p(.text(t(.noBadgeClasses))), else: .ul(.class("badge-grid"), .forEach(model.items) { item in
                .li(.class(item.archived ? "badge-card archived" : "badge-card"),
                    .a(.href(SiteRoute.badgeClass(item.id).path),
                       Components.badgeImage(SiteRoute.badgeImage(item.id).path, name: item.name, size: "small"),
                       .span(.text(item.name))),
                    .span(.class("meta"), .text("\(item.awardCount) \(t(.awardsOfBadgeClass).lowercased())")),
                    .if(item.archived, .span(.class("tag"), .text(t(.archivedLabel)))))
            }))
        ))
    }

    struct DetailModel {
        let id: UUID
        let name: LocalizedText
        let description: LocalizedText
        let criteria: LocalizedText
        let archived: Bool
        let canEdit: Bool
        let canIssue: Bool
        let awards: [AwardTable.Row]
    }

    static func detail(_ model: DetailModel, page: PageContext) -> String {
        let t = page.t
        let language = page.language
        return Layout.render(page, main: .group(
            .div(.class("badge-header"),
                 Components.badgeImage(SiteRoute.badgeImage(model.id).path, name: model.name.text(in: language)),
                 .div(.h1(.text(model.name.text(in: language))),
                      .if(model.archived, .p(.span(.class("tag"), .text(t(.archivedLabel))))),
                      .p(.text(model.description.text(in: language))),
                      .p(.class("actions"),
                         .if(model.canIssue && !model.archived, .a(.class("button primary"), .href(SiteRoute.award(badgeClass: model.id).path), .text(t(.awardThisBadge)))),
                         .if(model.canEdit, .a(.class("button"), .href(SiteRoute.badgeClassEdit(model.id).path), .text(t(.editBadgeClass)))),
                         .if(model.canEdit && !model.archived, .a(.class("button"), .href(SiteRoute.applicationsSetup(model.id).path), .text(t(.applicationsOpenLink)))),
                         .a(.class("button"), .href(SiteRoute.badge(model.id).path), .text(t(.publicPageLink)))),
                      .if(model.canEdit && !model.archived,
                          .form(.method(.post), .action(SiteRoute.badgeClassArchive(model.id).path),
                                Layout.csrfField(page.csrf),
                                .button(.type(.submit), .class("button danger small"), .text(t(.archiveBadgeClass))))))),
            .h2(.text(t(.criteriaHeading))),
            .div(.class("markdown"), .raw(Markdown.html(model.criteria.text(in: language)))),
            .h2(.text(t(.awardsOfBadgeClass))),
            AwardTable.render(model.awards, t)
        ))
    }
}
