import FluentKit
import Foundation

/// One submission of a public form, counted against the client's address and, where the form
/// names one, against an e-mail address. In the database, so the limits hold across nodes.
public final class FormHit: Model, @unchecked Sendable {
    public static let schema = "form_hits"

    @ID(key: .id) public var id: UUID?
    /// `<form>:client:<IP address>` or `<form>:account:<e-mail>`.
    @Field(key: "key") public var key: String
    @Field(key: "at") public var at: Date

    public init() {}

    public init(key: String, at: Date) {
        self.key = key
        self.at = at
    }
}
