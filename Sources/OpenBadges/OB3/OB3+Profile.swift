import Foundation

extension OB3 {
    /// A public key an issuer signs with, listed in its Profile.
    public struct VerificationMethod: Sendable, Equatable {
        public enum Key: Sendable, Equatable {
            /// Ed25519, as a Multikey (`z6Mk…`).
            case multikey(String)
            /// Any other key, as a public JWK.
            case jwk([String: String])
        }

        public var id: String
        public var controller: String
        public var key: Key

        public init(id: String, controller: String, key: Key) {
            self.id = id
            self.controller = controller
            self.key = key
        }

        public var json: JSONValue {
            switch key {
            case .multikey(let value):
                return ["id": .string(id), "type": "Multikey", "controller": .string(controller), "publicKeyMultibase": .string(value)]
            case .jwk(let jwk):
                return ["id": .string(id), "type": "JsonWebKey", "controller": .string(controller),
                        "publicKeyJwk": .object(jwk.mapValues { .string($0) })]
            }
        }
    }

    /// An issuer (or an endorser): `Profile`.
    public struct Profile: Sendable, Equatable {
        public var id: String
        public var name: String
        public var url: String?
        public var email: String?
        public var description: String?
        public var imageURL: String?
        public var verificationMethods: [VerificationMethod]

        public init(id: String, name: String, url: String? = nil, email: String? = nil, description: String? = nil, imageURL: String? = nil,
                    verificationMethods: [VerificationMethod] = []) {
            self.id = id
            self.name = name
            self.url = url
            self.email = email
            self.description = description
            self.imageURL = imageURL
            self.verificationMethods = verificationMethods
        }

        /// The Profile as embedded in a credential (`issuer`): no keys, no context.
        public var embedded: JSONValue {
            OB3.object([
                "id": .string(id), "type": ["Profile"], "name": .string(name), "url": url.map(JSONValue.string),
                "email": email.map(JSONValue.string), "description": description.map(JSONValue.string),
                "image": imageURL.map { ["id": .string($0), "type": "Image"] },
            ])
        }

        /// The Profile document published at its id, with the keys verifiers look up there.
        public var document: JSONValue {
            var document = embedded
            document["@context"] = [.string(OB3.credentialsContext), .string(OB3.openBadgesContext), .string(OB3.multikeyContext)]
            if !verificationMethods.isEmpty {
                document["verificationMethod"] = .array(verificationMethods.map(\.json))
                document["assertionMethod"] = .array(verificationMethods.map { .string($0.id) })
            }
            return document
        }
    }
}
