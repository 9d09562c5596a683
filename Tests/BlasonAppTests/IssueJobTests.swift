@testable import BlasonApp
import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import OpenBadges
import Testing
import VaporTesting

@Suite("Large awards as background jobs")
struct IssueJobTests {
    @Test func aLargeListRunsAsAJobWithItsProgressPage() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock.clock) { app in
            let client = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(client)
            let path = "/issuer/badge-classes/\(badge.uuidString.lowercased())/award"
            try await client.get(path)
            let recipients = (1...1_250).map { "earner\($0)@example.org" }.joined(separator: "\n")
            let response = try await client.postMultipart(path, [("recipients", recipients)])
            #expect(response.status == .seeOther)
            let location = try #require(WebClient.location(response))
            #expect(location.hasPrefix("/issuer/jobs/"))
            #expect(try await Scenario.awardCount(app) == 0, "nothing awarded during the request")

            let waiting = try await client.get(location)
            #expect(waiting.body.string.contains("0 badges attribués sur 1250"))
            #expect(waiting.body.string.contains("http-equiv=\"refresh\""))

            let jobs = app.blason.issueJobs(app.db)
            let jobID = try #require(UUID(uuidString: String(location.split(separator: "/").last!)))
            #expect(try await jobs.claim(jobID, worker: "a"))
            #expect(try await !jobs.claim(jobID, worker: "b"), "a running job is not taken twice")
            let seen = Progress()
            try await jobs.run(jobID, worker: "a") { done, total in seen.add(done, total) }
            #expect(seen.values == [1_000, 1_250], "progress after each chunk")
            #expect(try await Scenario.awardCount(app) == 1_250)
            #expect(try await OutboxMessage.query(on: app.db).count() == 1_250, "one e-mail per award, no more")
            let indexes = try await Award.query(on: app.db).all().compactMap(\.statusIndex)
            #expect(Set(indexes).count == 1_250, "each award its own status bit")
            #expect(try await SignedCredential.query(on: app.db).count() == 1_250, "every credential signed by the job")
            let sample = try #require(try await Award.query(on: app.db).sort(\.$recipientEmail).first())
            let kept = try #require(try await SignedCredential.find(sample.id, on: app.db))
            let served = try await OB3Tests.body(app, "/ob3/credentials/\(sample.id!.uuidString.lowercased())")
            #expect(try JSONValue(data: served) == JSONValue(data: Data(kept.document.utf8)), "the job's signature is the one served")
            #expect(await OB3Tests.verify(app, .bytes(served), recipient: sample.recipientEmail).valid)

            let finished = try await client.get(location)
            #expect(finished.body.string.contains("1250 badges attribués sur 1250"))
            #expect(!finished.body.string.contains("http-equiv=\"refresh\""))
        }
    }

    @Test func anAbandonedJobIsTakenOverWhereItStopped() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock.clock) { app in
            let client = try await Scenario.organisationAdmin(app)
            let badgeID = try await Scenario.badgeClass(client)
            let badge = try #require(try await BadgeClass.find(badgeID, on: app.db))
            let jobs = app.blason.issueJobs(app.db)
            let recipients = try (1...1_500).map { Recipient(email: try #require(EmailAddress("p\($0)@example.org"))) }
            let job = try await jobs.enqueue(badge, draft: AwardDraft(recipients: recipients, issuedOn: clock.now), issuedBy: nil, awardedBy: nil)
            #expect(try await jobs.claim(job.requireID(), worker: "crashed"))
            // The first worker did one chunk, then stopped without a word.
            try await jobs.run(job.requireID(), worker: "crashed", chunks: 1)
            #expect(try await Scenario.awardCount(app) == 1_000)
            clock.advance(seconds: 30)
            #expect(try await !jobs.claim(job.requireID(), worker: "second"), "not stale yet")
            clock.advance(seconds: 61)
            #expect(try await jobs.nextCandidate() == job.id)
            #expect(try await jobs.claim(job.requireID(), worker: "second"))
            try await jobs.run(job.requireID(), worker: "second")
            #expect(try await Scenario.awardCount(app) == 1_500, "resumed at 1000: nobody twice, nobody missed")
            let emails = try await Award.query(on: app.db).all().map(\.recipientEmail)
            #expect(Set(emails).count == 1_500)
        }
    }
}

extension IssueJobTests {
    @Test func theAPIAnswers202WithTheJobToFollow() async throws {
        try await TestApp.run { app in
            let api = try await APITests.caller(app)
            let organisation = try APITests.object(try await api.send(.POST, "/api/v1/organisations", json: #"{"name":"Centre Lot","contactEmail":"c@lot.example.org"}"#))
            let slug = try #require(organisation["slug"] as? String)
            let created = try await api.send(.POST, "/api/v1/organisations/\(slug)/badge-classes", multipart: (
                [("name_fr", "Badge lot"), ("description_fr", "En nombre."), ("criteria_fr", "Être nombreux.")],
                [("image", "b.png", "image/png", Fixtures.squarePNG)]))
            let badgeID = try #require(try APITests.object(created)["id"] as? String)
            let recipients = (1...300).map { #"{"email":"lot\#($0)@example.org"}"# }.joined(separator: ",")
            let queued = try await api.send(.POST, "/api/v1/badge-classes/\(badgeID)/awards", json: #"{"recipients":[\#(recipients)]}"#)
            #expect(queued.status == .accepted, "\(queued.body.string)")
            let location = try #require(queued.headers.first(name: .location))
            let job = try APITests.object(queued)
            #expect(job["status"] as? String == "queued" && job["total"] as? Int == 300)
            let jobs = app.blason.issueJobs(app.db)
            let jobID = try #require(UUID(uuidString: String(location.split(separator: "/").last ?? "")))
            #expect(try await jobs.claim(jobID, worker: "test"))
            try await jobs.run(jobID, worker: "test")
            let done = try APITests.object(try await api.send(.GET, location))
            #expect(done["status"] as? String == "done" && done["done"] as? Int == 300)
            let other = try await APITests.caller(app, email: "autre@example.org")
            let foreign = try await other.send(.GET, location)
            #expect([.forbidden, .notFound].contains(foreign.status) && !foreign.body.string.contains("lot1@"), "another organisation does not see it")
        }
    }
}

/// Collects progress reports from the job's worker.
final class Progress: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [Int] = []
    func add(_ done: Int, _ total: Int) { lock.withLock { seen.append(done) } }
    var values: [Int] { lock.withLock { seen } }
}
