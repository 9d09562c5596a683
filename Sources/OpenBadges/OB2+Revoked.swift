extension OB2 {
    /// What the URL of a revoked assertion or a withdrawn endorsement answers (with HTTP 410
    /// Gone): only the fact and the reason, so that nobody can keep presenting it as valid.
    public struct Revoked: Codable, Equatable, Sendable {
        public var context = OB2.context
        /// `Assertion` or `Endorsement`.
        public var type: String
        public var id: String
        public var revoked = true
        public var revocationReason: String?

        public init(type: String, id: String, revocationReason: String?) {
            self.type = type
            self.id = id
            self.revocationReason = revocationReason
        }

        public static func assertion(id: String, revocationReason: String?) -> Revoked {
            Revoked(type: "Assertion", id: id, revocationReason: revocationReason)
        }

        public static func endorsement(id: String, revocationReason: String?) -> Revoked {
            Revoked(type: "Endorsement", id: id, revocationReason: revocationReason)
        }

        enum CodingKeys: String, CodingKey {
            case context = "@context", type, id, revoked, revocationReason
        }
    }
}
