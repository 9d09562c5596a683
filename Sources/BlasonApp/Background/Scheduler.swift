import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Periodic jobs inside the server. Each job names the period it is due for (a day, an hour…);
/// inserting (job, period) into `job_runs` is the claim, and its unique index makes a job run
/// once per period whatever the number of nodes or restarts. Time comes from the injected clock,
/// so tests move time and call `tick()`.
struct Scheduler: Sendable {
    struct Job: Sendable {
        let name: String
        /// The period due at `now`, or nil when the job is not due (e.g. before its hour of the day).
        let period: @Sendable (Date) -> String?
        let run: @Sendable (any Database, Date) async throws -> Void
    }

    let db: any Database
    let clock: Clock
    let jobs: [Job]
    let logger: Logger

    /// Runs every job due now that no one has run for its period yet; returns the jobs it ran.
    @discardableResult
    func tick() async -> [String] {
        let now = clock.now
        var ran: [String] = []
        for job in jobs {
            guard let period = job.period(now) else { continue }
            // Periods only move forward: a clock set back across a period boundary (a wrong
            // time corrected, a node with a lagging clock) must not run a period already passed.
            // Periods are named so that their text sorts as their time does (2026-03-10…).
            do {
                if let latest = try await JobRun.query(on: db).filter(\.$job == job.name).sort(\.$period, .descending).first(),
                   latest.period >= period {
                    continue
                }
            } catch {
                logger.error("scheduler: cannot read the runs of \(job.name): \(error)")
                continue
            }
            let run = JobRun(job: job.name, period: period, startedAt: now)
            do {
                try await run.create(on: db)
            } catch let error as any DatabaseError where error.isConstraintFailure {
                continue
            } catch {
                logger.error("scheduler: cannot record \(job.name) \(period): \(error)")
                continue
            }
            do {
                try await job.run(db, now)
                run.finishedAt = clock.now
            } catch {
                run.error = String(describing: error).prefix(1000).description
                logger.error("scheduler: \(job.name) \(period) failed: \(error)")
            }
            try? await run.save(on: db)
            ran.append(job.name)
        }
        return ran
    }

    /// A daily job due from `hour` o'clock, Paris time (the programme's time zone).
    static func daily(at hour: Int, _ now: Date) -> String? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CalendarDay.timeZone
        guard calendar.component(.hour, from: now) >= hour else { return nil }
        return CalendarDay.format(now)
    }

    /// Blason's own housekeeping jobs; later features add theirs.
    static func standardJobs(configuration: BlasonConfiguration, masterKey: MasterKey) -> [Job] {
        [
            Job(name: "purge-used-links", period: { daily(at: 3, $0) }, run: { db, now in
                // Used or expired one-time links older than 30 days serve no one.
                let cutoff = now.addingTimeInterval(-30 * 86_400)
                try await OneTimeToken.query(on: db).filter(\.$expiresAt < cutoff).delete()
            }),
            EndorsementDigest.job(configuration: configuration, unsubscribe: UnsubscribeLinks(masterKey: masterKey)),
            Retention.job(configuration: configuration),
        ]
    }
}

/// Ticks the scheduler every minute while the server runs.
final class SchedulerService: LifecycleHandler, @unchecked Sendable {
    private let lock = NIOLock()
    private var task: Task<Void, Never>?

    func didBootAsync(_ application: Application) async throws {
        let scheduler = Scheduler(db: application.db, clock: application.blason.clock,
                                  jobs: Scheduler.standardJobs(configuration: application.blason.configuration, masterKey: application.blason.masterKey),
                                  logger: application.logger)
        lock.withLock {
            task = Task.detached {
                while !Task.isCancelled {
                    await scheduler.tick()
                    try? await Task.sleep(nanoseconds: 60 * 1_000_000_000)
                }
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        let running = lock.withLock { () -> Task<Void, Never>? in
            defer { task = nil }
            return task
        }
        running?.cancel()
        await running?.value
    }
}
