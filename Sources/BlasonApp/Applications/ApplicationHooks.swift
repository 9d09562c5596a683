import BlasonCore
import BlasonPersistence
import Fluent
import Foundation

/// Where features built on applications plug in, without applications knowing them. A feature
/// registers named approval preconditions; a form lists the names it needs; approval checks them,
/// in the approval's transaction. (Links between applications and other objects are data:
/// `ApplicationLink` rows that a feature adds and reads back.)
struct ApplicationHooks: Sendable {
    /// Returns nil when the application may be approved, or what is missing, in words for people.
    typealias Precondition = @Sendable (_ application: BadgeApplication, _ db: any Database, _ t: Localizer) async throws -> String?

    private var preconditions: [String: Precondition] = [:]

    mutating func register(precondition name: String, _ check: @escaping Precondition) {
        preconditions[name] = check
    }

    var registeredPreconditions: [String] { preconditions.keys.sorted() }

    /// Every unmet precondition of `names`; an unknown name blocks approval rather than being ignored.
    func unmet(_ names: [String], application: BadgeApplication, db: any Database, t: Localizer) async throws -> [String] {
        var problems: [String] = []
        for name in names {
            guard let check = preconditions[name] else {
                problems.append(name)
                continue
            }
            if let problem = try await check(application, db, t) { problems.append(problem) }
        }
        return problems
    }
}
