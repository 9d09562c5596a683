import BlasonCore
import Foundation
import Plot

/// Badges shared with partners: the two "Réseau" sections and the form to share one.
enum SharingViews {
    struct Row {
        let id: UUID
        let badgeClassID: UUID
        let badgeName: String
        /// The partner (sent) or the sharer (received).
        let organisation: String
        let mode: ShareMode
        let status: ShareStatus
        let instructions: String
        let date: Date?
        /// For a badge submitted to a programme: its page there, where it is answered.
        var submissionPath: String?
    }

    static func statusLabel(_ status: ShareStatus, _ t: Localizer) -> String {
        switch status {
        case .pending: t(.shareStatusPending)
        case .accepted: t(.shareStatusAccepted)
        case .declined: t(.shareStatusDeclined)
        case .ended: t(.shareStatusEnded)
        }
    }

    static func modeLabel(_ mode: ShareMode, _ t: Localizer) -> String {
        mode == .link ? t(.shareModeLink) : t(.shareModeCopy)
    }

    private static func button(_ id: UUID, _ action: String, _ label: String, style: String, _ page: PageContext) -> Node<HTML.BodyContext> {
        .form(.method(.post), .action(SiteRoute.shareAction(id, action).path), .class("inline"), Layout.csrfField(page.csrf),
              .button(.type(.submit), .class("button small \(style)"), .text(label)))
    }

    private static func instructions(_ row: Row, _ t: Localizer) -> Node<HTML.BodyContext> {
        row.instructions.isEmpty ? .empty : .element(named: "details", nodes: [
            .element(named: "summary", text: t(.shareInstructionsLabel)), .pre(.class("instructions"), .text(row.instructions)),
        ])
    }

    /// "Badges partagés avec les partenaires".
    static func sent(_ rows: [Row], page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        return .group(
            .p(.a(.class("button secondary"), .href(SiteRoute.shareBadge.path), .text(t(.shareBadgeLink)))),
            .if(rows.isEmpty, .p(.text(t(.noSharedBadges))), else: .div(.class("table-wrap"), .table(
                .thead(.tr(.th(.text(t(.badgeColumn))), .th(.text(t(.sharePartnersLabel))), .th(.text(t(.shareModeLabel))), .th(.text(t(.statusColumn))),
                           .th(.text("")))),
                .tbody(.forEach(rows) { row in
                    .tr(.td(.a(.href(SiteRoute.badgeClass(row.badgeClassID).path), .text(row.badgeName)), instructions(row, t)),
                        .td(.text(row.organisation)), .td(.text(modeLabel(row.mode, t))),
                        .td(.span(.class("tag"), .text(statusLabel(row.status, t)))),
                        .td(.if(row.status == .pending || row.status == .accepted, button(row.id, "end", t(.endShareButton), style: "danger", page))))
                })))))
    }

    /// "Badges partagés avec nous".
    static func received(_ rows: [Row], page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        guard !rows.isEmpty else { return .p(.text(t(.noSharedBadges))) }
        let header: Node<HTML.TableContext> = .thead(.tr(.th(.text(t(.badgeColumn))), .th(.text(t(.organisationColumn))), .th(.text(t(.shareModeLabel))),
                                                          .th(.text(t(.statusColumn))), .th(.text(""))))
        return .div(.class("table-wrap"), .table(header, .tbody(.forEach(rows) { row in
            .tr(.td(.a(.href(SiteRoute.badge(row.badgeClassID).path), .text(row.badgeName)), instructions(row, t)),
                .td(.text(row.organisation)), .td(.text(modeLabel(row.mode, t))),
                .td(.span(.class("tag"), .text(statusLabel(row.status, t)))),
                .td(actions(row, page)))
        })))
    }

    private static func actions(_ row: Row, _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        if let path = row.submissionPath { return .a(.class("button small"), .href(path), .text(t(.openSubmission))) }
        switch (row.status, row.mode) {
        case (.pending, _):
            return .group(button(row.id, "accept", t(.acceptShareButton), style: "primary", page),
                          button(row.id, "decline", t(.declineShareButton), style: "secondary", page))
        case (.accepted, .link):
            return .a(.class("button small"), .href(SiteRoute.award(badgeClass: row.badgeClassID).path), .text(t(.awardSharedBadge)))
        default:
            return .empty
        }
    }

    struct FormModel {
        var badges: [(value: String, label: String)]
        var partners: [(value: String, label: String)]
        var badgeClass = ""
        var mode = ShareMode.link.rawValue
        var chosen: Set<String> = []
        var instructions = ""
        var issues: [FieldIssue] = []
    }

    static func form(_ model: FormModel, page: PageContext) -> String {
        let t = page.t
        return Layout.render(page, main: .div(.class("narrow"),
            .h1(.text(t(.shareTitle))),
            .p(.class("lead"), .text(t(.shareIntro))),
            .p(.class("notice"), .text(t(.shareProgrammeNote))),
            Components.errorSummary(model.issues, t),
            .form(.method(.post), .action(SiteRoute.shares.path), .attribute(named: "novalidate"), Layout.csrfField(page.csrf),
                  Components.select("badge_class", label: t(.shareBadgeLabel), options: [(value: "", label: "—")] + model.badges,
                                    selected: model.badgeClass, issues: model.issues, t),
                  ProgrammePages.radios("mode", label: t(.shareModeLabel), options: [("link", t(.shareModeLink)), ("copy", t(.shareModeCopy))],
                                        selected: model.mode, model.issues, t),
                  .fieldset(.class("choices"), .id("field-partners"), .element(named: "legend", text: t(.sharePartnersLabel)),
                            .if(!Components.errors(for: "partners", in: model.issues, t).isEmpty,
                                .div(.class("field-error"), .forEach(Components.errors(for: "partners", in: model.issues, t)) { .p(.text($0)) })),
                            .if(model.partners.isEmpty, .p(.text(t(.noPartnersYet)))),
                            .forEach(Array(model.partners.enumerated())) { index, partner in
                                .div(.class("field checkbox"),
                                     .input(.type(.checkbox), .id("partner-\(index)"), .name("partners[]"), .value(partner.value),
                                            .checked(model.chosen.contains(partner.value))),
                                     .label(.for("partner-\(index)"), .text(partner.label)))
                            }),
                  Components.textarea("instructions", label: t(.shareInstructionsLabel), value: model.instructions, rows: 4, issues: model.issues, t),
                  Components.submit(t(.shareButton)))))
    }
}
