import Foundation
import BlasonCore
import Plot

/// The public front page: what Blason is, and the programme's Region badges.
enum HomePage {
    struct Model {
        struct RegionBadge {
            let id: UUID
            let name: String
        }
        let regionBadges: [RegionBadge]
        let operatorID: UUID?
    }

    static func render(_ model: Model, page: PageContext) -> String {
        let t = page.t
        return Layout.render(page, main: .group(
            .section(.class("hero"),
                     .h1(.text(t(.homeTitle))),
                     .p(.class("lead"), .text(t(.homeLead))),
                     .if(!page.isSignedIn, .p(.class("actions"),
                                              .a(.class("button primary"), .href(SiteRoute.signUp.path), .text(t(.signUp))),
                                              .a(.class("button"), .href(SiteRoute.signIn.path), .text(t(.signIn)))))),
            .section(.class("programme"),
                     .h2(.text(t(.homeProgrammeTitle))),
                     .p(.text(t(.homeProgrammeText))),
                     .h3(.text(t(.homeRegionBadges))),
                     .ul(.class("badge-grid"), .forEach(model.regionBadges) { badge in
                         .li(.class("badge-card"),
                             .a(.href(SiteRoute.badge(badge.id).path),
                                Components.badgeImage(SiteRoute.badgeImage(badge.id).path, name: badge.name, size: "small"),
                                .span(.text(badge.name))))
                     }),
                     .unwrap(model.operatorID) { .p(.a(.href(SiteRoute.issuer($0).path), .text(NormandieProgramme.operatorName))) },
                     .p(.text(t(.homeVerifyText))))
        ))
    }
}
