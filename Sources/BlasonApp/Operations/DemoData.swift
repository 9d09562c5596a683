import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import Vapor

/// `blason serve --demo` / `blason demo`: two partner structures with a badge each, a few earners and a
/// demo account, so a newcomer sees a living platform. Running it twice changes nothing.
extension AdminOperations {
    public static let demoAccount = (email: "demo@blason.test", password: "demo-blason-2026")

    @discardableResult
    public func seedDemo() async throws -> String {
        let db = app.db
        if try await Organisation.query(on: db).filter(\.$slug == "tremplin-emploi-demo").first() != nil {
            return "demo data already present; sign in as \(Self.demoAccount.email) / \(Self.demoAccount.password)"
        }
        let structures: [(name: String, slug: String, city: String, badge: String, description: String, criteria: String, colour: String, earners: [String])] = [
            ("Association Tremplin Emploi (démo)", "tremplin-emploi-demo", "Caen", "Accueillir le public",
             "Reconnaît la capacité à accueillir et orienter le public d'une structure.",
             "- Accueillir une personne et identifier sa demande\n- L'orienter vers le bon interlocuteur", "#2f6f4f",
             ["camille.martin@example.org", "Yanis Benali <yanis.benali@example.org>"]),
            ("Atelier Numérique de Rouen (démo)", "atelier-numerique-demo", "Rouen", "Utiliser un tableur",
             "Reconnaît la capacité à organiser des données simples dans un tableur.",
             "- Saisir et trier des données\n- Produire un total et un graphique simple", "#7a3b69",
             ["lea.dubois@example.org", "Hugo Lefèvre <hugo.lefevre@example.org>", "nora.petit@example.org"]),
        ]
        let user = try await AccountService(db: db, hasher: app.passwordHasher)
            .signUp(email: Self.demoAccount.email, password: Self.demoAccount.password, name: "Compte de démonstration", language: .fr, verified: true)
        for structure in structures {
            let organisation = try await OrganisationService(db: db).create(
                OrganisationDraft(name: structure.name, slug: structure.slug,
                                  description: LocalizedText(fr: "Structure partenaire fictive, créée pour la démonstration."),
                                  contactEmail: "contact@\(structure.slug).example.org", city: structure.city, country: "France"),
                logo: nil, creatorID: user.requireID())
            let art = BadgeArtwork.medal(colour: structure.colour, lines: BadgeArtwork.wrap(structure.badge.uppercased()), caption: "DÉMO", footer: structure.city.uppercased())
            let badgeClass = try await BadgeClassService(db: db).create(
                organisationID: organisation.requireID(),
                draft: BadgeClassDraft(name: LocalizedText(fr: structure.badge), description: LocalizedText(fr: structure.description),
                                       criteria: LocalizedText(fr: structure.criteria), tags: ["démo"]),
                image: Data(art.utf8))
            let recipients = try RecipientList.parse(structure.earners.joined(separator: "\n"))
            _ = try await app.blason.awards(db).issue(
                badgeClass, draft: AwardDraft(recipients: recipients, issuedOn: app.blason.clock.now), issuedBy: user.requireID())
        }
        return "demo data added; sign in as \(Self.demoAccount.email) / \(Self.demoAccount.password)"
    }
}
