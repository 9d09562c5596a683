import Foundation

extension OB2 {
    /// A badge class: what is awarded, by whom, for what.
    public struct BadgeClass: Codable, Equatable, Sendable {
        public var context = OB2.context
        public var type = "BadgeClass"
        public var id: String
        public var name: String
        public var description: String
        public var image: String
        public var criteria: Criteria
        public var issuer: String
        public var tags: [String]?
        public var alignment: [AlignmentObject]?
        public var endorsement: [String]?

        public init(id: String, name: String, description: String, image: String, criteria: Criteria, issuer: String,
                    tags: [String]? = nil, alignment: [AlignmentObject]? = nil, endorsement: [String]? = nil) {
            self.id = id
            self.name = name
            self.description = description
            self.image = image
            self.criteria = criteria
            self.issuer = issuer
            self.tags = tags?.isEmpty == true ? nil : tags
            self.alignment = alignment?.isEmpty == true ? nil : alignment
            self.endorsement = endorsement?.isEmpty == true ? nil : endorsement
        }

        enum CodingKeys: String, CodingKey {
            case context = "@context", type, id, name, description, image, criteria, issuer, tags, alignment, endorsement
        }
    }

    /// What an earner must do: a page (`id`), a Markdown narrative, or both.
    public struct Criteria: Codable, Equatable, Sendable {
        public var id: String?
        public var narrative: String?

        public init(id: String? = nil, narrative: String? = nil) {
            self.id = id
            self.narrative = narrative
        }
    }

    /// A link to an item of an educational or occupational framework.
    public struct AlignmentObject: Codable, Equatable, Sendable {
        public var targetName: String
        public var targetUrl: String
        public var targetDescription: String?
        public var targetFramework: String?
        public var targetCode: String?

        public init(targetName: String, targetUrl: String, targetDescription: String? = nil,
                    targetFramework: String? = nil, targetCode: String? = nil) {
            self.targetName = targetName
            self.targetUrl = targetUrl
            self.targetDescription = targetDescription
            self.targetFramework = targetFramework
            self.targetCode = targetCode
        }
    }
}
