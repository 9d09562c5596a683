import BlasonCore
import BlasonPersistence
import Fluent
import Foundation

/// API bearer tokens: issued once in clear, stored as a hash, revocable, expiring.
struct TokenService {
    let db: any Database
    let clock: Clock
    let lifetimeDays: Int

    /// Tokens carry a recognisable prefix so that secret scanners can spot a leaked one.
    static let prefix = "blason_"

    func issue(userID: UUID, name: String) async throws -> (token: String, record: APIToken) {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw BlasonError.invalid("name", .required) }
        guard name.count <= 100 else { throw BlasonError.invalid("name", .tooLong(max: 100)) }
        let token = Self.prefix + SecureToken.make()
        let record = APIToken(userID: userID, name: name, tokenHash: SecureToken.sha256Hex(token),
                              expiresAt: clock.now.addingTimeInterval(Double(lifetimeDays) * 86_400))
        try await record.create(on: db)
        return (token, record)
    }

    /// The user a bearer token stands for, or nil for an unknown, revoked or expired token.
    func user(for token: String) async throws -> User? {
        guard token.hasPrefix(Self.prefix),
              let record = try await APIToken.query(on: db).filter(\.$tokenHash == SecureToken.sha256Hex(token)).with(\.$user).first(),
              record.isUsable(at: clock.now) else { return nil }
        // Recording use is best-effort bookkeeping; at most once a minute to keep reads cheap.
        if (record.lastUsedAt.map { clock.now.timeIntervalSince($0) > 60 } ?? true) {
            record.lastUsedAt = clock.now
            try? await record.save(on: db)
        }
        return record.user
    }

    func revoke(_ id: UUID, of userID: UUID) async throws {
        guard let record = try await APIToken.find(id, on: db), record.$user.id == userID else { throw BlasonError.notFound }
        guard record.revokedAt == nil else { return }
        record.revokedAt = clock.now
        try await record.save(on: db)
    }

    func list(userID: UUID) async throws -> [APIToken] {
        try await APIToken.query(on: db).filter(\.$user.$id == userID).sort(\.$createdAt, .descending).all()
    }
}
