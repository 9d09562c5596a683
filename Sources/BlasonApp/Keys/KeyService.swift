import _CryptoExtras
import BlasonCore
import BlasonPersistence
import Crypto
import Fluent
import Foundation
import OpenBadges

/// Organisations' signing keys: created on first use, sealed with the master key, rotated on
/// demand. Retired keys keep their public half published.
struct KeyService {
    let db: any Database
    let clock: Clock
    let masterKey: MasterKey

    /// A private key, opened.
    enum PrivateKey {
        case ed25519(Curve25519.Signing.PrivateKey)
        case p256(P256.Signing.PrivateKey)
        case rsa(_RSA.Signing.PrivateKey)
    }

    /// The organisation's active key of `algorithm`, created the first time it is needed.
    func active(_ organisationID: UUID, _ algorithm: SigningKey.Algorithm) async throws -> SigningKey {
        if let key = try await Self.current(organisationID, algorithm, on: db) { return key }
        // First use: two nodes (or two requests) can get here together. Under the organisation's
        // lock the second one finds the first one's key instead of making another active key.
        return try await db.transactionRetrying { db in
            try await db.lockUntilCommit(Self.lockKey(organisationID))
            if let key = try await Self.current(organisationID, algorithm, on: db) { return key }
            let key = try make(organisationID, algorithm)
            try await key.create(on: db)
            return key
        }
    }

    private static func current(_ organisationID: UUID, _ algorithm: SigningKey.Algorithm, on db: any Database) async throws -> SigningKey? {
        try await SigningKey.query(on: db).filter(\.$organisation.$id == organisationID)
            .filter(\.$algorithmName == algorithm.rawValue).filter(\.$retiredAt == nil).sort(\.$createdAt).first()
    }

    private static func lockKey(_ organisationID: UUID) -> String { "signing-keys:" + organisationID.uuidString.lowercased() }

    /// The key that signs what is dated `date`: the newest key of `algorithm` created by then and not
    /// retired before it. Signing again what was signed before a rotation then gives the same proof,
    /// and documents dated before the organisation had keys take its first one.
    func signingKey(_ organisationID: UUID, _ algorithm: SigningKey.Algorithm, at date: Date) async throws -> SigningKey {
        let keys = try await SigningKey.query(on: db).filter(\.$organisation.$id == organisationID)
            .filter(\.$algorithmName == algorithm.rawValue).sort(\.$createdAt).all()
        let usable = keys.filter { key in key.retiredAt.map { $0 > date } ?? true }
        if let key = usable.last(where: { $0.createdAt <= date }) ?? usable.first { return key }
        return try await active(organisationID, algorithm)
    }

    /// Every key of the organisation, active and retired, oldest first.
    func all(_ organisationID: UUID) async throws -> [SigningKey] {
        try await SigningKey.query(on: db).filter(\.$organisation.$id == organisationID).sort(\.$createdAt).all()
    }

    /// A new key of each algorithm in use signs from now on; the old ones are retired, not deleted.
    func rotate(_ organisationID: UUID) async throws -> [SigningKey] {
        try await db.transactionRetrying { db in
            try await db.lockUntilCommit(Self.lockKey(organisationID))
            let service = KeyService(db: db, clock: clock, masterKey: masterKey)
            let active = try await SigningKey.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$retiredAt == nil).all()
            let algorithms = Set(active.map(\.algorithm)).union([.ed25519])
            for key in active {
                key.retiredAt = clock.now
                try await key.save(on: db)
            }
            var created: [SigningKey] = []
            for algorithm in SigningKey.Algorithm.allCases where algorithms.contains(algorithm) {
                let key = try service.make(organisationID, algorithm)
                try await key.create(on: db)
                created.append(key)
            }
            return created
        }
    }

    func make(_ organisationID: UUID, _ algorithm: SigningKey.Algorithm) throws -> SigningKey {
        let id = UUID()
        let (jwk, secret): ([String: String], Data)
        switch algorithm {
        case .ed25519:
            let key = Curve25519.Signing.PrivateKey()
            jwk = ["kty": "OKP", "crv": "Ed25519", "x": JOSEBase64URL.encode(key.publicKey.rawRepresentation)]
            secret = key.rawRepresentation
        case .es256:
            let key = P256.Signing.PrivateKey()
            let raw = key.publicKey.rawRepresentation
            jwk = ["kty": "EC", "crv": "P-256", "x": JOSEBase64URL.encode(raw.prefix(32)), "y": JOSEBase64URL.encode(raw.suffix(32))]
            secret = key.rawRepresentation
        case .rs256:
            let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
            let primitives = try key.publicKey.getKeyPrimitives()
            jwk = ["kty": "RSA", "n": JOSEBase64URL.encode(primitives.modulus), "e": JOSEBase64URL.encode(primitives.publicExponent)]
            secret = key.derRepresentation
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let publicJWK = String(decoding: try encoder.encode(jwk.merging(["alg": algorithm.jwtName]) { a, _ in a }), as: UTF8.self)
        return SigningKey(id: id, organisationID: organisationID, algorithm: algorithm, publicJWK: publicJWK,
                          sealedPrivate: try masterKey.seal(secret, purpose: Self.purpose(id)), createdAt: clock.now)
    }

    func privateKey(_ key: SigningKey) throws -> PrivateKey {
        let secret = try masterKey.open(key.sealedPrivate, purpose: Self.purpose(try key.requireID()))
        switch key.algorithm {
        case .ed25519: return .ed25519(try Curve25519.Signing.PrivateKey(rawRepresentation: secret))
        case .es256: return .p256(try P256.Signing.PrivateKey(rawRepresentation: secret))
        case .rs256: return .rsa(try _RSA.Signing.PrivateKey(derRepresentation: secret))
        }
    }

    /// The public JWK as a dictionary.
    static func jwk(_ key: SigningKey) -> [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(key.publicJWK.utf8))) ?? [:]
    }

    private static func purpose(_ id: UUID) -> String { "signing-key:" + id.uuidString.lowercased() }
}
