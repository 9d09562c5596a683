import FluentKit
import Foundation

/// One run of a scheduled job for one period (e.g. `2026-11-30` for a daily job). The unique
/// (job, period) pair is what makes a job run once per period, across restarts and nodes.
public final class JobRun: Model, @unchecked Sendable {
    public static let schema = "job_runs"

    @ID(key: .id) public var id: UUID?
    @Field(key: "job") public var job: String
    @Field(key: "period") public var period: String
    @Field(key: "started_at") public var startedAt: Date
    @OptionalField(key: "finished_at") public var finishedAt: Date?
    @OptionalField(key: "error") public var error: String?

    public init() {}

    public init(job: String, period: String, startedAt: Date) {
        self.job = job
        self.period = period
        self.startedAt = startedAt
    }
}
