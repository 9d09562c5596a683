import FluentKit
import Foundation

/// A link from an application to another object, named by kind (e.g. the programme attaches the
/// badge submissions of a participant application). The extension point for features built on
/// applications: they add links and read them back, applications need not know them.
public final class ApplicationLink: Model, @unchecked Sendable {
    public static let schema = "application_links"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "application_id") public var application: BadgeApplication
    @Field(key: "kind") public var kind: String
    @Field(key: "target_id") public var targetID: UUID
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(applicationID: UUID, kind: String, targetID: UUID) {
        self.$application.id = applicationID
        self.kind = kind
        self.targetID = targetID
    }
}
