import FluentKit
import Foundation

/// Per badge class publishing options, kept beside the badge class: its seeds read and write the
/// badge class model as it stood when they ran.
public final class BadgeClassOption: Model, @unchecked Sendable {
    public static let schema = "badge_class_options"

    /// The badge class's id: one row each, only for badge classes that set an option.
    @ID(custom: "badge_class_id", generatedBy: .user) public var id: UUID?
    /// Open Badges 2.0 assertions also offered signed (JWS, RS256).
    @Field(key: "signed_assertions") public var signedAssertions: Bool

    public init() {}

    public init(badgeClassID: UUID, signedAssertions: Bool) {
        self.id = badgeClassID
        self.signedAssertions = signedAssertions
    }
}
