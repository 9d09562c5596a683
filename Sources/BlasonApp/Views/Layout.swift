import Foundation
import BlasonCore
import Plot

/// The page shell: header with the programme-familiar navigation, language switch, organisation
/// switcher, notices and footer. Pages work without JavaScript: there is none.
enum Layout {
    static func render(_ page: PageContext, main: Node<HTML.BodyContext>) -> String {
        let t = page.t
        let html = HTML(
            .lang(page.language == .en ? .english : .french),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .title("\(page.title) · Blason"),
                .link(.rel(.stylesheet), .href(SiteRoute.stylesheet.path)),
                .unwrap(page.refreshSeconds) { .meta(.attribute(named: "http-equiv", value: "refresh"), .content(String($0))) }
            ),
            .body(
                .a(.class("skip-link"), .href("#main"), .text(t(.skipToContent))),
                header(page),
                .main(.id("main"), .attribute(named: "tabindex", value: "-1"),
                      .unwrap(page.flash) { .div(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
                      main),
                .footer(.class("site-footer"), .p(.text(t(.footerText))),
                        .p(.a(.href(SiteRoute.accessibility.path), .text(t.pick("Accessibilité : partiellement conforme", "Accessibility: partially compliant")))))
            )
        )
        return html.render()
    }

    private static func header(_ page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        return .header(
            .class("site-header"),
            .div(.class("brand-row"),
                 .a(.class("brand"), .href(page.homePath),
                    .span(.class("brand-name"), .text("Blason")), .span(.class("brand-tagline"), .text(t(.appTagline)))),
                 .div(.class("header-tools"),
                      languageSwitch(page),
                      .if(page.isSignedIn, organisationSwitcher(page)),
                      // Members of organisations reach their own badges from here; the main navigation stays the one they know.
                      .if(page.isSignedIn && !page.memberships.isEmpty, .a(.href(SiteRoute.passport.path), .text(t(.navPassport)))),
                      .if(page.isSignedIn,
                          .form(.class("inline"), .method(.post), .action(SiteRoute.signOut.path),
                                csrfField(page.csrf),
                                .button(.type(.submit), .class("link-button"), .text(t(.signOut)))),
                          else: .group(
                            .a(.href(SiteRoute.signIn.path), .text(t(.signIn))),
                            .a(.class("button small"), .href(SiteRoute.signUp.path), .text(t(.signUp)))
                          )))),
            .nav(.class("main-nav"), .ariaLabel(t(.mainNavigation)),
                 .ul(.forEach(navigation(page)) { item in
                     .li(.a(.href(item.route.path), .text(item.label),
                            .if(page.path.hasPrefix(item.route.path) && item.route != .home, .attribute(named: "aria-current", value: "page"))))
                 }))
        )
    }

    private static func navigation(_ page: PageContext) -> [(route: SiteRoute, label: String)] {
        let t = page.t
        guard page.isSignedIn else {
            return [(.home, "Blason"), (.programmes, t(.navProgramme)), (.passport, t(.navPassport)),
                    (.verify, t.pick("Vérifier un badge", "Verify a badge")), (.help, t(.navHelp))]
        }
        // Earners who belong to no organisation only have their space.
        guard !page.memberships.isEmpty else {
            return [(.passport, t(.navPassport))] + (page.reviewsApplications ? [(.reviews, t(.navReviews))] : []) + [(.help, t(.navHelp))]
        }
        return [(.dashboard, t(.navDashboard)), (.issuerTools, t(.navIssuer)), (.badgeClasses, t(.navCreator)),
                (.network, t(.navNetwork)), (.programmes, t(.navProgramme)), (.administration, t(.navAdministration)), (.reports, t(.navReports)),
                (.help, t(.navHelp))]
    }

    private static func languageSwitch(_ page: PageContext) -> Node<HTML.BodyContext> {
        .div(.class("language-switch"), .attribute(named: "role", value: "group"), .ariaLabel(page.t(.languageLabel)),
             .forEach(Language.allCases) { language in
                 language == page.language
                    ? .span(.class("current-language"), .attribute(named: "aria-current", value: "true"), .text(language.rawValue.uppercased()))
                    : .a(.href(page.languageLink(language)), .attribute(named: "hreflang", value: language.rawValue),
                         .attribute(named: "lang", value: language.rawValue),
                         .text(language == .fr ? "FR – Français" : "EN – English"))
             })
    }

    private static func organisationSwitcher(_ page: PageContext) -> Node<HTML.BodyContext> {
        guard page.memberships.count > 1 else {
            return .unwrap(page.current) { .span(.class("current-org"), .text($0.organisationName)) }
        }
        return .form(.class("inline org-switch"), .method(.post), .action(SiteRoute.organisationSwitch.path),
                     csrfField(page.csrf),
                     .select(.id("organisation-switch"), .attribute(named: "name", value: "organisation"),
                             .attribute(named: "aria-label", value: page.t(.switchOrganisation)),
                             .forEach(page.memberships) { membership in
                                 Components.option(value: membership.organisationID.uuidString, label: membership.organisationName,
                                                   selected: membership.organisationID == page.current?.organisationID)
                             }),
                     .button(.type(.submit), .class("small"), .text(page.t(.switchButton))))
    }

    static func csrfField<C: HTML.BodyContext>(_ token: String?) -> Node<C> {
        .unwrap(token) { .input(.type(.hidden), .name("_csrf"), .value($0)) }
    }
}
