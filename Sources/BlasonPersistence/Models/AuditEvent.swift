import FluentKit
import Foundation

/// One change of state, recorded in the transaction that made it: who (an account, or the
/// platform itself), when, what, and from which client address. Kept per organisation; events
/// of a programme's procedure also carry the programme's key, for its operator's log.
public final class AuditEvent: Model, @unchecked Sendable {
    public static let schema = "audit_events"

    @ID(key: .id) public var id: UUID?
    /// The organisation whose log the event belongs to.
    @OptionalField(key: "organisation_id") public var organisationID: UUID?
    @OptionalField(key: "programme_key") public var programmeKey: String?
    @OptionalField(key: "actor_user_id") public var actorUserID: UUID?
    /// The actor's name when it happened (accounts can be renamed or deleted).
    @Field(key: "actor_name") public var actorName: String
    /// What happened, e.g. `award.issued`, `member.role-changed`.
    @Field(key: "action") public var action: String
    @Field(key: "object_type") public var objectType: String
    @Field(key: "object_id") public var objectID: String
    /// A short description of the change (never an e-mail address).
    @Field(key: "detail") public var detail: String
    @OptionalField(key: "client_address") public var clientAddress: String?
    @Field(key: "occurred_at") public var occurredAt: Date

    public init() {}

    public init(organisationID: UUID?, programmeKey: String?, actorUserID: UUID?, actorName: String, action: String,
                objectType: String, objectID: String, detail: String, clientAddress: String?, occurredAt: Date) {
        self.organisationID = organisationID
        self.programmeKey = programmeKey
        self.actorUserID = actorUserID
        self.actorName = actorName
        self.action = action
        self.objectType = objectType
        self.objectID = objectID
        self.detail = detail
        self.clientAddress = clientAddress
        self.occurredAt = occurredAt
    }
}
