import BlasonPersistence
import Fluent
import Foundation
import SQLKit

/// Hands out indexes in an organisation's Open Badges 3.0 status list. One atomic
/// `UPDATE … RETURNING` per batch: concurrent issuers (or nodes) never get the same bit.
struct StatusAllocator {
    let db: any Database

    /// The first of `count` consecutive fresh indexes. One statement (an upsert), as it runs in
    /// every issuing transaction, where each round trip to SQLite's one writer counts.
    func allocate(_ organisationID: UUID, count: Int) async throws -> Int {
        guard count > 0 else { return 0 }
        let sql = db as! any SQLDatabase
        let row = try await sql.raw("""
            INSERT INTO status_allocations (organisation_id, next_index) VALUES (\(bind: organisationID), \(bind: count))
            ON CONFLICT (organisation_id) DO UPDATE SET next_index = status_allocations.next_index + \(bind: count) RETURNING next_index
            """).first()
        guard let next = try row?.decode(column: "next_index", as: Int.self) else { throw BlasonStatusError.allocationFailed }
        return next - count
    }

    /// Gives awards issued before status lists existed their index, once.
    func ensure(_ award: Award) async throws {
        guard award.statusIndex == nil else { return }
        let index = try await allocate(award.$organisation.id, count: 1)
        let sql = db as! any SQLDatabase
        try await sql.update(Award.schema).set("status_index", to: index).where("id", .equal, award.requireID()).where("status_index", .is, SQLLiteral.null).run()
        award.statusIndex = try await Award.find(award.requireID(), on: db)?.statusIndex ?? index
    }
}

extension StatusAllocator {
    /// Gives an endorsement its index in the endorser's list, once, when it is first published as
    /// Open Badges 3.0.
    func ensure(_ endorsement: Endorsement) async throws {
        guard endorsement.statusIndex == nil, let endorserID = endorsement.$endorser.id else { return }
        let index = try await allocate(endorserID, count: 1)
        let sql = db as! any SQLDatabase
        try await sql.update(Endorsement.schema).set("status_index", to: index).where("id", .equal, endorsement.requireID())
            .where("status_index", .is, SQLLiteral.null).run()
        endorsement.statusIndex = try await Endorsement.find(endorsement.requireID(), on: db)?.statusIndex ?? index
    }
}

enum BlasonStatusError: Error {
    case allocationFailed
}
