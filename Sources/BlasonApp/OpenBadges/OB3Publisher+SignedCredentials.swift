import BlasonCore
import BlasonPersistence
import Crypto
import Fluent
import Foundation
import OpenBadges
import SQLKit

/// Signed credentials are kept (`SignedCredential`): a Data Integrity proof costs a JSON-LD
/// canonicalization, and the same award is fetched, baked and verified many times. What is kept
/// is checked against a digest of what would be signed now, so an edit of the badge class, the
/// issuer or its endorsements is never hidden by an old signature.
extension OB3Publisher {
    /// Signs with one key on one date: the key that was active on the awards' issue date, so
    /// that the bytes stay the same after a rotation (Ed25519 is deterministic).
    struct CredentialSigner: Sendable {
        let privateKey: Curve25519.Signing.PrivateKey
        let verificationMethod: String
        let created: Date

        /// Names the unsigned credential and the key: equal digests, equal signed documents.
        func digest(_ unsigned: JSONValue) -> String {
            SecureToken.sha256Hex(verificationMethod + "\n" + unsigned.canonicalJSON)
        }

        func sign(_ unsigned: JSONValue) throws -> JSONValue {
            try DataIntegrityProof.sign(document: unsigned, privateKey: privateKey, verificationMethod: verificationMethod,
                                        created: created)
        }
    }

    func credentialSigner(_ organisationID: UUID, at date: Date) async throws -> CredentialSigner {
        let key = try await keys.signingKey(organisationID, .ed25519, at: date)
        guard case .ed25519(let privateKey) = try keys.privateKey(key) else { throw BlasonError.notFound }
        return CredentialSigner(privateKey: privateKey, verificationMethod: try verificationMethodID(key), created: date)
    }

    /// The credential with its `eddsa-rdfc-2022` proof: the kept one while it signs the same
    /// credential, else signed now and kept.
    func signedCredential(_ award: Award) async throws -> JSONValue {
        let id = try award.requireID()
        let unsigned = try await credential(award)
        let signer = try await credentialSigner(award.$organisation.id, at: award.issuedOn)
        let digest = signer.digest(unsigned)
        if let kept = try await SignedCredential.find(id, on: db), kept.digest == digest,
           let document = try? JSONValue(data: Data(kept.document.utf8)) {
            return document
        }
        let signed = try signer.sign(unsigned)
        try await keep([(id, digest, signed)])
        return signed
    }

    /// Signs the credentials of freshly issued awards of one badge class and keeps them: the
    /// shared parts are loaded once, the signatures are spread over every core.
    func signAndKeep(_ awards: [Award], badgeClass: BadgeClass) async throws {
        guard let first = awards.first else { return }
        guard let organisation = try await Organisation.find(first.$organisation.id, on: db) else { throw BlasonError.notFound }
        let basis = try await credentialBasis(badgeClass, organisation: organisation)
        var work: [(id: UUID, unsigned: JSONValue, signer: CredentialSigner)] = []
        var byDate: [Date: ([JSONValue], CredentialSigner)] = [:]
        for award in awards {
            if byDate[award.issuedOn] == nil {
                byDate[award.issuedOn] = (try await achievementEndorsements(badgeClass, issuedOn: award.issuedOn),
                                          try await credentialSigner(award.$organisation.id, at: award.issuedOn))
            }
            let (endorsements, signer) = byDate[award.issuedOn]!
            work.append((try award.requireID(), try credential(award, basis: basis, endorsements: endorsements), signer))
        }
        // Slices small enough that requests waiting for the same threads are not held up long.
        let slices = stride(from: 0, to: work.count, by: 50).map { Array(work[$0..<min($0 + 50, work.count)]) }
        let signed = try await withThrowingTaskGroup(of: [(UUID, String, JSONValue)].self) { group in
            for slice in slices {
                group.addTask { try slice.map { ($0.id, $0.signer.digest($0.unsigned), try $0.signer.sign($0.unsigned)) } }
            }
            var all: [(UUID, String, JSONValue)] = []
            for try await part in group { all += part }
            return all
        }
        try await db.transactionRetrying { db in
            try await OB3Publisher(publicURL: publicURL, db: db, keys: keys, endorsements: endorsements).keep(signed)
        }
    }

    /// Writes signed credentials, replacing older ones of the same awards; a few hundred rows per statement.
    private func keep(_ signed: [(UUID, String, JSONValue)]) async throws {
        let sql = db as! any SQLDatabase
        for start in stride(from: 0, to: signed.count, by: 200) {
            var insert = sql.insert(into: SignedCredential.schema).columns("award_id", "digest", "document")
            for (id, digest, document) in signed[start..<min(start + 200, signed.count)] {
                insert = insert.values(SQLBind(id), SQLBind(digest), SQLBind(String(decoding: document.jsonData(), as: UTF8.self)))
            }
            try await insert.onConflict(with: ["award_id"]) { conflict in
                try conflict.set(excludedValueOf: "digest").set(excludedValueOf: "document")
            }.run()
        }
    }
}
