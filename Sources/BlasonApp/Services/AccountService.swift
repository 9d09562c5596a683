import BlasonCore
import BlasonPersistence
import Fluent
import Vapor

/// Sign-up and sign-in with e-mail and password.
struct AccountService {
    let db: any Database
    let hasher: PasswordHasher
    var clock: Clock = .system

    /// Creates the account. Its address counts as the user's own (their awards show in their
    /// space) only when `verified`, i.e. an operator vouches for it; otherwise the caller sends a
    /// verification link (`EarnerAccountService.addEmail`) in the same transaction.
    func signUp(email: String, password: String, name: String, language: Language, verified: Bool = false) async throws -> User {
        let address = try AccountRules.validateSignUp(email: email, password: password, name: name)
        if let existing = try await User.query(on: db).filter(\.$email == address.value).first() {
            // An earner who came in through an e-mail link has a space but no password yet.
            throw BlasonError.invalid("email", existing.passwordHash == nil ? .accountHasNoPassword : .emailTaken)
        }
        let user = User(email: address, name: name.trimmingCharacters(in: .whitespacesAndNewlines),
                        passwordHash: try await hasher.hash(password), language: language)
        do {
            try await user.create(on: db)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Two sign-ups racing for the same address: the unique index decides.
            throw BlasonError.invalid("email", .emailTaken)
        }
        if verified {
            try await UserEmail(userID: user.requireID(), email: address, verifiedAt: clock.now).create(on: db)
        }
        return user
    }

    /// The same answer for an unknown address and a wrong password, so sign-in does not reveal who has an account.
    func authenticate(email: String, password: String) async throws -> User {
        guard let address = EmailAddress(email),
              let user = try await User.query(on: db).filter(\.$email == address.value).first(),
              let hash = user.passwordHash,
              try await hasher.verify(password, hash: hash) else {
            throw BlasonError.invalid(nil, .invalidCredentials)
        }
        return user
    }

    func setPassword(userID: UUID, current: String, new: String) async throws {
        guard let user = try await User.find(userID, on: db) else { throw BlasonError.unauthenticated }
        if let hash = user.passwordHash, !(try await hasher.verify(current, hash: hash)) {
            throw BlasonError.invalid("current_password", .invalidCredentials)
        }
        guard new.count >= AccountRules.minimumPasswordLength else {
            throw BlasonError.invalid("new_password", .tooShort(min: AccountRules.minimumPasswordLength))
        }
        guard new.count <= AccountRules.maximumPasswordLength else {
            throw BlasonError.invalid("new_password", .tooLong(max: AccountRules.maximumPasswordLength))
        }
        user.passwordHash = try await hasher.hash(new)
        try await user.save(on: db)
    }
}
