import Foundation
import BlasonCore
import OpenBadges
import Plot

/// The human side of the public Open Badges URLs, in the visitor's language.
enum PublicPages {
    struct AssertionModel {
        let awardID: UUID
        let badgeClassID: UUID
        let issuerID: UUID
        let badgeName: LocalizedText
        let badgeDescription: LocalizedText
        let criteria: LocalizedText
        let issuerName: String
        let recipientName: String?
        let issuedOn: Date
        let expires: Date?
        let evidenceURL: String?
        let narrative: String?
        let status: AwardStatus
        let revocationReason: String?
        let formats: [BadgeImageFormat]
        var signed = false
        var endorsements: [EndorsementList.Item] = []
    }

    static func assertion(_ model: AssertionModel, page: PageContext) -> String {
        let t = page.t
        let language = page.language
        let name = model.badgeName.text(in: language)
        let verdict: Node<HTML.BodyContext> = switch model.status {
        case .valid: .p(.class("verdict valid"), .text(t(.verificationValid)))
        case .expired: .p(.class("verdict expired"), .text(t(.verificationExpired)))
        case .revoked: .div(.class("verdict revoked"), .p(.text(t(.verificationRevoked))),
                             .unwrap(model.revocationReason) { .p(.text("\(t(.revocationReasonLabel)) : \($0)")) })
        // Not reachable: such awards are not public. Shown as not valid all the same.
        case .proposed, .declined, .withdrawn: .p(.class("verdict revoked"), .text(t(.error404)))
        }
        return Layout.render(page, main: .article(
            .class("award"),
            .div(.class("badge-header"),
                 Components.badgeImage(SiteRoute.badgeImage(model.badgeClassID).path, name: name),
                 .div(.h1(.text(name)),
                      verdict,
                      .dl(.unwrap(model.recipientName) { .group(.dt(.text(t(.recipientLabel))), .dd(.text($0))) },
                          .dt(.text(t(.issuedBy))), .dd(.a(.href(SiteRoute.issuer(model.issuerID).path), .text(model.issuerName))),
                          .dt(.text(t(.issuedOnLabel))), .dd(.element(named: "time", nodes: [.attribute(named: "datetime", value: OB2.timestamp(model.issuedOn)), .text(t.date(model.issuedOn))])),
                          .unwrap(model.expires) { .group(.dt(.text(t(.expiresOnLabel))), .dd(.text(t.date($0)))) }))),
            .p(.text(model.badgeDescription.text(in: language))),
            .h2(.text(t(.criteriaHeading))),
            .div(.class("markdown"), .raw(Markdown.html(model.criteria.text(in: language)))),
            .if(model.evidenceURL != nil || model.narrative != nil, .section(
                .h2(.text(t(.evidenceHeading))),
                .unwrap(model.narrative) { .p(.text($0)) },
                .unwrap(model.evidenceURL) { .p(.a(.href($0), .attribute(named: "rel", value: "nofollow noopener"), .text($0))) })),
            EndorsementList.section(model.endorsements, page: page),
            .if(model.status != .revoked, .section(
                .class("downloads"),
                .h2(.text(t(.openBadgesData))),
                .p(.text(t(.verificationExplanation))),
                .ul(.if(model.formats.contains(.png), .li(.a(.href(SiteRoute.assertionBaked(model.awardID, .png).path), .attribute(named: "download"), .text(t(.downloadBakedPNG))))),
                    .if(model.formats.contains(.svg), .li(.a(.href(SiteRoute.assertionBaked(model.awardID, .svg).path), .attribute(named: "download"), .text(t(.downloadBakedSVG))))),
                    .li(.a(.href(SiteRoute.assertion(model.awardID).path + "?format=json"), .attribute(named: "type", value: "application/ld+json"), .text(t(.downloadJSON))))),
                .if(!model.formats.contains(.png), .p(.class("hint"), .text(t(.pngUnavailable)))),
                .if(model.signed, .ul(
                    .li(.a(.href(SiteRoute.assertionSigned(model.awardID).path), .attribute(named: "download"),
                           .text(t.pick("Assertion signée (JWS)", "Signed assertion (JWS)")))),
                    .if(model.formats.contains(.png), .li(.a(.href(SiteRoute.assertionSignedBaked(model.awardID).path), .attribute(named: "download"),
                                                              .text(t.pick("Image PNG avec l'assertion signée", "PNG image with the signed assertion"))))))),
                .h3(.text("Open Badges 3.0")),
                .p(.text(t.pick("Le même badge en Open Badges 3.0, signé par l'émetteur : pour les portefeuilles numériques récents.",
                                "The same badge as Open Badges 3.0, signed by the issuer: for recent digital wallets."))),
                .ul(.if(model.formats.contains(.png), .li(.a(.href(SiteRoute.ob3CredentialBaked(model.awardID, .png).path), .attribute(named: "download"),
                                                              .text(t.pick("Image PNG du badge (Open Badges 3.0)", "Badge image as PNG (Open Badges 3.0)"))))),
                    .li(.a(.href(SiteRoute.ob3CredentialBaked(model.awardID, .svg).path), .attribute(named: "download"),
                           .text(t.pick("Image SVG du badge (Open Badges 3.0)", "Badge image as SVG (Open Badges 3.0)")))),
                    .li(.a(.href(SiteRoute.ob3Credential(model.awardID).path + "?format=json"), .attribute(named: "type", value: "application/ld+json"),
                           .text(t.pick("Attestation signée (JSON-LD, eddsa-rdfc-2022)", "Signed credential (JSON-LD, eddsa-rdfc-2022)")))),
                    .li(.a(.href(SiteRoute.ob3CredentialJWT(model.awardID).path), .attribute(named: "download"),
                           .text(t.pick("Attestation signée (VC-JWT)", "Signed credential (VC-JWT)"))))),
                .p(.a(.href(SiteRoute.verify.path + "?url=" + (SiteRoute.assertion(model.awardID).path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")),
                      .text(t.pick("Vérifier ce badge", "Verify this badge"))))))
        ))
    }

    struct BadgeClassModel {
        let id: UUID
        let issuerID: UUID
        let issuerName: String
        let name: LocalizedText
        let description: LocalizedText
        let criteria: LocalizedText
        let criteriaURL: String?
        let tags: [String]
        let alignments: [Alignment]
        let archived: Bool
        var endorsements: [EndorsementList.Item] = []
    }

    static func badgeClass(_ model: BadgeClassModel, page: PageContext) -> String {
        let t = page.t
        let language = page.language
        return Layout.render(page, main: .article(
            .div(.class("badge-header"),
                 Components.badgeImage(SiteRoute.badgeImage(model.id).path, name: model.name.text(in: language)),
                 .div(.h1(.text(model.name.text(in: language))),
                      .p(.text("\(t(.issuedBy)) "), .a(.href(SiteRoute.issuer(model.issuerID).path), .text(model.issuerName))),
                      .p(.text(model.description.text(in: language))))),
            .h2(.id("criteria"), .text(t(.criteriaHeading))),
            .div(.class("markdown"), .raw(Markdown.html(model.criteria.text(in: language)))),
            .unwrap(model.criteriaURL) { .p(.a(.href($0), .text($0))) },
            .if(!model.alignments.isEmpty, .section(.h2(.text(t(.alignmentsHeading))), .ul(.forEach(model.alignments) { alignment in
                .li(.a(.href(alignment.targetURL), .text(alignment.targetName)),
                    .unwrap(alignment.targetFramework) { .text(" — \($0)") },
                    .unwrap(alignment.targetCode) { .text(" (\($0))") })
            }))),
            .if(!model.tags.isEmpty, .section(.h2(.text(t(.tagsHeading))), .ul(.class("tags"), .forEach(model.tags) { .li(.class("tag"), .text($0)) }))),
            EndorsementList.section(model.endorsements, page: page)
        ))
    }

    struct IssuerModel {
        struct Badge {
            let id: UUID
            let name: String
        }
        let id: UUID
        let name: String
        let description: LocalizedText
        let website: String?
        let email: String
        let hasLogo: Bool
        let badges: [Badge]
        /// Badges the organisation itself earned (e.g. a programme's participant badge), as award ids.
        var received: [(awardID: UUID, badgeClassID: UUID, name: String)] = []
        var endorsements: [EndorsementList.Item] = []
    }

    static func issuer(_ model: IssuerModel, page: PageContext) -> String {
        let t = page.t
        return Layout.render(page, main: .article(
            .div(.class("badge-header"),
                 .if(model.hasLogo, .img(.src(SiteRoute.issuerLogo(model.id).path), .alt("Logo \(model.name)"), .class("badge-image small"))),
                 .h1(.text(model.name))),
            .p(.text(model.description.text(in: page.language))),
            .dl(.unwrap(model.website) { .group(.dt(.text(t(.issuerWebsite))), .dd(.a(.href($0), .text($0)))) },
                .dt(.text(t(.issuerContact))), .dd(.a(.href("mailto:\(model.email)"), .text(model.email)))),
            .if(!model.received.isEmpty, .section(
                .h2(.text(t(.badgesReceived))),
                .ul(.class("badge-grid"), .forEach(model.received) { badge in
                    .li(.class("badge-card"), .a(.href(SiteRoute.assertion(badge.awardID).path),
                                                 Components.badgeImage(SiteRoute.badgeImage(badge.badgeClassID).path, name: badge.name, size: "small"),
                                                 .span(.text(badge.name))))
                }))),
            .h2(.text(t(.badgesOfIssuer))),
            .ul(.class("badge-grid"), .forEach(model.badges) { badge in
                .li(.class("badge-card"), .a(.href(SiteRoute.badge(badge.id).path),
                                             Components.badgeImage(SiteRoute.badgeImage(badge.id).path, name: badge.name, size: "small"),
                                             .span(.text(badge.name))))
            }),
            EndorsementList.section(model.endorsements, page: page)
        ))
    }
}
