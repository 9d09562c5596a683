import Foundation

extension OB2 {
    /// The issuer's list of revoked assertions, named by its Profile's `revocationList`.
    public struct RevocationList: Codable, Equatable, Sendable {
        public var context = OB2.context
        public var type = "RevocationList"
        public var id: String
        public var issuer: String
        public var revokedAssertions: [Entry]

        public init(id: String, issuer: String, revokedAssertions: [Entry]) {
            self.id = id
            self.issuer = issuer
            self.revokedAssertions = revokedAssertions
        }

        public struct Entry: Codable, Equatable, Sendable {
            public var id: String
            public var revocationReason: String?

            public init(id: String, revocationReason: String?) {
                self.id = id
                self.revocationReason = revocationReason
            }
        }

        enum CodingKeys: String, CodingKey {
            case context = "@context", type, id, issuer, revokedAssertions
        }
    }
}
