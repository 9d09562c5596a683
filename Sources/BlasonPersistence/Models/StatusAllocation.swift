import FluentKit
import Foundation

/// The next free index of an organisation's Open Badges 3.0 status list, shared by its awards and
/// endorsements.
public final class StatusAllocation: Model, @unchecked Sendable {
    public static let schema = "status_allocations"

    /// The organisation's id: one row each.
    @ID(custom: "organisation_id", generatedBy: .user) public var id: UUID?
    @Field(key: "next_index") public var nextIndex: Int

    public init() {}

    public init(organisationID: UUID, nextIndex: Int) {
        self.id = organisationID
        self.nextIndex = nextIndex
    }
}
