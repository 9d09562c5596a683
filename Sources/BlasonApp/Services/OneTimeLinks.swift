import BlasonCore
import BlasonPersistence
import Fluent
import Foundation

/// Issues and checks the single-purpose secrets sent by e-mail.
struct OneTimeLinks {
    let db: any Database
    let clock: Clock

    /// Creates a token; returns the secret to put in the link (only its hash is stored).
    func issue(_ purpose: OneTimeToken.Purpose, awardID: UUID? = nil, userID: UUID? = nil, email: String? = nil, applicationID: UUID? = nil,
               lifetime: TimeInterval) async throws -> (secret: String, record: OneTimeToken) {
        let secret = SecureToken.make()
        let record = OneTimeToken(purpose: purpose, tokenHash: SecureToken.sha256Hex(secret), awardID: awardID, userID: userID,
                                  email: email, applicationID: applicationID, expiresAt: clock.now.addingTimeInterval(lifetime))
        try await record.create(on: db)
        return (secret, record)
    }

    /// The token behind `secret`, provided it is of `purpose`, unused and unexpired; otherwise why not.
    func check(_ secret: String, purpose: OneTimeToken.Purpose) async throws -> OneTimeToken {
        guard !secret.isEmpty, secret.count <= 100,
              let record = try await OneTimeToken.query(on: db).filter(\.$tokenHash == SecureToken.sha256Hex(secret)).first(),
              record.purpose == purpose else {
            throw BlasonError.link(.invalid)
        }
        if record.usedAt != nil { throw BlasonError.link(.alreadyUsed) }
        if record.expiresAt <= clock.now { throw BlasonError.link(.expired) }
        return record
    }

    /// Marks the token used, atomically: of two requests racing with the same link only one wins.
    func consume(_ record: OneTimeToken) async throws {
        let changed = try await (db as! any SQLDatabase).update(OneTimeToken.schema)
            .set("used_at", to: clock.now)
            .where("id", .equal, record.requireID())
            .where("used_at", .is, SQLLiteral.null)
            .returning("id")
            .all()
        guard !changed.isEmpty else { throw BlasonError.link(.alreadyUsed) }
        record.usedAt = clock.now
    }

    /// Ends every still-open link of an award (when the issuer re-sends a new one).
    func retireAwardLinks(_ awardID: UUID) async throws {
        try await OneTimeToken.query(on: db)
            .filter(\.$award.$id == awardID)
            .filter(\.$usedAt == nil)
            .set(\.$expiresAt, to: clock.now)
            .update()
    }
}

import SQLKit
