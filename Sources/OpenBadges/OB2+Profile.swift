import Foundation

extension OB2 {
    /// The issuer of badge classes (an organisation).
    public struct Profile: Codable, Equatable, Sendable {
        public var context = OB2.context
        public var type = "Issuer"
        public var id: String
        public var name: String
        public var url: String
        public var email: String
        public var description: String?
        public var image: String?
        public var revocationList: String?
        public var endorsement: [String]?

        public init(id: String, name: String, url: String, email: String, description: String? = nil,
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
            case context = "@context", type, id, name, url, email, description, image, revocationList, endorsement
        }
    }
}
