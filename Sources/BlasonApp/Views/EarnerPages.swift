import BlasonCore
import Foundation
import OpenBadges
import Plot

/// What earners see: the page behind the e-mail link, their space, their public page.
enum EarnerPages {
    struct ClaimModel {
        let awardID: UUID
        let secret: String
        let badgeClassID: UUID
        let badgeName: String
        let description: String
        let issuerName: String
        let kind: AwardKind
        let state: EarnerState
    }

    static func claim(_ model: ClaimModel, page: PageContext) -> String {
        let t = page.t
        let intro = MailComposer.fill(t(model.kind == .proposed ? .claimProposedIntro : .claimIssuedIntro), ["issuer": model.issuerName])
        let actions: [EarnerAction] = model.kind == .proposed ? [.accept, .decline] : [.accept, .hide]
        return Layout.render(page, main: .article(
            .class("claim"),
            .div(.class("badge-header"),
                 Components.badgeImage(SiteRoute.badgeImage(model.badgeClassID).path, name: model.badgeName),
                 .div(.h1(.text(model.badgeName)), .p(.class("lead"), .text(intro)), .p(.text(model.description)))),
            .div(.class("actions"), .forEach(actions) { action in
                .form(.class("inline"), .method(.post), .action(SiteRoute.claimAction(model.awardID, model.secret, action).path),
                      Layout.csrfField(page.csrf),
                      Components.submit(label(action, t), style: action == .accept ? "primary" : "secondary"))
            })
        ))
    }

    static func label(_ action: EarnerAction, _ t: Localizer) -> String {
        switch action {
        case .accept: t(.acceptButton)
        case .hide: t(.hideButton)
        case .decline: t(.declineButton)
        }
    }

    struct PassportItem {
        let awardID: UUID
        let badgeClassID: UUID
        let badgeName: String
        let issuerName: String
        let issuedOn: Date
        let kind: AwardKind
        let state: EarnerState
        let status: AwardStatus
        let onProfile: Bool
        let formats: [BadgeImageFormat]
        let linkedIn: String?
    }

    struct PassportModel {
        let items: [PassportItem]
        let hasVerifiedEmail: Bool
        let profileURL: String?
    }

    static func passport(_ model: PassportModel, page: PageContext) -> String {
        let t = page.t
        let proposals = model.items.filter { $0.kind == .proposed && $0.state == .pending && $0.status != .revoked }
        let badges = model.items.filter { !($0.kind == .proposed && ($0.state == .pending || $0.state == .declined)) }
        return Layout.render(page, main: .group(
            .h1(.text(t(.passportTitle))),
            .p(.class("lead"), .text(t(.passportIntro))),
            .p(.class("actions"),
               .a(.class("button"), .href(SiteRoute.passportEmails.path), .text(t(.emailsTitle))),
               .a(.class("button"), .href(SiteRoute.passportSettings.path), .text(t(.settingsTitle)))),
            .if(!model.hasVerifiedEmail, .p(.class("notice"), .text(t(.passportNoVerifiedEmail)))),
            .if(!proposals.isEmpty, .section(.h2(.text(t(.proposalsHeading))), .ul(.class("badge-list"), .forEach(proposals) { item(page, $0) }))),
            .h2(.text(t(.myBadgesHeading))),
            .if(badges.isEmpty, .p(.text(t(.passportEmpty))), else: .ul(.class("badge-list"), .forEach(badges) { item(page, $0) })),
            .section(.h2(.text(t(.publicProfileHeading))),
                     .unwrap(model.profileURL, { .p(.text(t(.publicProfileLinkText) + " "), .a(.href($0), .text($0))) },
                             else: .p(.text(t(.publicProfileNone)))))
        ))
    }

    private static func item(_ page: PageContext, _ item: PassportItem) -> Node<HTML.ListContext> {
        let t = page.t
        var actions: [EarnerAction] = []
        if item.status != .revoked {
            actions = EarnerAction.allCases.filter { AwardLifecycle.allows($0, kind: item.kind, state: item.state) }
        }
        let visible = item.status == .valid || item.status == .expired
        return .li(.class("badge-item"),
            Components.badgeImage(SiteRoute.badgeImage(item.badgeClassID).path, name: item.badgeName, size: "small"),
            .div(.class("badge-item-body"),
                 .h3(.text(item.badgeName)),
                 .p(.text("\(item.issuerName) — \(t.date(item.issuedOn)) "), Components.statusTag(item.status, t),
                    .text(" "), .span(.class("tag"), .text(stateLabel(item.state, t))),
                    .if(item.onProfile, .span(.class("tag tag-valid"), .text(t(.onProfileLabel))))),
                 .div(.class("actions"),
                      .forEach(actions) { action in
                          .form(.class("inline"), .method(.post), .action(SiteRoute.passportAward(item.awardID, action).path),
                                Layout.csrfField(page.csrf), .button(.type(.submit), .class("button small"), .text(label(action, t))))
                      },
                      .if(visible && (item.state == .accepted || item.onProfile),
                          .form(.class("inline"), .method(.post), .action(SiteRoute.passportProfileToggle(item.awardID).path),
                                Layout.csrfField(page.csrf),
                                .button(.type(.submit), .class("button small"), .text(t(item.onProfile ? .removeFromProfile : .showOnProfile)))))),
                 .if(visible, .ul(.class("inline-links"),
                     .li(.a(.href(SiteRoute.assertion(item.awardID).path), .text(t(.viewPublicPage)))),
                     .forEach(item.formats) { format in
                         .li(.a(.href(SiteRoute.assertionBaked(item.awardID, format).path), .attribute(named: "download"),
                                .text(t(format == .png ? .downloadBakedPNG : .downloadBakedSVG))))
                     },
                     .li(.a(.href(SiteRoute.assertion(item.awardID).path + "?format=json"), .text(t(.downloadJSON)))),
                     .unwrap(item.linkedIn) { .li(.a(.href($0), .attribute(named: "rel", value: "noopener"), .text(t(.addToLinkedIn)))) }))))
    }

    static func stateLabel(_ state: EarnerState, _ t: Localizer) -> String {
        switch state {
        case .accepted: t(.stateAccepted)
        case .hidden: t(.stateHidden)
        case .pending: t(.statePending)
        case .declined: t(.statusDeclined)
        case .withdrawn: t(.statusWithdrawn)
        }
    }

    static func signIn(email: String, issues: [FieldIssue], page: PageContext) -> String {
        let t = page.t
        return Layout.render(page, main: .div(
            .class("narrow"),
            .h1(.text(t(.passportSignInTitle))),
            .p(.text(t(.passportSignInIntro))),
            Components.errorSummary(issues, t),
            .form(.method(.post), .action(SiteRoute.passportSignIn.path), .attribute(named: "novalidate"),
                  Layout.csrfField(page.csrf),
                  Components.input("email", label: t(.emailLabel), value: email, options: .init(type: .email, required: true, autocomplete: "email"),
                                   issues: issues, t),
                  Components.submit(t(.sendLinkButton))),
            .p(.text(t(.alreadyAccount) + " "), .a(.href(SiteRoute.signIn.path), .text(t(.signIn))))
        ))
    }

    struct EmailsModel {
        let emails: [(address: String, verified: Bool)]
        var typed = ""
        var issues: [FieldIssue] = []
    }

    static func emails(_ model: EmailsModel, page: PageContext) -> String {
        let t = page.t
        return Layout.render(page, main: .group(
            .h1(.text(t(.emailsTitle))),
            .p(.text(t(.emailsIntro))),
            .ul(.forEach(model.emails) { email in
                .li(.text(email.address + " — "), .span(.class(email.verified ? "tag tag-valid" : "tag"), .text(t(email.verified ? .emailVerified : .emailUnverified))))
            }),
            Components.errorSummary(model.issues, t),
            .form(.method(.post), .action(SiteRoute.passportEmails.path), .attribute(named: "novalidate"),
                  Layout.csrfField(page.csrf),
                  Components.input("email", label: t(.emailLabel), value: model.typed, options: .init(type: .email, required: true), issues: model.issues, t),
                  Components.submit(t(.addEmailButton)))
        ))
    }

    struct SettingsModel {
        let awardMail: Bool
        let endorsementDigest: Bool
        let showsDigest: Bool
        let language: Language
        let hasPassword: Bool
        var issues: [FieldIssue] = []
    }

    static func settings(_ model: SettingsModel, page: PageContext) -> String {
        let t = page.t
        let languages = Language.allCases.map { (value: $0.rawValue, label: $0 == .fr ? "Français" : "English") }
        return Layout.render(page, main: .group(
            .h1(.text(t(.settingsTitle))),
            Components.errorSummary(model.issues, t),
            .form(.method(.post), .action(SiteRoute.passportSettings.path),
                  Layout.csrfField(page.csrf),
                  .fieldset(.element(named: "legend", text: t(.notificationsHeading)),
                            Components.checkbox("award_mail", label: t(.notifyAwardMail), checked: model.awardMail),
                            .if(model.showsDigest, Components.checkbox("endorsement_digest", label: t(.notifyEndorsementDigest), checked: model.endorsementDigest))),
                  Components.select("language", label: t(.languagePreference), options: languages, selected: model.language.rawValue, t),
                  Components.submit(t(.saveButton))),
            .section(.h2(.text(t(.passwordHeading))),
                     .if(!model.hasPassword, .p(.text(t(.passwordIntroNone)))),
                     .form(.method(.post), .action(SiteRoute.passportPassword.path), .attribute(named: "novalidate"),
                           Layout.csrfField(page.csrf),
                           .if(model.hasPassword, Components.input("current_password", label: t(.currentPasswordLabel), value: nil,
                                                                   options: .init(type: .password, required: true, autocomplete: "current-password"), issues: model.issues, t)),
                           Components.input("new_password", label: t(.newPasswordLabel), value: nil,
                                            options: .init(type: .password, required: true, hint: t(.passwordHint), autocomplete: "new-password"), issues: model.issues, t),
                           Components.submit(t(.passwordSetButton))),
                     .form(.method(.post), .action(SiteRoute.signOutEverywhere.path),
                           Layout.csrfField(page.csrf),
                           Components.submit(t(.signOutEverywhereButton), style: "secondary"))),
            .section(.h2(.text(t(.exportHeading))), .p(.text(t(.exportText))),
                     .p(.a(.class("button"), .href(SiteRoute.passportExport.path), .attribute(named: "download"), .text(t(.exportButton))))),
            .section(.class("danger-zone"), .h2(.text(t(.deleteHeading))), .p(.text(t(.deleteText))),
                     .form(.method(.post), .action(SiteRoute.passportDelete.path), .attribute(named: "novalidate"),
                           Layout.csrfField(page.csrf),
                           Components.input("confirm", label: t(.deleteConfirmLabel), value: nil, options: .init(type: .email, required: true),
                                            issues: model.issues, t),
                           Components.submit(t(.deleteButton), style: "danger")))
        ))
    }

    struct ProfileModel {
        struct Badge {
            let awardID: UUID
            let badgeClassID: UUID
            let badgeName: String
            let issuerName: String
            let issuedOn: Date
        }
        let name: String
        let badges: [Badge]
    }

    static func profile(_ model: ProfileModel, page: PageContext) -> String {
        let t = page.t
        return Layout.render(page, main: .group(
            .h1(.text(MailComposer.fill(t(.profilePageTitle), ["name": model.name]))),
            .p(.text(t(.profilePageIntro))),
            .ul(.class("badge-grid"), .forEach(model.badges) { badge in
                .li(.class("badge-card"), .a(.href(SiteRoute.assertion(badge.awardID).path),
                                             Components.badgeImage(SiteRoute.badgeImage(badge.badgeClassID).path, name: badge.badgeName, size: "small"),
                                             .span(.text(badge.badgeName))),
                    .span(.class("meta"), .text("\(badge.issuerName) — \(t.date(badge.issuedOn))")))
            })
        ))
    }
}
