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
}
