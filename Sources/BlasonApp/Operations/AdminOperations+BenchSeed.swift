import BlasonCore
import BlasonPersistence
import Crypto
import Fluent
import Foundation
import SQLKit

extension AdminOperations {
    /// What `benchSeed` did, printed as JSON by `blason bench-seed`.
    public struct BenchSeedResult: Codable, Sendable {
        public var inserted: Int
        /// Awards in the whole database afterwards.
        public var total: Int
        public var seconds: Double
        /// Ids of inserted awards drawn evenly from the whole run, for a load generator to ask for.
        public var sample: [String]
    }

    /// Fills the database with issued awards of one badge class for load tests: `count` more, or
    /// as many as make `total` awards in the database. They are real rows (public at their
    /// hosted URLs, each with its salt, identity hash and status index), but no e-mail is queued:
    /// this is for benchmarks, not for people.
    ///
    /// Issuing through `AwardService` writes one row at a time with its e-mail and claim link,
    /// which would take most of an hour for a million; here each statement inserts
    /// `rowsPerStatement` rows and each transaction `rowsPerTransaction`, with a block of status
    /// indexes allocated in the same transaction (they are unique per organisation).
    public func benchSeed(organisation reference: String, badge: String, count: Int?, total: Int?, sample: Int) async throws -> BenchSeedResult {
        let organisation = try await OrganisationService(db: app.db).find(reference)
        let organisationID = try organisation.requireID()
        guard let badgeID = ObjectReference.uuid(badge) else { throw BlasonError.notFound }
        let badgeClass = try await BadgeClassService(db: app.db).find(badgeID, in: organisationID)
        let badgeClassID = try badgeClass.requireID()
        let existing = try await Award.query(on: app.db).count()
        let wanted = count ?? max(0, (total ?? 0) - existing)

        let started = Date()
        var picked: [UUID] = []
        // Every `stride`-th row goes into the sample, so it spans old and new rows alike.
        let stride = max(1, wanted / max(1, sample))
        var done = 0
        while done < wanted {
            let chunk = min(Self.rowsPerTransaction, wanted - done)
            let ids = (0..<chunk).map { _ in UUID() }
            let now = app.blason.clock.now
            try await app.db.transactionRetrying { db in
                let sql = db as! any SQLDatabase
                let first = try await StatusAllocator(db: db).allocate(organisationID, count: chunk)
                for start in Swift.stride(from: 0, to: chunk, by: Self.rowsPerStatement) {
                    var insert = sql.insert(into: Award.schema).columns(Self.seedColumns)
                    for offset in start..<min(start + Self.rowsPerStatement, chunk) {
                        let statusIndex = first + offset
                        let email = "bench-\(statusIndex)@bench.example"
                        let salt = Self.hex(randomBytes: 16)
                        insert = insert.values([
                            ids[offset], badgeClassID, organisationID, email, salt, Self.identityHash(email, salt: salt), now,
                            AwardKind.issued.rawValue, EarnerState.pending.rawValue, false, Language.fr.rawValue, statusIndex, now,
                        ] as [any Encodable & Sendable])
                    }
                    try await insert.run()
                }
            }
            for offset in 0..<chunk where (done + offset) % stride == 0 && picked.count < sample { picked.append(ids[offset]) }
            done += chunk
        }
        return BenchSeedResult(inserted: wanted, total: existing + wanted, seconds: Date().timeIntervalSince(started),
                               sample: picked.map(\.lowercased))
    }

    /// 13 bound values a row: 1,000 rows stay under SQLite's limit of 32,766 parameters a statement
    /// (PostgreSQL's is 65,535).
    static let rowsPerStatement = 1_000
    /// Large enough that commits cost nothing next to the inserts, small enough not to hold the
    /// write lock for long against a server using the same database.
    static let rowsPerTransaction = 20_000

    static let seedColumns = ["id", "badge_class_id", "organisation_id", "recipient_email", "salt", "identity_hash", "issued_on",
                              "kind", "earner_state", "on_profile", "language", "status_index", "created_at"]

    /// `OB2.IdentityObject.hash`, without its per-byte `String(format:)`, which would dominate a million rows.
    static func identityHash(_ email: String, salt: String) -> String {
        "sha256$" + hex(Array(SHA256.hash(data: Data((email + salt).utf8))))
    }

    static func hex(randomBytes count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return hex((0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
