import Foundation

extension OB3 {
    /// What is recognised: the badge class as an `Achievement`.
    public struct Achievement: Sendable, Equatable {
        public struct Alignment: Sendable, Equatable {
            public var targetName: String
            public var targetURL: String
            public var targetDescription: String?
            public var targetFramework: String?
            public var targetCode: String?

            public init(targetName: String, targetURL: String, targetDescription: String? = nil, targetFramework: String? = nil, targetCode: String? = nil) {
                self.targetName = targetName
                self.targetURL = targetURL
                self.targetDescription = targetDescription
                self.targetFramework = targetFramework
                self.targetCode = targetCode
            }

            var json: JSONValue {
                OB3.object([
                    "type": ["Alignment"], "targetName": .string(targetName), "targetUrl": .string(targetURL),
                    "targetDescription": targetDescription.map(JSONValue.string), "targetFramework": targetFramework.map(JSONValue.string),
                    "targetCode": targetCode.map(JSONValue.string),
                ])
            }
        }

        public var id: String
        public var name: String
        public var description: String
        /// Criteria in Markdown, and/or a page describing them.
        public var criteriaNarrative: String?
        public var criteriaURL: String?
        public var imageURL: String?
        public var alignments: [Alignment]
        public var tags: [String]
        public var creator: Profile?
        public var language: String?

        public init(id: String, name: String, description: String, criteriaNarrative: String?, criteriaURL: String? = nil, imageURL: String? = nil,
                    alignments: [Alignment] = [], tags: [String] = [], creator: Profile? = nil, language: String? = nil) {
            self.id = id
            self.name = name
            self.description = description
            self.criteriaNarrative = criteriaNarrative
            self.criteriaURL = criteriaURL
            self.imageURL = imageURL
            self.alignments = alignments
            self.tags = tags
            self.creator = creator
            self.language = language
        }

        public var json: JSONValue {
            OB3.object([
                "id": .string(id), "type": ["Achievement"], "name": .string(name), "description": .string(description),
                "criteria": OB3.object(["id": criteriaURL.map(JSONValue.string), "narrative": criteriaNarrative.map(JSONValue.string)]),
                "image": imageURL.map { ["id": .string($0), "type": "Image"] },
                "alignment": alignments.isEmpty ? nil : .array(alignments.map(\.json)),
                "tag": tags.isEmpty ? nil : .array(tags.map(JSONValue.string)),
                "creator": creator?.embedded,
                "inLanguage": language.map(JSONValue.string),
            ])
        }

        /// The Achievement published at its id.
        public var document: JSONValue {
            var document = json
            document["@context"] = OB3.contexts
            return document
        }
    }
}
