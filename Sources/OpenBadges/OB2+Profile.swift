import Foundation

extension OB2 {
    /// The issuer of badge classes (an organisation), or another party such as an endorser.
    public struct Profile: Codable, Equatable, Sendable {
        public var context = OB2.context
        public var type = "Issuer"
        public var id: String
        public var name: String
        public var url: String
        /// Required of an `Issuer`; left out for a person whose address is not to be published.
        public var email: String?
        public var description: String?
        public var image: String?
        public var revocationList: String?
        public var endorsement: [String]?
        /// The keys its signed assertions are verified with (`CryptographicKey` URLs).
        public var publicKey: [String]?

        public init(id: String, name: String, url: String, email: String?, description: String? = nil,
                    image: String? = nil, revocationList: String? = nil, endorsement: [String]? = nil, type: String = "Issuer") {
            self.id = id
            self.name = name
            self.url = url
            self.email = email
            self.description = description
            self.image = image
            self.revocationList = revocationList
            self.endorsement = endorsement?.isEmpty == true ? nil : endorsement
            self.type = type
        }

        enum CodingKeys: String, CodingKey {
            case context = "@context", type, id, name, url, email, description, image, revocationList, endorsement, publicKey
        }
    }

    /// A public key of an issuer, for signed assertions.
    public struct CryptographicKey: Codable, Equatable, Sendable {
        public var context = OB2.context
        public var type = "CryptographicKey"
        public var id: String
        public var owner: String
        public var publicKeyPem: String

        public init(id: String, owner: String, publicKeyPem: String) {
            self.id = id
            self.owner = owner
            self.publicKeyPem = publicKeyPem
        }

        enum CodingKeys: String, CodingKey {
            case context = "@context", type, id, owner, publicKeyPem
        }
    }
}
