import BlasonCore
import BlasonPersistence
import Fluent
import Foundation

/// Who is acting in the current task. The middlewares that know the signed-in user (session or
/// API token) bind it around the handler, so services deep below record it without passing it
/// along; work without a request (jobs, the scheduler, the command line) is the platform's own.
struct AuditActor: Sendable {
    var userID: UUID?
    var name: String
    var clientAddress: String?

    static let platform = AuditActor(userID: nil, name: "Blason", clientAddress: nil)
    @TaskLocal static var current = AuditActor.platform
}

/// Records changes of state in the audit log, on the database handle of the change itself so the
/// event commits or rolls back with it.
struct AuditLog {
    let db: any Database
    let clock: Clock

    /// - Parameters:
    ///   - organisation: whose log it goes to (the organisation that acted, or was acted on).
    ///   - programme: the programme's key, for changes of its procedure (its operator's log).
    ///   - detail: a short description, never an e-mail address.
    func record(_ action: String, organisation: UUID?, programme: String? = nil, object: String, id: UUID?, detail: String) async throws {
        let actor = AuditActor.current
        try await AuditEvent(organisationID: organisation, programmeKey: programme, actorUserID: actor.userID, actorName: actor.name,
                             action: action, objectType: object, objectID: id?.lowercased ?? "", detail: String(LogRedaction.emails(in: detail).prefix(500)),
                             clientAddress: actor.clientAddress, occurredAt: clock.now).create(on: db)
    }
}
