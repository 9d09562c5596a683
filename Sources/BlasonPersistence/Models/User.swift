import BlasonCore
import FluentKit
import Foundation

/// A person who signs in to manage organisations.
public final class User: Model, @unchecked Sendable {
    public static let schema = "users"

    @ID(key: .id) public var id: UUID?
    @Field(key: "email") public var email: String
    @Field(key: "name") public var name: String
    @OptionalField(key: "password_hash") public var passwordHash: String?
    @Field(key: "language") public var languageCode: String
    /// The unguessable key of the earner's public page of chosen badges; nil until they publish one.
    @OptionalField(key: "profile_key") public var profileKey: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(id: UUID? = nil, email: EmailAddress, name: String, passwordHash: String?, language: Language = .fr) {
        self.id = id
        self.email = email.value
        self.name = name
        self.passwordHash = passwordHash
        self.languageCode = language.rawValue
    }

    public var language: Language {
        get { Language(rawValue: languageCode) ?? .default }
        set { languageCode = newValue.rawValue }
    }
}
