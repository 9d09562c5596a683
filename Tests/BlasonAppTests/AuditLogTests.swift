@testable import BlasonApp
import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import Testing
import VaporTesting

@Suite("The audit log")
struct AuditLogTests {
    static func actions(_ app: Application, organisation: UUID) async throws -> [String] {
        try await AuditEvent.query(on: app.db).filter(\.$organisationID == organisation).sort(\.$occurredAt).sort(\.$id).all().map(\.action)
    }

    @Test func changesAreRecordedWithWhoWhenAndFromWhereAndEachAdminSeesOnlyTheirs() async throws {
        try await TestApp.run { app in
            let pair = try await NetworkTests.partners(app)
            let badge = try await Scenario.badgeClass(pair.a, name: "Tenir un stand")
            try await EarnerTests.award(pair.a, badge, "lea@example.org\nmarc@example.org")
            let award = try #require(try await Award.query(on: app.db).filter(\.$recipientEmail == "lea@example.org").first())
            let awardPath = "/issuer/awards/\(award.id!.uuidString.lowercased())"
            try await pair.a.get(awardPath)
            // A refused revocation (no reason) records nothing: the event is written with the change or not at all.
            #expect(try await pair.a.post(awardPath + "/revoke", [("reason", "")]).status == .unprocessableEntity)
            #expect(try await pair.a.post(awardPath + "/revoke", [("reason", "Erreur de destinataire")]).status == .seeOther)
            _ = try await AdminOperations(app: app).createUser(email: "paul@alpha.example.org", password: "correct horse battery", name: "Paul Membre",
                                                               organisation: nil, role: nil)
            try await pair.a.get("/admin/members")
            #expect(try await pair.a.post("/admin/members", [("email", "paul@alpha.example.org"), ("role", "issuer")]).status == .seeOther)
            let membership = try #require(try await Membership.query(on: app.db).filter(\.$roleName == "issuer").first())
            try await pair.a.get("/admin/members")
            #expect(try await pair.a.post("/admin/members/\(membership.id!.uuidString.lowercased())/role", [("role", "creator")]).status == .seeOther)
            try await pair.a.get("/network/shares/new")
            #expect(try await pair.a.post("/network/shares", [("badge_class", badge.uuidString), ("mode", "link"), ("partners[]", pair.bID.uuidString)])
                .status == .seeOther)

            let alpha = try await Self.actions(app, organisation: pair.aID)
            #expect(alpha == ["organisation.created", "partnership.requested", "badge-class.created", "award.issued", "award.revoked",
                              "member.added", "member.role-changed", "share.sent"])
            #expect(try await Self.actions(app, organisation: pair.bID) == ["organisation.created", "partnership.accepted"])
            let revoked = try #require(try await AuditEvent.query(on: app.db).filter(\.$action == "award.revoked").first())
            let admin = try #require(try await User.query(on: app.db).filter(\.$email == "admin@alpha.example.org").first())
            #expect(revoked.actorUserID == admin.id && revoked.actorName == "Alice Admin")
            #expect(revoked.objectID == award.id!.uuidString.lowercased() && revoked.detail == "Erreur de destinataire")
            // In-process test requests have no peer address; served ones keep theirs (checked by the programme's end-to-end test).
            // No e-mail address goes into the log (recipients are counted, members named).
            let all = try await AuditEvent.query(on: app.db).all()
            #expect(all.allSatisfy { !$0.detail.contains("@") })

            // Each admin reads their own organisation's log, newest first; the CSV has every event with its ids.
            let page = try await pair.a.get("/admin/audit").body.string
            #expect(page.contains("award.revoked") && page.contains("member.role-changed") && !page.contains("partnership.accepted"))
            let csv = try await pair.a.get("/admin/audit.csv")
            #expect(csv.headers.first(name: .contentType)?.hasPrefix("text/csv") == true)
            let lines = csv.body.string.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.first?.contains("occurred_at;actor;actor_user_id;action;object_type;object_id;detail;client_address;organisation_id;programme") == true, "\(lines.first ?? "")")
            #expect(lines.count == alpha.count + 1)
            #expect(try await pair.b.get("/admin/audit").body.string.contains("partnership.accepted"))
            #expect(!(try await pair.b.get("/admin/audit").body.string.contains("award.revoked")))
            // Members who are not admins do not read it.
            let paul = WebClient(app)
            try await paul.get("/sign-in")
            try await paul.post("/sign-in", [("email", "paul@alpha.example.org"), ("password", "correct horse battery")])
            #expect(try await paul.get("/admin/audit").status == .forbidden)
        }
    }

    @Test func theProgrammeOperatorReadsTheProgrammesLog() async throws {
        try await TestApp.run { app in
            let region = try await ProgrammeScenario.regionReviewer(app)
            let structure = try await ProgrammeScenario.structure(app)
            #expect(try await ProgrammeScenario.submit(structure).status == .seeOther)
            let submission = try await ProgrammeScenario.submission(app, badge: structure.badgeID)
            #expect(try await ProgrammeScenario.accept(app, region, submission).status == .seeOther)

            let key = ProgrammeScenario.key
            let events = try await AuditEvent.query(on: app.db).filter(\.$programmeKey == key).sort(\.$occurredAt).all()
            #expect(events.map(\.action) == ["submission.sent", "submission.accepted"])
            #expect(events.last?.actorName == "Inès Instructrice" && events.first?.organisationID == structure.id)
            let page = try await region.get("/programmes/\(key)/audit")
            #expect(page.status == .ok && page.body.string.contains("submission.accepted"))
            #expect(try await region.get("/programmes/\(key)/audit.csv").body.string.contains("submission.sent"))
            // The structure reads the same events in its own log, not the programme's.
            #expect(try await structure.client.get("/admin/audit").body.string.contains("submission.accepted"))
            #expect(try await structure.client.get("/programmes/\(key)/audit").status == .forbidden)
        }
    }
}
