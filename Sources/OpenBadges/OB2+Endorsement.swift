import Foundation

extension OB2 {
    /// A claim by an issuer about another object (a Profile, a BadgeClass), with a comment.
    public struct Endorsement: Codable, Equatable, Sendable {
        public var context = OB2.context
        public var type = "Endorsement"
        public var id: String
        public var claim: Claim
        public var issuer: String
        public var issuedOn: String
        public var verification: VerificationObject

        public init(id: String, claim: Claim, issuer: String, issuedOn: Date, verification: VerificationObject = .hosted) {
            self.id = id
            self.claim = claim
            self.issuer = issuer
            self.issuedOn = OB2.timestamp(issuedOn)
            self.verification = verification
        }

        /// The endorsed object's id and what the endorser says of it.
        public struct Claim: Codable, Equatable, Sendable {
            public var id: String
            public var endorsementComment: String?

            public init(id: String, endorsementComment: String?) {
                self.id = id
                self.endorsementComment = endorsementComment
            }
        }

        enum CodingKeys: String, CodingKey {
            case context = "@context", type, id, claim, issuer, issuedOn, verification
        }
    }
}
