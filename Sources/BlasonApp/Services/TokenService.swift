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

    /// - Parameters:
    ///   - scope: what the token may do (`read`: GET only).
    ///   - organisationID: limits the token to one of the user's organisations.
    ///   - days: its lifetime, at most the platform's (`BLASON_API_TOKEN_DAYS`); the platform's by default.
    func issue(userID: UUID, name: String, scope: TokenScope = .write, organisationID: UUID? = nil, days: Int? = nil) async throws -> (token: String, record: APIToken) {
        let name = name.trimmingCharacters(in: .whitespaces)
        var issues: [FieldIssue] = []
        if name.isEmpty { issues.append(FieldIssue(field: "name", problem: .required)) }
        if name.count > 100 { issues.append(FieldIssue(field: "name", problem: .tooLong(max: 100))) }
        if let days, !(1...max(1, lifetimeDays)).contains(days) {
            issues.append(FieldIssue(field: "expires_in_days", problem: .notAllowedValue(String(days))))
        }
        if let organisationID,
           try await Membership.query(on: db).filter(\.$user.$id == userID).filter(\.$organisation.$id == organisationID).first() == nil {
            issues.append(FieldIssue(field: "organisation", problem: .notAllowedValue(organisationID.lowercased)))
        }
        guard issues.isEmpty else { throw BlasonError.invalid(issues) }
        let token = Self.prefix + SecureToken.make()
        let record = APIToken(userID: userID, name: name, tokenHash: SecureToken.sha256Hex(token),
                              expiresAt: clock.now.addingTimeInterval(Double(days ?? lifetimeDays) * 86_400), scope: scope, organisationID: organisationID)
        try await record.create(on: db)
        return (token, record)
    }

    /// The user a bearer token stands for, or nil for an unknown, revoked or expired token.
    func user(for token: String) async throws -> User? {
        try await record(for: token)?.user
    }

    /// The usable token record behind a bearer token, its user loaded.
    func record(for token: String) async throws -> APIToken? {
        guard token.hasPrefix(Self.prefix),
              let record = try await APIToken.query(on: db).filter(\.$tokenHash == SecureToken.sha256Hex(token)).with(\.$user).first(),
              record.isUsable(at: clock.now) else { return nil }
        // Recording use is best-effort bookkeeping; at most once a minute to keep reads cheap.
        if (record.lastUsedAt.map { clock.now.timeIntervalSince($0) > 60 } ?? true) {
            record.lastUsedAt = clock.now
            try? await record.save(on: db)
        }
        return record
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
