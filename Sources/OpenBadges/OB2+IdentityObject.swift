import Crypto
import Foundation

extension OB2 {
    /// The recipient of an assertion, published as a salted hash so that the e-mail stays private
    /// while anyone who knows it can check it.
    public struct IdentityObject: Codable, Equatable, Sendable {
        public var type: String
        public var hashed: Bool
        public var salt: String?
        public var identity: String

        public init(type: String, hashed: Bool, salt: String?, identity: String) {
            self.type = type
            self.hashed = hashed
            self.salt = salt
            self.identity = identity
        }

        /// `sha256$` + hex SHA-256 of the e-mail followed by the salt, as the specification defines.
        public static func hashedEmail(_ email: String, salt: String) -> IdentityObject {
            IdentityObject(type: "email", hashed: true, salt: salt, identity: hash(email, salt: salt))
        }

        public static func hash(_ value: String, salt: String) -> String {
            let digest = SHA256.hash(data: Data((value + salt).utf8))
            return "sha256$" + digest.map { String(format: "%02x", $0) }.joined()
        }

        /// Whether `email` is the recipient (e-mail addresses compare case-insensitively).
        public func matches(email: String) -> Bool {
            let candidate = email.trimmingCharacters(in: .whitespaces).lowercased()
            guard hashed else { return identity.lowercased() == candidate }
            return [candidate, email].contains { Self.hash($0, salt: salt ?? "") == identity.lowercased() }
        }
    }
}
