import Foundation
import Plot

/// « Déclaration d'accessibilité », in the form French public sites give it (RGAA 4.1): the state
/// of compliance, how it was checked, what is known not to be accessible, how to report a problem
/// and where to turn if the answer is not satisfying.
enum AccessibilityPage {
    struct Model {
        /// Where to write about an access problem: the programme's contact.
        let contactEmail: String
        /// The day the statement was last reviewed.
        let reviewed: String
    }

    static func render(_ model: Model, page: PageContext) -> String {
        let t = page.t
        return Layout.render(page, main: .group(
            .h1(.text(t.pick("Déclaration d'accessibilité", "Accessibility statement"))),
            .p(.text(t.pick("La plateforme Blason, qui porte « La Normandie badge les compétences », s'engage à rendre son service accessible conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005.",
                            "The Blason platform, which runs « La Normandie badge les compétences », is committed to making its service accessible under article 47 of French law no. 2005-102 of 11 February 2005."))),
            .p(.text(t.pick("Cette déclaration d'accessibilité s'applique à l'ensemble des pages de la plateforme.", "This statement applies to every page of the platform."))),
            .section(.h2(.text(t.pick("État de conformité", "Compliance status"))),
                     .p(.text(t.pick("La plateforme est partiellement conforme avec le référentiel général d'amélioration de l'accessibilité (RGAA 4.1), qui reprend les critères de niveau AA des WCAG 2.1 : elle n'a pas encore fait l'objet d'un audit complet par un organisme indépendant.",
                                     "The platform is partially compliant with the French accessibility framework (RGAA 4.1), which takes up the level AA criteria of WCAG 2.1: it has not yet been fully audited by an independent body.")))),
            .section(.h2(.text(t.pick("Résultats des tests", "Test results"))),
                     .ul(.li(.text(t.pick("À chaque version, axe-core est exécuté dans Chromium sur chaque page du parcours de la démarche, en français et en anglais, sur un écran de téléphone (390 × 844) et d'ordinateur (1280 × 800) : aucune non-conformité grave ou critique n'est acceptée.",
                                          "With every release, axe-core runs in Chromium on every page of the programme's flow, in French and in English, on a phone screen (390 × 844) and a desktop screen (1280 × 800): no serious or critical violation is accepted."))),
                         .li(.text(t.pick("Un test parcourt « Rejoindre la démarche » au clavier seul et vérifie que l'élément qui a le focus est toujours visible.",
                                          "A test goes through « Rejoindre la démarche » with the keyboard alone and checks that the focused element is always visible."))),
                         .li(.text(t.pick("Chaque page tient sur un écran de 320 pixels de large.", "Every page fits a screen 320 pixels wide."))))),
            .section(.h2(.text(t.pick("Contenus non accessibles", "Content that is not accessible"))),
                     .ul(.li(.text(t.pick("Les images des badges sont fournies par les structures : leur texte de remplacement est le nom du badge, qui ne décrit pas toujours l'image.",
                                          "Badge images are provided by the organisations: their text alternative is the badge's name, which does not always describe the picture."))),
                         .li(.text(t.pick("Les pièces jointes déposées avec une demande de badge (PDF, images) ne sont pas vérifiées.",
                                          "Files attached to badge applications (PDF, images) are not checked."))),
                         .li(.text(t.pick("Les documents Open Badges (JSON, JWT) sont destinés aux logiciels de vérification, pas à la lecture.",
                                          "Open Badges documents (JSON, JWT) are meant for verification software, not for reading."))))),
            .section(.h2(.text(t.pick("Établissement de cette déclaration", "How this statement was made"))),
                     .p(.text(t.pick("Déclaration revue le \(model.reviewed). Technologies utilisées : HTML, CSS, SVG, sans JavaScript. Environnement de test : Chromium et axe-core, navigation au clavier.",
                                     "Statement reviewed on \(model.reviewed). Technologies: HTML, CSS, SVG, no JavaScript. Test environment: Chromium and axe-core, keyboard navigation.")))),
            .section(.h2(.text(t.pick("Retour d'information et contact", "Feedback and contact"))),
                     .p(.text(t.pick("Si vous n'arrivez pas à accéder à un contenu ou à un service, écrivez-nous pour être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme :",
                                     "If you cannot reach some content or service, write to us to be directed to an accessible alternative or to get the content in another form:") + " "),
                        .a(.href("mailto:\(model.contactEmail)"), .text(model.contactEmail)))),
            .section(.h2(.text(t.pick("Voies de recours", "Remedies"))),
                     .p(.text(t.pick("Si vous nous avez signalé un défaut d'accessibilité qui vous empêche d'accéder à un contenu ou à un service et que vous n'avez pas obtenu de réponse satisfaisante, vous pouvez écrire au Défenseur des droits (https://formulaire.defenseurdesdroits.fr/), contacter son délégué dans votre région, ou lui écrire gratuitement : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.",
                                     "If you have reported an accessibility problem that keeps you from some content or service and have not had a satisfying answer, you can write to the Défenseur des droits (https://formulaire.defenseurdesdroits.fr/), contact its delegate in your region, or write for free to: Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07."))))
        ))
    }
}
