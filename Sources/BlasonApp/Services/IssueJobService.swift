import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import SQLKit

/// Large awards run as background jobs: the request (or the command line) stores the validated
/// draft and returns at once; a worker awards it chunk by chunk, each chunk in one transaction with
/// its progress, so the page and the progress bar show real progress and a crash loses nothing.
struct IssueJobService {
    let db: any Database
    let clock: Clock
    let configuration: BlasonConfiguration
    var hooks = AwardHooks()
    /// Signs each chunk's Open Badges 3.0 credentials once it is issued, so that a large award is
    /// finished with its credentials ready rather than leaving thousands to sign on first fetch.
    let credentials: OB3Publisher

    /// Above this many recipients, the web form runs the award as a job.
    static let backgroundThreshold = 200
    /// Recipients per transaction: big enough for SQLite's batched inserts, small enough to show progress.
    static let chunk = 1_000
    /// A running job whose worker showed no progress for this long is taken over.
    static let staleAfter: TimeInterval = 60

    struct LostClaim: Error {}

    /// Validates the draft (so the form shows its problems at once) and queues it.
    func enqueue(_ badgeClass: BadgeClass, draft: AwardDraft, issuedBy: UUID?, awardedBy: UUID?) async throws -> IssueJob {
        guard !badgeClass.isArchived else { throw BlasonError.conflict(.badgeClassArchived) }
        let valid = try draft.validated(now: clock.now)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let job = IssueJob(organisationID: badgeClass.$organisation.id, badgeClassID: try badgeClass.requireID(), issuedBy: issuedBy,
                           awardedBy: awardedBy, draftJSON: String(decoding: try encoder.encode(valid), as: UTF8.self),
                           total: valid.recipients.count, createdAt: clock.now)
        try await job.create(on: db)
        return job
    }

    func find(_ id: UUID, in organisationID: UUID) async throws -> IssueJob {
        guard let job = try await IssueJob.find(id, on: db), job.$organisation.id == organisationID else { throw BlasonError.notFound }
        return job
    }

    /// Takes the job if it is queued, or running but abandoned. Only one worker wins.
    func claim(_ jobID: UUID, worker: String) async throws -> Bool {
        let now = clock.now
        let sql = db as! any SQLDatabase
        let rows = try await sql.update(IssueJob.schema)
            .set("status", to: IssueJobStatus.running.rawValue).set("claimed_by", to: worker).set("heartbeat_at", to: now)
            .where("id", .equal, jobID)
            .where { predicate in
                predicate.where("status", .equal, IssueJobStatus.queued.rawValue).orWhere { stale in
                    stale.where("status", .equal, IssueJobStatus.running.rawValue)
                        .where("heartbeat_at", .lessThan, now.addingTimeInterval(-Self.staleAfter))
                }
            }
            .returning("id").all()
        return !rows.isEmpty
    }

    /// The next job to take, if any.
    func nextCandidate() async throws -> UUID? {
        let stale = clock.now.addingTimeInterval(-Self.staleAfter)
        return try await IssueJob.query(on: db)
            .group(.or) { group in
                group.filter(\.$statusName == IssueJobStatus.queued.rawValue)
                group.group(.and) { $0.filter(\.$statusName == IssueJobStatus.running.rawValue).filter(\.$heartbeatAt < stale) }
            }
            .sort(\.$createdAt).first()?.id
    }

    /// Awards the rest of a claimed job; `progress` hears (done, total) after each chunk. With
    /// `chunks`, stops after that many and leaves the job running (as a worker that died would).
    func run(_ jobID: UUID, worker: String, chunks: Int = .max, progress: @Sendable (Int, Int) -> Void = { _, _ in }) async throws {
        guard let job = try await IssueJob.find(jobID, on: db) else { throw BlasonError.notFound }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let draft = try decoder.decode(AwardDraft.self, from: Data(job.draftJSON.utf8))
        let badgeClass = try await job.$badgeClass.get(on: db)
        var done = job.done
        if job.startedAt == nil {
            job.startedAt = clock.now
            try await job.save(on: db)
        }
        var chunksLeft = chunks
        // A chunk's credentials are signed while the next chunk is written: signing uses every
        // core, writing waits on the database, so the two overlap. One chunk signs at a time.
        var signing: Task<Void, any Error>?
        defer { signing?.cancel() }
        do {
            while done < draft.recipients.count {
                guard chunksLeft > 0 else {
                    try await signing?.value
                    return
                }
                chunksLeft -= 1
                var part = draft
                part.recipients = Array(draft.recipients[done..<min(done + Self.chunk, draft.recipients.count)])
                let start = done, chunkDraft = part, issuedBy = job.$issuedBy.id, awardedBy = job.$awardedBy.id
                let issued: [Award]
                (done, issued) = try await db.transactionRetrying { db in
                    let awards = AwardService(db: db, clock: clock, configuration: configuration, hooks: hooks)
                    let prepared = try awards.prepare(badgeClass, draft: try await awards.inEarnersLanguages(chunkDraft), issuedBy: issuedBy)
                    prepared.forEach { $0.$awardedBy.id = awardedBy }
                    try await awards.insert(prepared, badgeClass: badgeClass)
                    // Progress commits with the awards, and only while this worker still holds the job.
                    let rows = try await (db as! any SQLDatabase).update(IssueJob.schema)
                        .set("done", to: start + prepared.count).set("heartbeat_at", to: clock.now)
                        .where("id", .equal, jobID).where("claimed_by", .equal, worker).where("done", .equal, start)
                        .returning("id").all()
                    guard !rows.isEmpty else { throw LostClaim() }
                    return (start + prepared.count, prepared)
                }
                // After the commit, outside the one-writer transaction: a worker that dies here
                // leaves awards whose credentials are simply signed when first fetched.
                try await signing?.value
                signing = Task { [credentials] in try await credentials.signAndKeep(issued, badgeClass: badgeClass) }
                progress(done, draft.recipients.count)
            }
            try await signing?.value
            try await finish(jobID, worker: worker, status: .done, error: nil)
        } catch is LostClaim {
            return
        } catch {
            try? await finish(jobID, worker: worker, status: .failed, error: String(describing: error))
            throw error
        }
    }

    private func finish(_ jobID: UUID, worker: String, status: IssueJobStatus, error: String?) async throws {
        try await (db as! any SQLDatabase).update(IssueJob.schema)
            .set("status", to: status.rawValue).set("finished_at", to: clock.now).set("error", to: error)
            .where("id", .equal, jobID).where("claimed_by", .equal, worker).run()
    }
}
