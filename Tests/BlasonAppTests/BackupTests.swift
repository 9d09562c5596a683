@testable import BlasonApp
import BlasonCore
import BlasonMail
import BlasonPersistence
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@Suite("blason backup")
struct BackupTests {
    @Test(.enabled(if: TestDatabase.postgresURL == nil, "SQLite only: PostgreSQL is backed up with pg_dump"))
    func copiesTheOpenDatabaseWhileItIsWritten() async throws {
        try await TestApp.run { app in
            let issuer = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(issuer)
            try await EarnerTests.award(issuer, badge, "a@example.org\nb@example.org")
            guard case .sqlite(let source) = app.blason.configuration.database else { return }
            let wanted = URL(fileURLWithPath: source).deletingLastPathComponent().appendingPathComponent("backup.sqlite").path
            let target = try AdminOperations.backupTarget(app.blason.configuration, to: wanted)

            // The server goes on writing during the backup; the copy is one committed state.
            let writer = Task {
                for index in 0..<300 {
                    try await JobRun(job: "write-during-backup", period: String(index), startedAt: Date()).create(on: app.db)
                }
            }
            let lines = try await AdminOperations(app: app).backup(to: target)
            try await writer.value
            #expect(lines.first?.contains(target) == true, "\(lines)")
            #expect(lines.last?.contains("master key") == true, "\(lines)")
            let mode = try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            #expect(try FileManager.default.contentsOfDirectory(atPath: URL(fileURLWithPath: target).deletingLastPathComponent().path)
                .allSatisfy { !$0.contains(".partial-") }, "no temporary file left behind")

            // The copy opens as a Blason database of its own, with the data.
            let copy = try await Application.make(.testing)
            do {
                try await configure(copy, BlasonConfiguration(publicURL: TestApp.publicURL, database: .sqlite(path: target), bcryptCost: 4,
                                                             logLevel: .warning), migrate: false)
                let sql = copy.db as! any SQLDatabase
                let check = try await sql.raw("PRAGMA integrity_check").first()?.decode(column: "integrity_check", as: String.self)
                #expect(check == "ok")
                let badgeClass = try await BadgeClass.find(badge, on: copy.db)
                #expect(badgeClass?.nameFR == "Accueillir le public")
                #expect(try await Award.query(on: copy.db).filter(\.$badgeClass.$id == badge).count() == 2)
                #expect(try await Organisation.query(on: copy.db).filter(\.$slug == "structure-test").count() == 1)
                let copied = try await JobRun.query(on: copy.db).filter(\.$job == "write-during-backup").count()
                #expect((0...300).contains(copied))
                try await copy.asyncShutdown()
            } catch {
                try? await copy.asyncShutdown()
                throw error
            }
            // The original goes on working, and a second backup never overwrites the first.
            try await EarnerTests.award(issuer, badge, "c@example.org")
            #expect(try await Award.query(on: app.db).filter(\.$badgeClass.$id == badge).count() == 3)
            #expect(throws: BackupError.self) { try AdminOperations.backupTarget(app.blason.configuration, to: target) }
        }
    }

    @Test func withPostgreSQLItGivesThePgDumpCommandWithoutThePassword() throws {
        let configuration = BlasonConfiguration(publicURL: TestApp.publicURL,
                                                database: .postgres(url: "postgres://blason:s3cret@db.example.org:5433/blason_region?sslmode=require"),
                                                logLevel: .warning, masterKey: .provided(Data(repeating: 7, count: 32)))
        do {
            _ = try AdminOperations.backupTarget(configuration, to: "/var/backups/blason 2026.dump")
            Issue.record("a PostgreSQL database is not copied by blason backup")
        } catch let error as BackupError {
            #expect(error.description.contains(
                "PGSSLMODE=require pg_dump --format=custom --host=db.example.org --port=5433 --username=blason --file='/var/backups/blason 2026.dump' blason_region"),
                "\(error.description)")
            #expect(!error.description.contains("s3cret"))
            #expect(error.description.contains("pg_restore"))
        }
        #expect(AdminOperations.shellQuoted("it's") == #"'it'\''s'"#)
    }

    @Test func aMissingDatabaseIsNotCreatedByABackup() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("blason-backup-" + UUID().uuidString)
        let configuration = BlasonConfiguration(publicURL: TestApp.publicURL, database: .sqlite(path: directory.appendingPathComponent("none.sqlite").path),
                                                logLevel: .warning)
        #expect(throws: BackupError.self) { try AdminOperations.backupTarget(configuration, to: directory.appendingPathComponent("copy.sqlite").path) }
        #expect(!FileManager.default.fileExists(atPath: directory.path))
    }
}
