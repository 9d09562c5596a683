@testable import BlasonApp
import BlasonPersistence
import Fluent
import Foundation
import Testing
import Vapor

/// What a refused request must leave as it was, read straight from the database: the awards'
/// earner states, the one-time links, the addresses and whether they are verified, the accounts,
/// the endorsements and endorsement requests, and the counts of `RowCounts`. Taken before and
/// after a bad request, the two must be equal.
struct DatabaseSnapshot: Equatable {
    struct AwardRow: Equatable {
        let id: UUID?, recipient: String, state: String, stateAt: Date?, onProfile: Bool, revokedAt: Date?
    }
    struct TokenRow: Equatable {
        let id: UUID?, purpose: String, usedAt: Date?, expiresAt: Date
    }
    struct AddressRow: Equatable {
        let email: String, userID: UUID, verifiedAt: Date?
    }
    struct EndorsementRow: Equatable {
        let id: UUID?, status: String, comment: String, externalName: String?, publishedAt: Date?, withdrawnAt: Date?
    }
    struct RequestRow: Equatable {
        let id: UUID?, status: String, respondedAt: Date?, endorsementID: UUID?
    }

    var awards: [AwardRow]
    var tokens: [TokenRow]
    var addresses: [AddressRow]
    var users: Int
    var endorsements: [EndorsementRow]
    var requests: [RequestRow]
    /// Everything else a refused request could have written, counted (outbox, audit log, …).
    var counts: RowCounts

    static func take(_ app: Application) async throws -> DatabaseSnapshot {
        let db = app.db
        func order<T>(_ rows: [T], _ key: (T) -> UUID?) -> [T] { rows.sorted { (key($0)?.uuidString ?? "") < (key($1)?.uuidString ?? "") } }
        return DatabaseSnapshot(
            awards: order(try await Award.query(on: db).all(), \.id).map {
                AwardRow(id: $0.id, recipient: $0.recipientEmail, state: $0.earnerStateName, stateAt: $0.earnerStateAt, onProfile: $0.onProfile,
                         revokedAt: $0.revokedAt)
            },
            tokens: order(try await OneTimeToken.query(on: db).all(), \.id).map {
                TokenRow(id: $0.id, purpose: $0.purposeName, usedAt: $0.usedAt, expiresAt: $0.expiresAt)
            },
            addresses: try await UserEmail.query(on: db).all().sorted { $0.email < $1.email }.map {
                AddressRow(email: $0.email, userID: $0.$user.id, verifiedAt: $0.verifiedAt)
            },
            users: try await User.query(on: db).count(),
            endorsements: order(try await Endorsement.query(on: db).all(), \.id).map {
                EndorsementRow(id: $0.id, status: $0.statusName, comment: $0.comment, externalName: $0.externalName, publishedAt: $0.publishedAt,
                               withdrawnAt: $0.withdrawnAt)
            },
            requests: order(try await EndorsementRequest.query(on: db).all(), \.id).map {
                RequestRow(id: $0.id, status: $0.statusName, respondedAt: $0.respondedAt, endorsementID: $0.$endorsement.id)
            },
            counts: try await RowCounts.take(app))
    }

    /// Runs `body` (a request that must be refused) and expects the database to be as it was before.
    @discardableResult
    static func expectUnchanged<T>(_ app: Application, _ what: String, sourceLocation: SourceLocation = #_sourceLocation,
                                   _ body: () async throws -> T) async throws -> T {
        let before = try await take(app)
        let result = try await body()
        let after = try await take(app)
        #expect(after.awards == before.awards, "\(what): award states changed", sourceLocation: sourceLocation)
        #expect(after.tokens == before.tokens, "\(what): one-time links changed", sourceLocation: sourceLocation)
        #expect(after.addresses == before.addresses, "\(what): addresses changed", sourceLocation: sourceLocation)
        #expect(after.users == before.users, "\(what): accounts were created or deleted", sourceLocation: sourceLocation)
        #expect(after.endorsements == before.endorsements, "\(what): endorsements changed", sourceLocation: sourceLocation)
        #expect(after.requests == before.requests, "\(what): endorsement requests changed", sourceLocation: sourceLocation)
        #expect(after.counts == before.counts, "\(what): rows were written: \(before.counts) → \(after.counts)", sourceLocation: sourceLocation)
        return result
    }
}

/// The text of an HTML page with the entities Blason's pages use for quotes turned back into characters.
enum PageText {
    static func of(_ html: String) -> String {
        html.replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }
}
