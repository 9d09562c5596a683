@testable import BlasonApp
import BlasonPersistence
import Fluent
import Foundation
import Vapor

/// How many rows of each kind a refused request could have written, read straight from the
/// database: taken before and after, the two must be equal.
struct RowCounts: Equatable, CustomStringConvertible {
    var organisations = 0
    var badgeClasses = 0
    var apiTokens = 0
    var awards = 0
    var revokedAwards = 0
    var issueJobs = 0
    var oneTimeLinks = 0
    var outbox = 0
    var auditEvents = 0
    var applications = 0
    var applicationEvents = 0
    var applicationAnswers = 0

    static func take(_ app: Application) async throws -> RowCounts {
        let db = app.db
        return RowCounts(
            organisations: try await Organisation.query(on: db).count(),
            badgeClasses: try await BadgeClass.query(on: db).count(),
            apiTokens: try await APIToken.query(on: db).count(),
            awards: try await Award.query(on: db).count(),
            revokedAwards: try await Award.query(on: db).filter(\.$revokedAt != nil).count(),
            issueJobs: try await IssueJob.query(on: db).count(),
            oneTimeLinks: try await OneTimeToken.query(on: db).count(),
            outbox: try await OutboxMessage.query(on: db).count(),
            auditEvents: try await AuditEvent.query(on: db).count(),
            applications: try await BadgeApplication.query(on: db).count(),
            applicationEvents: try await ApplicationEvent.query(on: db).count(),
            applicationAnswers: try await ApplicationAnswerRecord.query(on: db).count())
    }

    var description: String {
        "organisations \(organisations), badge classes \(badgeClasses), API tokens \(apiTokens), awards \(awards) (revoked \(revokedAwards)), "
            + "issue jobs \(issueJobs), one-time links \(oneTimeLinks), outbox \(outbox), audit events \(auditEvents), "
            + "applications \(applications) (events \(applicationEvents), answers \(applicationAnswers))"
    }
}
