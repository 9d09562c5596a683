import BlasonCore
import BlasonPersistence
import Fluent
import Foundation

/// Where features built on applications plug in, without applications knowing them. A feature
/// registers a named hook; a form lists the hook names it uses; applications call each phase at
/// its moment, inside the transaction of the change. Links between an application and other
/// objects are data (`ApplicationLink` rows), described for reviewers by `describeLink`.
struct ApplicationHooks: Sendable {
    /// Nil when the step may go on, or what is missing, in words for people.
    typealias Check = @Sendable (_ form: ApplicationForm, _ application: BadgeApplication, _ db: any Database, _ t: Localizer) async throws -> String?
    typealias Action = @Sendable (_ form: ApplicationForm, _ application: BadgeApplication, _ db: any Database) async throws -> Void
    typealias LinkDescription = @Sendable (_ link: ApplicationLink, _ db: any Database, _ t: Localizer) async throws -> (label: String, path: String)?
    typealias PanelBuilder = @Sendable (_ form: ApplicationForm, _ organisationID: UUID?, _ db: any Database, _ t: Localizer) async throws -> Panel?

    /// What a feature shows on the apply page (e.g. the badges a structure submitted, and where to submit one).
    struct Panel: Sendable {
        let title: String
        let intro: String
        let items: [(label: String, path: String)]
        let action: (label: String, path: String)?
    }

    struct Hook: Sendable {
        /// Before an application is submitted (the applicant's organisation, answers known).
        var beforeSubmit: Check?
        /// Once submitted (e.g. to link other objects to it).
        var afterSubmit: Action?
        /// Before a reviewer's approval.
        var beforeApprove: Check?
        /// After the approval and its award.
        var afterApprove: Action?
        var describeLink: LinkDescription?
        /// Shown on the apply page, for the applying organisation (nil for people).
        var applyPanel: PanelBuilder?
    }

    private var hooks: [String: Hook] = [:]

    mutating func register(_ name: String, _ hook: Hook) {
        hooks[name] = hook
    }

    /// Registers only an approval precondition.
    mutating func register(precondition name: String,
                           _ check: @escaping @Sendable (_ application: BadgeApplication, _ db: any Database, _ t: Localizer) async throws -> String?) {
        hooks[name] = Hook(beforeApprove: { _, application, db, t in try await check(application, db, t) })
    }

    /// Every unmet check of `phase` for the form's hooks; an unknown hook name blocks rather than being ignored.
    func unmet(_ phase: KeyPath<Hook, Check?>, form: ApplicationForm, application: BadgeApplication, db: any Database, t: Localizer) async throws -> [String] {
        var problems: [String] = []
        for name in form.preconditions {
            guard let hook = hooks[name] else { problems.append(name); continue }
            if let check = hook[keyPath: phase], let problem = try await check(form, application, db, t) { problems.append(problem) }
        }
        return problems
    }

    func run(_ phase: KeyPath<Hook, Action?>, form: ApplicationForm, application: BadgeApplication, db: any Database) async throws {
        for name in form.preconditions {
            if let action = hooks[name]?[keyPath: phase] { try await action(form, application, db) }
        }
    }

    func panels(form: ApplicationForm, organisationID: UUID?, db: any Database, t: Localizer) async throws -> [Panel] {
        var panels: [Panel] = []
        for name in form.preconditions {
            if let build = hooks[name]?.applyPanel, let panel = try await build(form, organisationID, db, t) { panels.append(panel) }
        }
        return panels
    }

    func describe(_ link: ApplicationLink, db: any Database, t: Localizer) async throws -> (label: String, path: String)? {
        for hook in hooks.values {
            if let describe = hook.describeLink, let description = try await describe(link, db, t) { return description }
        }
        return nil
    }
}

/// Where features plug into awards: after awards are issued (in their transaction), and after one
/// is revoked (in the revocation's transaction).
struct AwardHooks: Sendable {
    typealias Issued = @Sendable (_ awards: [Award], _ badgeClass: BadgeClass, _ db: any Database) async throws -> Void
    typealias Revoked = @Sendable (_ award: Award, _ db: any Database) async throws -> Void

    var afterIssue: [Issued] = []
    var afterRevoke: [Revoked] = []
}
