import BlasonCore
import Foundation
import Plot

/// "Réseau": partner endorsements (with the filter users know), external endorsements, requests
/// received, badges we endorsed, shared badges, endorsement templates.
enum NetworkPage {
    struct Option {
        let value: String
        let label: String
    }

    struct Partner {
        let partnershipID: UUID
        let organisationID: UUID
        let name: String
        let status: PartnershipStatus
        let incoming: Bool
        let weEndorse: Bool
        let theyEndorseUs: Bool
        let badgeClasses: [Option]
    }

    struct EndorsementRow {
        let id: UUID
        let title: String
        let comment: String
        let date: Date?
        let status: EndorsementStatus
        var byOutsider: String?
    }

    struct IncomingRequest {
        let id: UUID
        let from: String
        let subject: String
        let message: String
        let date: Date?
    }

    struct Model {
        var filter: PartnerFilter = .all
        var partners: [Partner] = []
        var search = ""
        var directory: [(id: UUID, name: String, place: String)] = []
        var external: [EndorsementRow] = []
        var incoming: [IncomingRequest] = []
        var endorsedByUs: [EndorsementRow] = []
        var templates: [(id: UUID, name: String, fr: String, en: String)] = []
        var ourBadgeClasses: [Option] = []
        var digest = false
        var issues: [FieldIssue] = []
        var sharesSent: [SharingViews.Row] = []
        var sharesReceived: [SharingViews.Row] = []
        /// Texts started from a template, by the id of the box they go in: the person edits them
        /// before publishing ("Partir de ce modèle", no script needed).
        var drafts: [String: (template: String, text: String)] = [:]
    }

    static func render(_ model: Model, page: PageContext) -> String {
        let t = page.t
        let templateOptions = [Option(value: "", label: t(.noTemplate))] + model.templates.map { Option(value: $0.id.uuidString, label: $0.name) }
        let subjects = [Option(value: "", label: t(.ourOrganisationOption))] + model.ourBadgeClasses
        let filters: [(PartnerFilter, Catalogue.Key)] = [(.all, .partnerFilterAll), (.weEndorse, .filterWeEndorse), (.theyEndorseUs, .filterTheyEndorseUs), (.mutual, .filterMutual)]
        let visible = model.partners.filter { $0.status != .accepted || model.filter.matches(weEndorse: $0.weEndorse, theyEndorseUs: $0.theyEndorseUs) }
        return Layout.render(page, main: .group(
            .h1(.text(t(.networkTitle))),
            Components.errorSummary(model.issues, t),
            .section(.id("partners"), .h2(.text(t(.partnerEndorsementsHeading))), .p(.text(t(.partnerEndorsementsIntro))),
                     .nav(.class("filters"), .ariaLabel(t(.partnerEndorsementsHeading)), .ul(.forEach(filters) { filter, key in
                         .li(.a(.href(SiteRoute.network.path + "?filter=\(filter.rawValue)"),
                                .if(filter == model.filter, .attribute(named: "aria-current", value: "page")), .text(t(key))))
                     })),
                     .if(visible.isEmpty, .p(.text(t(.noPartners))), else: .ul(.class("partner-list"), .forEach(visible) { partnerItem($0, model, templateOptions, subjects, page) })),
                     addPartner(model, page)),
            .section(.id("external"), .h2(.text(t(.externalEndorsementsHeading))),
                     .form(.method(.post), .action(SiteRoute.networkAction("digest").path), .class("inline"),
                           Layout.csrfField(page.csrf),
                           Components.checkbox("digest", label: t(.digestCheckbox), checked: model.digest),
                           .button(.type(.submit), .class("button small"), .text(t(.saveButton)))),
                     .element(named: "details", nodes: [
                         .element(named: "summary", text: t(.askExternalLabel)),
                         .form(.method(.post), .action(SiteRoute.networkAction("requests").path), .attribute(named: "novalidate"),
                               Layout.csrfField(page.csrf),
                               Components.input("email", label: t(.externalEmailLabel), value: nil, options: .init(type: .email, required: true), issues: model.issues, t),
                               Components.select("badge_class", label: t(.badgeColumn), options: subjects.map { ($0.value, $0.label) }, selected: "", t),
                               Components.textarea("message", label: t(.messageLabel), value: nil, rows: 2, t),
                               Components.submit(t(.askEndorsementButton), style: "secondary")),
                     ]),
                     endorsementList(model.external, page, external: true)),
            .section(.id("requests"), .h2(.text(t(.incomingRequestsHeading))),
                     .if(model.incoming.isEmpty, .p(.text(t(.noIncomingRequests))), else: .ul(.class("request-list"), .forEach(model.incoming) { request in
                         .li(.p(.strong(.text(request.from)), .text(" — \(request.subject)"), .unwrap(request.date) { .text(" — \(t.date($0))") }),
                             .if(!request.message.isEmpty, .p(.class("quote"), .text(request.message))),
                             .form(.method(.post), .action(SiteRoute.endorsementRequestAction(request.id, "accept").path), .attribute(named: "novalidate"),
                                   Layout.csrfField(page.csrf),
                                   Components.select("template", label: t(.templateChoice), options: templateOptions.map { ($0.value, $0.label) },
                                                     selected: model.drafts["request-comment-\(request.id.uuidString.lowercased().prefix(8))"]?.template ?? "",
                                                     id: "request-template-\(request.id.uuidString.lowercased().prefix(8))", t),
                                   useTemplateButton(t),
                                   Components.textarea("comment", label: t(.commentLabel),
                                                       value: model.drafts["request-comment-\(request.id.uuidString.lowercased().prefix(8))"]?.text, rows: 4,
                                                       id: "request-comment-\(request.id.uuidString.lowercased().prefix(8))", t),
                                   Components.submit(t(.acceptRequestButton))),
                             .form(.method(.post), .action(SiteRoute.endorsementRequestAction(request.id, "decline").path), .class("inline"),
                                   Layout.csrfField(page.csrf), .button(.type(.submit), .class("button small danger"), .text(t(.declineRequestButton)))))
                     }))),
            .section(.id("endorsed"), .h2(.text(t(.badgesWeEndorsedHeading))), endorsementList(model.endorsedByUs, page, external: false)),
            .section(.id("shared-with-partners"), .h2(.text(t(.sharedWithPartnersHeading))), SharingViews.sent(model.sharesSent, page: page)),
            .section(.id("shared-with-us"), .h2(.text(t(.sharedWithUsHeading))), SharingViews.received(model.sharesReceived, page: page)),
            .section(.id("templates"), .h2(.text(t(.templatesHeading))),
                     .ul(.class("template-list"), .forEach(model.templates) { template in
                         .li(.element(named: "details", nodes: [
                             .element(named: "summary", text: template.name),
                             templateForm(id: template.id, name: template.name, fr: template.fr, en: template.en, page),
                             .form(.method(.post), .action(SiteRoute.endorsementTemplate(template.id).path + "/delete"), .class("inline"),
                                   Layout.csrfField(page.csrf), .button(.type(.submit), .class("button small danger"), .text(t(.deleteTemplateButton)))),
                         ]))
                     }),
                     .element(named: "details", nodes: [.element(named: "summary", text: t(.saveTemplateButton)),
                                                        templateForm(id: nil, name: "", fr: "", en: "", page)]))
        ))
    }

    /// Puts the chosen template's text in the box below, to be edited before publishing.
    private static func useTemplateButton(_ t: Localizer) -> Node<HTML.FormContext> {
        .p(.button(.type(.submit), .name("step"), .value("prefill"), .class("button small"), .text(t(.useTemplateButton))))
    }

    private static func partnerItem(_ partner: Partner, _ model: Model, _ templates: [Option], _ subjects: [Option], _ page: PageContext) -> Node<HTML.ListContext> {
        let t = page.t
        let status: String = switch (partner.status, partner.incoming) {
        case (.pending, true): t(.partnerStatusIncoming)
        case (.pending, false): t(.partnerStatusPending)
        default: t(.partnerStatusAccepted)
        }
        let key = partner.partnershipID.uuidString.lowercased().prefix(8)
        func post(_ action: String, _ label: Catalogue.Key, _ style: String = "small") -> Node<HTML.BodyContext> {
            .form(.method(.post), .action(SiteRoute.partnershipAction(partner.partnershipID, action).path), .class("inline"),
                  Layout.csrfField(page.csrf), .button(.type(.submit), .class("button \(style)"), .text(t(label))))
        }
        return .li(.class("partner"),
            .p(.a(.href(SiteRoute.issuer(partner.organisationID).path), .strong(.text(partner.name))), .text(" — \(status) "),
               .if(partner.weEndorse, .span(.class("tag tag-valid"), .text(t(.weEndorseTag)))), .text(" "),
               .if(partner.theyEndorseUs, .span(.class("tag tag-valid"), .text(t(.theyEndorseUsTag))))),
            .div(.class("actions"),
                 .if(partner.status == .pending && partner.incoming, .group(post("accept", .acceptPartnerButton, "small primary"), post("decline", .declinePartnerButton))),
                 .if(partner.status == .pending && !partner.incoming, post("end", .withdrawRequestButton)),
                 .if(partner.status == .accepted, post("end", .endPartnershipButton, "small danger"))),
            .if(partner.status == .accepted, .group(
                .element(named: "details", nodes: [
                    .if(model.drafts["endorse-comment-\(key)"] != nil, .attribute(named: "open", value: "open")),
                    .element(named: "summary", text: t(.endorseButton)),
                    .form(.method(.post), .action(SiteRoute.networkAction("endorse").path), .attribute(named: "novalidate"),
                          Layout.csrfField(page.csrf),
                          .input(.type(.hidden), .name("organisation"), .value(partner.organisationID.uuidString)),
                          Components.select("badge_class", label: t(.endorseBadgeLabel),
                                            options: [(value: "", label: t(.endorseOrganisationLabel))] + partner.badgeClasses.map { ($0.value, $0.label) },
                                            selected: "", id: "endorse-badge-\(key)", t),
                          Components.select("template", label: t(.templateChoice), options: templates.map { ($0.value, $0.label) },
                                            selected: model.drafts["endorse-comment-\(key)"]?.template ?? "", id: "endorse-template-\(key)", t),
                          useTemplateButton(t),
                          Components.textarea("comment", label: t(.commentLabel), value: model.drafts["endorse-comment-\(key)"]?.text, rows: 4,
                                              id: "endorse-comment-\(key)", t),
                          Components.submit(t(.endorseButton))),
                ]),
                .element(named: "details", nodes: [
                    .element(named: "summary", text: t(.askEndorsementLabel)),
                    .form(.method(.post), .action(SiteRoute.networkAction("requests").path), .attribute(named: "novalidate"),
                          Layout.csrfField(page.csrf),
                          .input(.type(.hidden), .name("partner"), .value(partner.organisationID.uuidString)),
                          Components.select("badge_class", label: t(.badgeColumn), options: subjects.map { ($0.value, $0.label) }, selected: "",
                                            id: "ask-badge-\(key)", t),
                          Components.textarea("message", label: t(.messageLabel), value: nil, rows: 2, id: "ask-message-\(key)", t),
                          Components.submit(t(.askEndorsementButton), style: "secondary")),
                ]))))
    }

    private static func addPartner(_ model: Model, _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        return .section(.class("add-partner"), .h3(.text("+ " + t(.addPartnerHeading))),
                        .form(.method(.get), .action(SiteRoute.network.path),
                              Components.input("search", label: t(.searchDirectoryLabel), value: model.search, options: .init(type: .search), t),
                              Components.submit(t(.searchButton), style: "secondary")),
                        .ul(.class("link-list"), .forEach(model.directory) { entry in
                            .li(.text("\(entry.name)\(entry.place.isEmpty ? "" : " — " + entry.place) "),
                                .a(.class("button small"), .href(SiteRoute.networkAction("partners/new").path + "?organisation=\(entry.id.uuidString.lowercased())"),
                                   .text(t(.addPartnerButton))))
                        }))
    }

    private static func endorsementList(_ rows: [EndorsementRow], _ page: PageContext, external: Bool) -> Node<HTML.BodyContext> {
        let t = page.t
        guard !rows.isEmpty else { return .p(.text(t(.noEndorsements))) }
        return .ul(.class("endorsement-list"), .forEach(rows) { row in
            .li(.p(.strong(.text(row.title)), .unwrap(row.byOutsider) { .text(" — \($0)") },
                   .unwrap(row.date) { .text(" — \(t(.endorsedOn)) \(t.date($0))") }, .text(" "),
                   .span(.class("tag"), .text(row.status == .awaitingApproval ? t(.awaitingApproval) : row.status == .withdrawn ? t(.statusWithdrawn) : t(.statusValid)))),
                .p(.class("quote"), .text(row.comment)),
                .div(.class("actions"),
                .if(row.status == .awaitingApproval, .group(
                    .form(.method(.post), .action(SiteRoute.endorsementAction(row.id, "approve").path), .class("inline"), Layout.csrfField(page.csrf),
                          .button(.type(.submit), .class("button small primary"), .text(t(.approveEndorsementButton)))),
                    .form(.method(.post), .action(SiteRoute.endorsementAction(row.id, "decline").path), .class("inline"), Layout.csrfField(page.csrf),
                          .button(.type(.submit), .class("button small"), .text(t(.declineEndorsementButton)))))),
                .if(row.status == .published, .form(.method(.post), .action(SiteRoute.endorsementAction(row.id, "withdraw").path), .class("inline"),
                                                    Layout.csrfField(page.csrf), .button(.type(.submit), .class("button small danger"), .text(t(.withdrawEndorsementButton))))),
                .if(row.status == .published, .a(.href(SiteRoute.endorsement(row.id).path + "?format=json"), .text("Open Badges")))))
        })
    }

    private static func templateForm(id: UUID?, name: String, fr: String, en: String, _ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        let key = id?.uuidString.lowercased().prefix(8).description ?? "new"
        return .form(.method(.post), .action(SiteRoute.endorsementTemplate(id).path), .attribute(named: "novalidate"),
                     Layout.csrfField(page.csrf),
                     Components.input("template_name", label: t(.templateNameLabel), value: name, options: .init(required: true), id: "template-name-\(key)", t),
                     Components.textarea("template_fr", label: t(.templateTextFR), value: fr, rows: 3, required: true, language: .fr, id: "template-fr-\(key)", t),
                     Components.textarea("template_en", label: t(.templateTextEN), value: en, rows: 3, language: .en, id: "template-en-\(key)", t),
                     Components.submit(t(.saveTemplateButton), style: "secondary"))
    }
}
