import BlasonPersistence
import Foundation
import Plot

/// Endorsements as people read them, beside the Open Badges data that carries them: on an award's
/// page (its issuer's, and its badge class's as they stood when it was awarded), on a badge class's
/// page and on an issuer's page.
enum EndorsementList {
    struct Item {
        let endorserName: String
        /// The endorsing organisation's public page; nil for someone outside the platform.
        let endorserID: UUID?
        let affiliation: String?
        let comment: String
        let date: Date?
        let url: String
        /// What is endorsed, when a list mixes the issuer and its badge class.
        var subject: String?
    }

    static func items(_ endorsements: [Endorsement], url: (UUID) -> String, subject: String? = nil) -> [Item] {
        endorsements.map { endorsement in
            Item(endorserName: endorsement.endorser?.name ?? endorsement.externalName ?? "", endorserID: endorsement.$endorser.id,
                 affiliation: endorsement.externalAffiliation, comment: endorsement.comment, date: endorsement.publishedAt,
                 url: url(endorsement.id!), subject: subject)
        }
    }

    static func section(_ items: [Item], page: PageContext) -> Node<HTML.BodyContext> {
        let t = page.t
        return .if(!items.isEmpty, .section(
            .class("endorsements"),
            .h2(.text(t(.endorsementsHeading))),
            .ul(.class("endorsement-list"), .forEach(items) { item in
                .li(.p(.class("quote"), .text(item.comment)),
                    .p(.class("hint"),
                       .unwrap(item.endorserID, { .a(.href(SiteRoute.issuer($0).path), .text(item.endorserName)) }, else: .text(item.endorserName)),
                       .unwrap(item.affiliation) { .text(" (\($0))") },
                       .unwrap(item.date) { .text(" — \(t(.endorsedOn)) \(t.date($0))") },
                       .unwrap(item.subject) { .text(" — \($0)") },
                       .text(" — "), .a(.href(item.url), .attribute(named: "type", value: "application/ld+json"), .text("Open Badges"))))
            })
        ))
    }
}
