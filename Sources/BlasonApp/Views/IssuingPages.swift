import Foundation
import BlasonCore
import Plot

/// Issuer tools: choosing a badge class, the award form, the list of awards and one award.
enum IssuingPages {
    struct ToolsModel {
        struct Item {
            let id: UUID
            let name: String
        }
        let items: [Item]
        /// Partners' badge classes shared with us as a link.
        var shared: [Item] = []
    }

    static func tools(_ model: ToolsModel, page: PageContext) -> String {
        let t = page.t
        return Layout.render(page, main: .group(
            .h1(.text(t(.issuerToolsTitle))),
            .p(.class("actions"), .a(.class("button"), .href(SiteRoute.awards.path), .text(t(.awardsTitle))),
               .a(.class("button"), .href(SiteRoute.reviews.path), .text(t(.reviewsTitle)))),
            .p(.text(t(.chooseBadgeToAward))),
            .if(model.items.isEmpty, .p(.text(t(.noBadgeClasses))), else: .ul(.class("badge-grid"), .forEach(model.items) { item in
                .li(.class("badge-card"),
                    .a(.href(SiteRoute.award(badgeClass: item.id).path),
                       Components.badgeImage(SiteRoute.badgeImage(item.id).path, name: item.name, size: "small"),
                       .span(.text(item.name))))
            })),
            .if(!model.shared.isEmpty, .section(.h2(.text(t(.sharedBadgesHeading))), .ul(.class("badge-grid"), .forEach(model.shared) { item in
                .li(.class("badge-card"),
                    .a(.href(SiteRoute.award(badgeClass: item.id).path),
                       Components.badgeImage(SiteRoute.badgeImage(item.id).path, name: item.name, size: "small"),
                       .span(.text(item.name))))
            })))
        ))
    }

    struct AwardFormModel {
        let badgeClassID: UUID
        let badgeName: String
        var recipients = ""
        var issuedOn: String
        var expires = ""
        var evidenceURL = ""
        var narrative = ""
        var language = ""
        var issues: [FieldIssue] = []
    }

    static func awardForm(_ model: AwardFormModel, page: PageContext) -> String {
        let t = page.t
        return Layout.render(page, main: .group(
            .div(.class("badge-header"),
                 Components.badgeImage(SiteRoute.badgeImage(model.badgeClassID).path, name: model.badgeName, size: "small"),
                 .h1(.text("\(t(.awardTitle)) : \(model.badgeName)"))),
            Components.errorSummary(model.issues, t),
            .form(.method(.post), .action(SiteRoute.award(badgeClass: model.badgeClassID).path), .enctype(.multipartData),
                  .attribute(named: "novalidate"),
                  Layout.csrfField(page.csrf),
                  Components.textarea("recipients", label: t(.recipientsLabel), value: model.recipients, rows: 8,
                                      hint: t(.recipientsHint), issues: model.issues, t),
                  Components.input("csv", label: t(.csvLabel), value: nil, options: .init(type: .file, hint: t(.csvHint)), issues: model.issues, t),
                  .div(.class("field-row"),
                       Components.input("issued_on", label: t(.issueDateLabel), value: model.issuedOn, options: .init(type: .date), issues: model.issues, t),
                       Components.input("expires", label: t(.expiresLabel), value: model.expires, options: .init(type: .date, hint: t(.expiresHint)),
                                        issues: model.issues, t)),
                  Components.input("evidence_url", label: t(.evidenceURLLabel), value: model.evidenceURL, options: .init(type: .url), issues: model.issues, t),
                  Components.textarea("narrative", label: t(.narrativeLabel), value: model.narrative, rows: 3, issues: model.issues, t),
                  Components.select("language", label: t(.awardLanguageLabel),
                                    options: [(value: "", label: t(.awardLanguageRecipients)), (value: "fr", label: "Français"), (value: "en", label: "English")],
                                    selected: model.language,
                                    issues: model.issues, t),
                  Components.submit(t(.awardButton)))
        ))
    }

    static func list(_ rows: [AwardTable.Row], page: PageContext) -> String {
        Layout.render(page, main: .group(
            .h1(.text(page.t(.awardsTitle))),
            AwardTable.render(rows, page.t)
        ))
    }

    struct DetailModel {
        let awardID: UUID
        let badgeClassID: UUID
        let badgeName: String
        let recipientEmail: String
        let recipientName: String?
        let issuedOn: Date
        let expires: Date?
        let status: AwardStatus
        let revocationReason: String?
        let canRevoke: Bool
        let earnerState: EarnerState
        var issues: [FieldIssue] = []
    }

    static func detail(_ model: DetailModel, page: PageContext) -> String {
        let t = page.t
        return Layout.render(page, main: .group(
            .div(.class("badge-header"),
                 Components.badgeImage(SiteRoute.badgeImage(model.badgeClassID).path, name: model.badgeName, size: "small"),
                 .h1(.text("\(t(.awardDetailTitle)) : \(model.badgeName)"))),
            .dl(.dt(.text(t(.recipientColumn))), .dd(.text([model.recipientName, model.recipientEmail].compactMap { $0 }.joined(separator: " — "))),
                .dt(.text(t(.issuedOnLabel))), .dd(.text(t.date(model.issuedOn))),
                .unwrap(model.expires) { .group(.dt(.text(t(.expiresOnLabel))), .dd(.text(t.date($0)))) },
                .dt(.text(t(.statusColumn))), .dd(Components.statusTag(model.status, t), .text(" "),
                                                   .span(.class("tag"), .text(EarnerPages.stateLabel(model.earnerState, t)))),
                .unwrap(model.revocationReason) { .group(.dt(.text(t(.revocationReasonLabel))), .dd(.text($0))) }),
            .p(.a(.href(SiteRoute.assertion(model.awardID).path), .text(t(.viewPublicPage)))),
            .if(model.canRevoke && model.status != .revoked && [.pending, .hidden].contains(model.earnerState),
                .form(.method(.post), .action(SiteRoute.awardResend(model.awardID).path),
                      Layout.csrfField(page.csrf), .button(.type(.submit), .class("button"), .text(t(.resendLinkButton))))),
            .if(model.canRevoke && model.status != .revoked, .section(
                .h2(.text(t(.revokeTitle))),
                Components.errorSummary(model.issues, t),
                .form(.method(.post), .action(SiteRoute.awardRevoke(model.awardID).path), .attribute(named: "novalidate"),
                      Layout.csrfField(page.csrf),
                      Components.textarea("reason", label: t(.revokeReasonLabel), value: nil, rows: 2, required: true, issues: model.issues, t),
                      Components.submit(t(.revokeButton), style: "danger"))))
        ))
    }
}
