import BlasonCore
import Foundation
import Plot

/// The programme's dashboard: the whole programme for its operator, one structure's part for it.
enum ProgrammeDashboardPage {
    struct Model {
        let key: String
        let programmeName: String
        /// The structure whose part this is; nil for the whole programme.
        let structureName: String?
        let figures: ProgrammeFigures
        /// What waits for the reader: the operator's decisions, or the structure's answers.
        var todo: [DashboardPage.Todo] = []
    }

    static func render(_ model: Model, page: PageContext) -> String {
        let t = page.t
        let figures = model.figures
        let levelName: (Int) -> String = { $0 == 1 ? t(.levelPractise) : t(.levelMaster) }
        let statuses: [(SubmissionStatus, KeyPath<ProgrammeFigures.LevelCount, Int>)] = [
            (.submitted, \.submitted), (.infoRequested, \.infoRequested), (.accepted, \.accepted), (.rejected, \.rejected),
        ]
        return Layout.render(page, main: .group(
            .h1(.text("\(t(.dashboardProgrammeTitle)) — \(model.programmeName)")),
            .unwrap(model.structureName) { .p(.class("lead"), .text($0)) },
            .section(.id("todo"), .class("todo"),
                     .h2(.text(t(.todoTitle))),
                     .if(model.todo.isEmpty, .p(.text(t(.todoNothingProgramme))),
                         else: .ul(.class("todo-list"), .forEach(model.todo) { item in
                             .li(.a(.href(item.link), .strong(.class("todo-count"), .text(String(item.count))), .text(" " + item.label)))
                         }))),
            .p(.class("actions"), .a(.class("button"), .href(SiteRoute.programmeExport(model.key).path), .text(t(.exportCSV)))),
            .ul(.class("figures"),
                .li(.strong(.text(String(figures.structuresApplied))), .text(" \(t(.figuresStructures)) \(t(.figuresApplied))")),
                .li(.strong(.text(String(figures.structuresAccepted))), .text(" \(t(.figuresStructures)) \(t(.figuresAccepted))")),
                .li(.strong(.text(String(figures.submissions))), .text(" \(t(.figuresSubmissions))")),
                .li(.strong(.text(String(figures.linkedBadges))), .text(" \(t(.figuresLinked))")),
                .li(.strong(.text(String(figures.proposalsSent))), .text(" \(t(.figuresProposals))"),
                    .text(" (\(figures.proposalsAccepted) \(t(.figuresProposalsAccepted)), \(figures.proposalsDeclined) \(t(.figuresProposalsDeclined)))"))),
            .section(.id("by-level"),
                     SVGBarChart.render(title: t(.chartSubmissionsByCompetency), valueHeading: t(.figuresSubmissions),
                                        bars: figures.byLevel.map { .init(label: "\($0.competencyName) – \(levelName($0.level))", value: $0.total) }, t),
                     .div(.class("table-wrap"), .table(
                        .caption(.text(t(.chartSubmissionsByCompetency))),
                        .thead(.tr(.th(.text(t(.badgeColumn))), .forEach(statuses) { .th(.text(ProgrammePages.statusLabel($0.0, t))) })),
                        .tbody(.forEach(figures.byLevel) { cell in
                            .tr(.th(.text("\(cell.competencyName) – \(levelName(cell.level))")),
                                .forEach(statuses) { .td(.text(String(cell[keyPath: $0.1]))) })
                        })))),
            .section(.id("by-month"),
                     SVGBarChart.render(title: t(.chartProposalsByMonth), valueHeading: t(.figuresProposals),
                                        bars: figures.byMonth.map { .init(label: $0.month, value: $0.proposalsSent) }, t),
                     .div(.class("table-wrap"), .table(
                        .thead(.tr(.th(.text(t(.monthColumn))), .th(.text(t(.figuresSubmissions))), .th(.text(t(.figuresProposals))),
                                   .th(.text(t(.figuresProposalsAccepted))), .th(.text(t(.figuresProposalsDeclined))))),
                        .tbody(.forEach(figures.byMonth) { month in
                            .tr(.th(.text(month.month)), .td(.text(String(month.submissions))), .td(.text(String(month.proposalsSent))),
                                .td(.text(String(month.proposalsAccepted))), .td(.text(String(month.proposalsDeclined))))
                        })))),
            .section(.id("linked"), .h2(.text(t(.linkedBadgesHeading))),
                     .if(figures.linked.isEmpty, .p(.text(t(.noSubmissions))), else: .div(.class("table-wrap"), .table(
                        .thead(.tr(.th(.text(t(.structureColumn))), .th(.text(t(.badgeColumn))), .th(.text(t(.finalBadgeLabel))),
                                   .th(.text(t(.figuresProposals))))),
                        .tbody(.forEach(figures.linked) { linked in
                            .tr(.td(.text(linked.structure)), .td(.a(.href(SiteRoute.badge(linked.badgeClassId).path), .text(linked.badgeName))),
                                .td(.a(.href(SiteRoute.badge(linked.regionBadgeClassId).path), .text(linked.regionBadgeName))),
                                .td(.text(String(linked.proposals))))
                        })))))
        ))
    }
}
