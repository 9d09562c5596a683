import FluentKit
import Foundation

/// One failed sign-in, counted against the account's address and against the client's address.
/// In the database, so the limits hold across nodes and restarts.
public final class SignInFailure: Model, @unchecked Sendable {
    public static let schema = "sign_in_failures"

    @ID(key: .id) public var id: UUID?
    /// `account:<e-mail>` or `client:<IP address>`.
    @Field(key: "key") public var key: String
    @Field(key: "failed_at") public var failedAt: Date

    public init() {}

    public init(key: String, failedAt: Date) {
        self.key = key
        self.failedAt = failedAt
    }
}
