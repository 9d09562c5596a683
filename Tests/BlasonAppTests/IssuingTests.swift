@testable import BlasonApp
import BlasonPersistence
import Fluent
import Foundation
import Testing
import VaporTesting

@Suite("Issuing and revoking")
struct IssuingTests {
    @Test func awardToTwoPeopleThenRevoke() async throws {
        try await TestApp.run { app in
            let client = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(client)
            let path = "/issuer/badge-classes/\(badge.uuidString.lowercased())/award"
            try await client.get(path)
            let response = try await client.postMultipart(path, [
                ("recipients", "camille@example.org\nYanis Benali <Yanis@Example.org>"), ("issued_on", "2024-03-01"),
                ("evidence_url", "https://example.org/portfolio"), ("narrative", "A accueilli 30 personnes."),
            ])
            #expect(response.status == .seeOther, "\(response.body.string.prefix(3000))")
            let awards = try await Award.query(on: app.db).sort(\.$recipientEmail).all()
            #expect(awards.map(\.recipientEmail) == ["camille@example.org", "yanis@example.org"])
            #expect(awards[1].recipientName == "Yanis Benali")
            #expect(awards.allSatisfy { $0.evidenceURL == "https://example.org/portfolio" })
            #expect(CalendarDayCheck.day(awards[0].issuedOn) == "2024-03-01")

            let award = awards[0]
            let detailPath = "/issuer/awards/\(award.id!.uuidString.lowercased())"
            try await client.get(detailPath)
            let empty = try await client.post(detailPath + "/revoke", [("reason", " ")])
            #expect(empty.status == .unprocessableEntity)
            #expect(try await client.post(detailPath + "/revoke", [("reason", "Erreur de saisie")]).status == .seeOther)
            let again = try await client.post(detailPath + "/revoke", [("reason", "Encore")])
            #expect(again.status == .conflict)
            #expect(again.body.string.contains("déjà révoqué"))
            #expect(try await Award.find(award.id, on: app.db)?.revocationReason == "Erreur de saisie")
        }
    }

    @Test func oneBadLineAmong2500IssuesNothing() async throws {
        try await TestApp.run { app in
            let client = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(client)
            var lines = (1...2500).map { "personne\($0)@example.org" }
            lines[1233] = "personne1234-at-example.org"
            let path = "/issuer/badge-classes/\(badge.uuidString.lowercased())/award"
            try await client.get(path)
            let response = try await client.postMultipart(path, [("recipients", lines.joined(separator: "\n"))])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("Ligne 1234"))
            #expect(response.body.string.contains("personne1234-at-example.org"))
            #expect(try await Scenario.awardCount(app) == 0)

            lines[1233] = "personne1234@example.org"
            let fixed = try await client.postMultipart(path, [("recipients", lines.joined(separator: "\n"))])
            #expect(fixed.status == .seeOther)
            // So many run as a background job (the server's runner; here, run directly).
            let location = try #require(WebClient.location(fixed))
            let jobID = try #require(UUID(uuidString: String(location.split(separator: "/").last ?? "")))
            let jobs = app.blason.issueJobs(app.db)
            #expect(try await jobs.claim(jobID, worker: "test"))
            try await jobs.run(jobID, worker: "test")
            #expect(try await Scenario.awardCount(app) == 2500)
        }
    }

    @Test func csvUpload() async throws {
        try await TestApp.run { app in
            let client = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(client)
            let path = "/issuer/badge-classes/\(badge.uuidString.lowercased())/award"
            try await client.get(path)
            let missing = try await client.postMultipart(path, [], files: [("csv", "r.csv", "text/csv", Data("email,name\na@example.org,A\n".utf8))])
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.body.string.contains("colonne(s) manquante(s) : evidence_url, narrative"))
            #expect(try await Scenario.awardCount(app) == 0)

            let csv = "email,name,evidence_url,narrative\na@example.org,Anne,https://example.org/a,\"Très bien, vraiment\"\nb@example.org,,,\n"
            let ok = try await client.postMultipart(path, [], files: [("csv", "r.csv", "text/csv", Data(csv.utf8))])
            #expect(ok.status == .seeOther, "\(ok.body.string.prefix(2000))")
            let anne = try #require(try await Award.query(on: app.db).filter(\.$recipientEmail == "a@example.org").first())
            #expect(anne.narrative == "Très bien, vraiment")
            #expect(anne.evidenceURL == "https://example.org/a")
        }
    }

    @Test func archivedBadgeClassCannotBeAwarded() async throws {
        try await TestApp.run { app in
            let client = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(client)
            let path = "/issuer/badge-classes/\(badge.uuidString.lowercased())/award"
            try await client.get(path)
            let token = client.csrf
            try await client.post("/creator/badge-classes/\(badge.uuidString.lowercased())/archive", [])
            let response = try await client.postMultipart(path, [("recipients", "a@example.org"), ("_csrf", token ?? "")], withToken: false)
            #expect(response.status == .conflict)
            #expect(response.body.string.contains("archivé"))
            #expect(try await Scenario.awardCount(app) == 0)
        }
    }

    @Test func anotherOrganisationsObjectsAreNotFound() async throws {
        try await TestApp.run { app in
            let owner = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(owner)
            let intruder = try await Scenario.organisationAdmin(app, email: "intrus@example.org", organisation: "Intrus", slug: "intrus")
            #expect(try await intruder.get("/creator/badge-classes/\(badge.uuidString.lowercased())").status == .notFound)
            try await intruder.get("/issuer")
            let response = try await intruder.postMultipart("/issuer/badge-classes/\(badge.uuidString.lowercased())/award", [("recipients", "a@example.org")])
            #expect(response.status == .notFound)
            #expect(try await Scenario.awardCount(app) == 0)
        }
    }
}

enum CalendarDayCheck {
    static func day(_ date: Date) -> String {
        BlasonCore.CalendarDay.format(date)
    }
}

import BlasonCore
