import Foundation

extension OB2 {
    /// One award of a badge class to one recipient.
    public struct Assertion: Codable, Equatable, Sendable {
        public var context = OB2.context
        public var type = "Assertion"
        public var id: String
        public var recipient: IdentityObject
        public var badge: String
        public var verification: VerificationObject
        public var issuedOn: String
        public var expires: String?
        public var image: String?
        public var evidence: [Evidence]?
        public var narrative: String?
        public var revoked: Bool?
        public var revocationReason: String?

        public init(id: String, recipient: IdentityObject, badge: String, verification: VerificationObject = .hosted,
                    issuedOn: Date, expires: Date? = nil, image: String? = nil, evidence: [Evidence] = [], narrative: String? = nil) {
            self.id = id
            self.recipient = recipient
            self.badge = badge
            self.verification = verification
            self.issuedOn = OB2.timestamp(issuedOn)
            self.expires = expires.map(OB2.timestamp)
            self.image = image
            self.evidence = evidence.isEmpty ? nil : evidence
            self.narrative = narrative
        }

        enum CodingKeys: String, CodingKey {
            case context = "@context", type, id, recipient, badge, verification, issuedOn, expires, image, evidence,
                 narrative, revoked, revocationReason
        }
    }

    /// How a consumer checks an assertion: by fetching its `id` (hosted) or by a signature.
    public struct VerificationObject: Codable, Equatable, Sendable {
        public var type: String
        public var creator: String?

        public init(type: String, creator: String? = nil) {
            self.type = type
            self.creator = creator
        }

        public static let hosted = VerificationObject(type: "hosted")
    }

    /// A piece of work that shows the earner met the criteria.
    public struct Evidence: Codable, Equatable, Sendable {
        public var type = "Evidence"
        public var id: String?
        public var narrative: String?

        public init(id: String? = nil, narrative: String? = nil) {
            self.id = id
            self.narrative = narrative
        }
    }
}
