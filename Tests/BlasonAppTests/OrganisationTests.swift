@testable import BlasonApp
import BlasonPersistence
import Fluent
import Foundation
import Testing
import VaporTesting

@Suite("Organisations, members and roles")
struct OrganisationTests {
    @Test func duplicateSlugIsRefusedWithAClearMessage() async throws {
        try await TestApp.run { app in
            _ = try await Scenario.organisationAdmin(app)
            let other = try await Scenario.organisationAdmin(app, email: "other@example.org", organisation: "Autre structure", slug: "autre")
            let before = try await Organisation.query(on: app.db).count()
            try await other.get("/organisations/new")
            let response = try await other.postMultipart("/organisations/new", [("name", "Copie"), ("slug", "structure-test"), ("contact_email", "x@example.org")])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("l&apos;identifiant « structure-test » est déjà utilisé") || response.body.string.contains("l'identifiant « structure-test » est déjà utilisé"))
            #expect(try await Organisation.query(on: app.db).count() == before)
        }
    }

    @Test func membersRolesAndSwitching() async throws {
        try await TestApp.run { app in
            let admin = try await Scenario.organisationAdmin(app)
            let issuer = try await Scenario.organisationAdmin(app, email: "issuer@example.org", organisation: "Seconde", slug: "seconde")
            try await admin.get("/admin/members")
            let added = try await admin.post("/admin/members", [("email", "issuer@example.org"), ("role", "issuer")])
            #expect(added.status == .seeOther)
            let unknown = try await admin.post("/admin/members", [("email", "nobody@example.org"), ("role", "issuer")])
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.body.string.contains("aucun compte n"))

            // The issuer now belongs to two organisations and switches to the first.
            let dashboard = try await issuer.get("/dashboard")
            #expect(dashboard.body.string.contains("organisation-switch"))
            let structure = try #require(try await Organisation.query(on: app.db).filter(\.$slug == "structure-test").first())
            let switched = try await issuer.post("/organisations/switch", [("organisation", structure.id!.uuidString)])
            #expect(switched.status == .seeOther)
            #expect(try await issuer.get("/dashboard").body.string.contains("Structure Test"))
            // As an issuer it may not create badge classes nor administer the organisation.
            #expect(try await issuer.get("/creator/badge-classes/new").status == .forbidden)
            #expect(try await issuer.get("/admin/members").status == .forbidden)
            #expect(try await issuer.get("/issuer").status == .ok)
        }
    }

    @Test func lastAdminCannotLeave() async throws {
        try await TestApp.run { app in
            let admin = try await Scenario.organisationAdmin(app)
            let membership = try #require(try await Membership.query(on: app.db).first())
            try await admin.get("/admin/members")
            let response = try await admin.post("/admin/members/\(membership.id!.uuidString.lowercased())/remove", [])
            #expect(response.status == .conflict)
            #expect(try await Membership.query(on: app.db).count() == 1)
        }
    }
}
