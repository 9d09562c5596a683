import BlasonCore
import Foundation
import Plot

extension IssuingPages {
    struct JobModel {
        let badgeClassID: UUID
        let badgeName: String
        let done: Int
        let total: Int
        let status: IssueJobStatus
        let error: String?
    }

    /// A large award's progress: a progress bar with its figures in words for screen readers.
    static func job(_ model: JobModel, page: PageContext) -> String {
        let t = page.t
        let state = switch model.status {
        case .queued: t.pick("En attente", "Waiting")
        case .running: t.pick("En cours", "In progress")
        case .done: t.pick("Terminé", "Done")
        case .failed: t.pick("Interrompu", "Stopped")
        }
        let figures = t.pick("\(model.done) badges attribués sur \(model.total)", "\(model.done) of \(model.total) badges awarded")
        return Layout.render(page, main: .article(
            .h1(.text(t.pick("Attribution du badge « \(model.badgeName) »", "Awarding the badge “\(model.badgeName)”"))),
            .p(.attribute(named: "role", value: "status"), .strong(.text(state)), .text(" — " + figures)),
            .element(named: "progress", nodes: [
                .attribute(named: "max", value: String(max(model.total, 1))), .attribute(named: "value", value: String(model.done)),
                .attribute(named: "aria-label", value: figures), .text(figures),
            ]),
            .unwrap(model.error) { .p(.class("field-error"), .text($0)) },
            .if(model.status == .queued || model.status == .running,
                .p(.class("hint"), .text(t.pick("Cette page se met à jour toute seule ; vous pouvez aussi la quitter, l'attribution continue.",
                                                "This page updates itself; you may also leave it, the award goes on."))),
                else: .p(.a(.href(SiteRoute.badgeClass(model.badgeClassID).path), .text(t.pick("Retour au badge", "Back to the badge")))))))
    }
}
