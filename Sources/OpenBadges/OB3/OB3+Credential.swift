import Foundation

extension OB3 {
    /// The earner as OB 3.0 identifies them without a DID: a salted SHA-256 of their e-mail.
    public struct Identifier: Sendable, Equatable {
        public var identityHash: String
        public var salt: String
        public var identityType: String

        public init(identityHash: String, salt: String, identityType: String = "emailAddress") {
            self.identityHash = identityHash
            self.salt = salt
            self.identityType = identityType
        }

        var json: JSONValue {
            ["type": "IdentityObject", "hashed": true, "identityHash": .string(identityHash), "identityType": .string(identityType), "salt": .string(salt)]
        }
    }

    public struct Evidence: Sendable, Equatable {
        public var id: String?
        public var narrative: String?
        public var name: String?

        public init(id: String?, narrative: String?, name: String? = nil) {
            self.id = id
            self.narrative = narrative
            self.name = name
        }

        var json: JSONValue {
            OB3.object(["id": id.map(JSONValue.string), "type": ["Evidence"], "narrative": narrative.map(JSONValue.string),
                        "name": name.map(JSONValue.string)])
        }
    }

    /// Where the credential's revocation is published: a bit in a Bitstring Status List.
    public struct StatusEntry: Sendable, Equatable {
        public var listCredential: String
        public var index: Int

        public init(listCredential: String, index: Int) {
            self.listCredential = listCredential
            self.index = index
        }

        var json: JSONValue {
            ["id": .string("\(listCredential)#\(index)"), "type": "BitstringStatusListEntry", "statusPurpose": "revocation",
             "statusListIndex": .string(String(index)), "statusListCredential": .string(listCredential)]
        }
    }

    /// An award: `OpenBadgeCredential`, unsigned (a proof or a JWT wraps it).
    public struct Credential: Sendable, Equatable {
        public var id: String
        public var name: String
        public var issuer: Profile
        public var validFrom: Date
        public var validUntil: Date?
        public var identifier: Identifier
        public var achievement: Achievement
        public var evidence: [Evidence]
        public var status: StatusEntry?
        /// Signed `EndorsementCredential`s of the achievement.
        public var achievementEndorsements: [JSONValue]
        /// `credentialSubject.id`: the earner has no DID, so issuers give an opaque identifier of the
        /// subject of this credential (never the e-mail). VC-JWT verifiers match it against `sub`.
        public var subjectID: String?

        public init(id: String, name: String, issuer: Profile, validFrom: Date, validUntil: Date? = nil, identifier: Identifier,
                    achievement: Achievement, evidence: [Evidence] = [], status: StatusEntry? = nil, achievementEndorsements: [JSONValue] = [],
                    subjectID: String? = nil) {
            self.subjectID = subjectID
            self.id = id
            self.name = name
            self.issuer = issuer
            self.validFrom = validFrom
            self.validUntil = validUntil
            self.identifier = identifier
            self.achievement = achievement
            self.evidence = evidence
            self.status = status
            self.achievementEndorsements = achievementEndorsements
        }

        public var json: JSONValue {
            var achievement = self.achievement.json
            if !achievementEndorsements.isEmpty { achievement["endorsement"] = .array(achievementEndorsements) }
            return OB3.object([
                "@context": OB3.contexts,
                "id": .string(id),
                "type": ["VerifiableCredential", "OpenBadgeCredential"],
                "name": .string(name),
                "issuer": issuer.embedded,
                "validFrom": .string(OB3.dateTime(validFrom)),
                "validUntil": validUntil.map { .string(OB3.dateTime($0)) },
                "credentialSubject": OB3.object(["id": subjectID.map(JSONValue.string), "type": ["AchievementSubject"],
                                                 "identifier": [identifier.json], "achievement": achievement]),
                "evidence": evidence.isEmpty ? nil : .array(evidence.map(\.json)),
                "credentialStatus": status?.json,
            ])
        }
    }

    /// An endorsement of a profile or an achievement: `EndorsementCredential`, unsigned.
    public struct EndorsementCredential: Sendable, Equatable {
        public var id: String
        public var name: String
        public var issuer: Profile
        public var validFrom: Date
        /// The id of what is endorsed (an Achievement's or a Profile's).
        public var subjectID: String
        public var comment: String
        public var status: StatusEntry?

        public init(id: String, name: String, issuer: Profile, validFrom: Date, subjectID: String, comment: String, status: StatusEntry? = nil) {
            self.id = id
            self.name = name
            self.issuer = issuer
            self.validFrom = validFrom
            self.subjectID = subjectID
            self.comment = comment
            self.status = status
        }

        public var json: JSONValue {
            OB3.object([
                "@context": OB3.contexts,
                "id": .string(id),
                "type": ["VerifiableCredential", "EndorsementCredential"],
                "name": .string(name),
                "issuer": issuer.embedded,
                "validFrom": .string(OB3.dateTime(validFrom)),
                "credentialSubject": OB3.object(["id": .string(subjectID), "type": ["EndorsementSubject"],
                                                 "endorsementComment": comment.isEmpty ? nil : .string(comment)]),
                "credentialStatus": status?.json,
            ])
        }
    }
}
