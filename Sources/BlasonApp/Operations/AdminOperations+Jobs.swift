import BlasonCore
import BlasonPersistence
import Fluent
import Foundation

extension AdminOperations {
    /// Awards a badge class to every recipient of a CSV file as a background job run here, in this
    /// process (a server on the same database could take it over if this one stopped). `progress`
    /// hears (done, total) after each chunk. Returns a JSON summary.
    public func issueCSV(badge: String, csvPath: String, language: String?, propose: Bool,
                         progress: @escaping @Sendable (Int, Int) -> Void) async throws -> String {
        guard let id = ObjectReference.uuid(badge) else { throw BlasonError.notFound }
        let badgeClass = try await BadgeClassService(db: app.db).find(id, in: nil)
        guard let data = FileManager.default.contents(atPath: csvPath), let text = String(data: data, encoding: .utf8) else {
            throw BlasonError.invalid("csv", .csvMalformed("cannot read \(csvPath) as UTF-8"))
        }
        var chosen: Language?
        if let language {
            guard let parsed = Language(rawValue: language) else { throw BlasonError.invalid("language", .notAllowedValue(language)) }
            chosen = parsed
        }
        let recipients = try RecipientCSV.parse(text)
        let draft = AwardDraft(recipients: recipients, issuedOn: app.blason.clock.now, language: chosen, kind: propose ? .proposed : .issued)
        let jobs = app.blason.issueJobs(app.db)
        let job = try await jobs.enqueue(badgeClass, draft: draft, issuedBy: nil, awardedBy: nil)
        let jobID = try job.requireID()
        let worker = "cli-" + UUID().uuidString.lowercased()
        let started = Date()
        if try await jobs.claim(jobID, worker: worker) {
            progress(0, job.total)
            try await jobs.run(jobID, worker: worker, progress: progress)
        }
        let finished = try await jobs.find(jobID, in: badgeClass.$organisation.id)
        let seconds = Date().timeIntervalSince(started)
        return Self.json([
            "job": jobID.uuidString.lowercased(), "status": finished.status.rawValue, "total": String(finished.total),
            "issued": String(finished.done), "seconds": String(format: "%.2f", seconds),
            "perSecond": String(format: "%.0f", seconds > 0 ? Double(finished.done) / seconds : 0),
        ])
    }
}
