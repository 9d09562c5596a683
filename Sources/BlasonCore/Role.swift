/// What a member may do in an organisation. An admin may do everything the others may.
public enum Role: String, CaseIterable, Codable, Sendable {
    case admin
    case creator
    case issuer
    case reviewer

    /// Whether a member holding `self` may act in `needed`'s capacity.
    public func grants(_ needed: Role) -> Bool {
        self == .admin || self == needed
    }
}
