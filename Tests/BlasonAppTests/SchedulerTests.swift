@testable import BlasonApp
import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Testing
import Vapor

@Suite("Scheduler with an injected clock")
struct SchedulerTests {
    @Test func dailyJobRunsOncePerDayAcrossRestarts() async throws {
        let clock = TestClock(try #require(CalendarDay.parse("2026-03-10T05:00:00Z"))) // 06:00 in Paris
        try await TestApp.run(clock: clock.clock) { app in
            let runs = NIOLockedValueBox(0)
            let job = Scheduler.Job(name: "count", period: { Scheduler.daily(at: 8, $0) }, run: { _, _ in runs.withLockedValue { $0 += 1 } })
            func scheduler() -> Scheduler { Scheduler(db: app.db, clock: clock.clock, jobs: [job], logger: app.logger) }
            #expect(await scheduler().tick().isEmpty, "not due before 08:00 Paris time")
            clock.advance(hours: 3)
            #expect(await scheduler().tick() == ["count"])
            #expect(await scheduler().tick().isEmpty, "a second tick the same day does nothing")
            #expect(await scheduler().tick().isEmpty, "nor does a new scheduler (a restart)")
            clock.advance(days: 1)
            #expect(await scheduler().tick() == ["count"])
            #expect(runs.withLockedValue { $0 } == 2)
            let recorded = try await JobRun.query(on: app.db).count()
            #expect(recorded == 2)
        }
    }

    /// Clock jumps: set back (same day, then across midnight) the job does not run again for a
    /// day already done; moved forward by days it runs once, for the new day, not once per day
    /// skipped; and across the change to summer time it still runs once a day.
    @Test func clockJumpsNeitherRepeatNorFloodAJob() async throws {
        let clock = TestClock(try #require(CalendarDay.parse("2026-03-10T08:00:00Z"))) // 09:00 in Paris
        try await TestApp.run(clock: clock.clock) { app in
            let runs = NIOLockedValueBox([String]())
            let job = Scheduler.Job(name: "jumps", period: { Scheduler.daily(at: 8, $0) },
                                    run: { _, now in runs.withLockedValue { $0.append(CalendarDay.format(now)) } })
            let scheduler = Scheduler(db: app.db, clock: clock.clock, jobs: [job], logger: app.logger)
            #expect(await scheduler.tick() == ["jumps"])
            clock.advance(hours: -2)
            #expect(await scheduler.tick().isEmpty, "set back to 07:00 the same day: not due")
            clock.set(try #require(CalendarDay.parse("2026-03-09T22:30:00Z"))) // 23:30 the day before, in Paris
            #expect(await scheduler.tick().isEmpty, "set back across midnight: yesterday is not run after today")
            clock.set(try #require(CalendarDay.parse("2026-03-13T09:00:00Z")))
            #expect(await scheduler.tick() == ["jumps"], "three days later: one run")
            #expect(await scheduler.tick().isEmpty)
            // Summer time starts in Paris on 2026-03-29 at 02:00: the days around it run once each.
            for day in ["2026-03-28T08:30:00Z", "2026-03-29T07:30:00Z", "2026-03-30T07:30:00Z"] {
                clock.set(try #require(CalendarDay.parse(day)))
                #expect(await scheduler.tick() == ["jumps"], "\(day)")
                #expect(await scheduler.tick().isEmpty)
            }
            #expect(runs.withLockedValue { $0 } == ["2026-03-10", "2026-03-13", "2026-03-28", "2026-03-29", "2026-03-30"])
        }
    }
}
