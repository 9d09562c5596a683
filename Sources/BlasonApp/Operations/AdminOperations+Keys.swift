import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import OpenBadges

extension AdminOperations {
    /// One line per key of the organisation: verification method id, algorithm, state, creation date.
    public func listKeys(organisation reference: String) async throws -> [String] {
        let organisation = try await OrganisationService(db: app.db).find(reference)
        let id = try organisation.requireID()
        let ob3 = app.blason.ob3(app.db)
        if try await app.blason.keys(app.db).all(id).isEmpty {
            _ = try await app.blason.keys(app.db).active(id, .ed25519)
        }
        return try await app.blason.keys(app.db).all(id).map { key in
            let state = key.retiredAt.map { "retired " + OB3.dateTime($0) } ?? "active"
            return [try ob3.verificationMethodID(key), key.algorithm.jwtName, state, "created " + OB3.dateTime(key.createdAt)].joined(separator: "\t")
        }
    }

    /// Retires the organisation's active keys and makes new ones, which sign from now on. The
    /// retired public keys stay on the Profile and in the JWK Set.
    public func rotateKeys(organisation reference: String) async throws -> [String] {
        let organisation = try await OrganisationService(db: app.db).find(reference)
        let created = try await app.blason.keys(app.db).rotate(organisation.requireID())
        let ob3 = app.blason.ob3(app.db)
        return try created.map { [try ob3.verificationMethodID($0), $0.algorithm.jwtName, "active"].joined(separator: "\t") }
    }
}
