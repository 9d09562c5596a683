@testable import BlasonApp
import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import Testing
import VaporTesting

@Suite("Badge applications and their review methods")
struct ApplicationTests {
    @Test func singleReviewerApprovesReturnsAndRejects() async throws {
        try await TestApp.run { app in
            let admin = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(admin)
            #expect(try await ApplicationScenario.open(admin, badge: badge, method: .single).status == .seeOther)
            #expect(try await WebClient(app).get("/apply/\(badge.uuidString.lowercased())/qr.svg").body.string.contains("<svg"))

            // Approve.
            let first = try await ApplicationScenario.submitted(app, badge: badge, email: "approve@example.org")
            #expect(first.status == .pending)
            try await admin.get("/reviews")
            let review = try await admin.get("/reviews/\(first.id!.uuidString.lowercased())")
            #expect(review.body.string.contains("Trois ans d&apos;accueil") || review.body.string.contains("Trois ans d'accueil"))
            let file = try await admin.get("/reviews/\(first.id!.uuidString.lowercased())/files/\(try await ApplicationScenario.form(app, badge: badge).questions[2].id.uuidString.lowercased())")
            #expect(file.status == .ok)
            #expect(file.headers.first(name: .contentDisposition)?.hasPrefix("attachment") == true)
            #expect(try await admin.post("/reviews/\(first.id!.uuidString.lowercased())/approve", [("message", "Bravo !"), ("addendum", "Accueil de 30 personnes")]).status == .seeOther)
            let approved = try await ApplicationScenario.reload(app, first)
            #expect(approved.status == .approved)
            let award = try #require(try await Award.find(approved.$award.id, on: app.db))
            #expect(award.recipientEmail == "approve@example.org")
            #expect(award.narrative == "Accueil de 30 personnes")
            #expect(try await ApplicationScenario.mailEvents(app, to: "approve@example.org")
                    == ["application-confirm", "application-received", "award-issued", "application-approved"])
            let twice = try await admin.post("/reviews/\(first.id!.uuidString.lowercased())/approve", [])
            #expect(twice.status == .conflict, "deciding twice")
            #expect(try await Award.query(on: app.db).count() == 1)

            // Return, resubmit, then reject.
            let second = try await ApplicationScenario.submitted(app, badge: badge, email: "return@example.org")
            try await admin.get("/reviews/\(second.id!.uuidString.lowercased())")
            #expect(try await admin.post("/reviews/\(second.id!.uuidString.lowercased())/return", [("comment", " ")]).status == .unprocessableEntity)
            #expect(try await admin.post("/reviews/\(second.id!.uuidString.lowercased())/return", [("comment", "Précisez votre niveau.")]).status == .seeOther)
            let returned = try await ApplicationScenario.reload(app, second)
            #expect(returned.status == .returned)
            let returnMail = try #require(try await Mailbox.messages(app, to: "return@example.org").last)
            #expect(returnMail.textBody.contains("Précisez votre niveau."))
            let applicant = WebClient(app)
            let page = try #require(Mailbox.link(in: returnMail))
            #expect(try await applicant.get(page).body.string.contains("Compléter et renvoyer la demande"))
            let form = try await ApplicationScenario.form(app, badge: badge)
            let resubmitted = try await applicant.postMultipart(page + "/resubmit", [
                (AnswerValidation.field(form.questions[0]), "Trois ans, niveau confirmé"), (AnswerValidation.field(form.questions[1]), "confirme"),
            ])
            #expect(resubmitted.status == .seeOther, "\(resubmitted.body.string.prefix(2000))")
            let again = try await ApplicationScenario.reload(app, second)
            #expect(again.status == .pending)
            #expect(again.revision == 2)
            let revisions = try await ApplicationAnswerRecord.query(on: app.db).filter(\.$application.$id == second.id!).all()
            #expect(Set(revisions.map(\.revision)) == [1, 2], "history kept")
            #expect(revisions.contains { $0.revision == 2 && $0.fileData != nil }, "the file is kept across revisions")
            try await admin.get("/reviews/\(second.id!.uuidString.lowercased())")
            #expect(try await admin.post("/reviews/\(second.id!.uuidString.lowercased())/reject", [("reason", "Hors du périmètre.")]).status == .seeOther)
            #expect(try await ApplicationScenario.reload(app, second).status == .rejected)
            #expect(try await ApplicationScenario.mailEvents(app, to: "return@example.org").last == "application-rejected")
            #expect(try await Award.query(on: app.db).count() == 1)
        }
    }

    @Test func juryOfThreeWithThresholdTwo() async throws {
        try await TestApp.run { app in
            let admin = try await Scenario.organisationAdmin(app)
            let jurors = ["j1@example.org", "j2@example.org", "j3@example.org"]
            var clients: [WebClient] = []
            for juror in jurors {
                clients.append(try await Scenario.organisationAdmin(app, email: juror, organisation: "Jury \(juror)", slug: "jury-\(juror.prefix(2))"))
            }
            let badge = try await Scenario.badgeClass(admin)
            #expect(try await ApplicationScenario.open(admin, badge: badge, method: .jury,
                                                      fields: [("jury", jurors.joined(separator: "\n")), ("jury_threshold", "2")]).status == .seeOther)
            let application = try await ApplicationScenario.submitted(app, badge: badge)
            let path = "/reviews/\(application.id!.uuidString.lowercased())"
            for (client, vote) in zip(clients, ["no", "yes", "yes"]) {
                let page = try await client.get(path)
                #expect(page.status == .ok)
                #expect(try await client.post(path + "/vote", [("vote", vote), ("comment", "Mon avis : \(vote)")]).status == .seeOther)
            }
            let decided = try await ApplicationScenario.reload(app, application)
            #expect(decided.status == .approved)
            #expect(try await Award.query(on: app.db).count() == 1)
            // Jury members vote; they do not decide alone.
            let other = try await ApplicationScenario.submitted(app, badge: badge, email: "other@example.org")
            try await clients[0].get("/reviews/\(other.id!.uuidString.lowercased())")
            #expect(try await clients[0].post("/reviews/\(other.id!.uuidString.lowercased())/approve", []).status == .forbidden)
        }
    }

    @Test func finalReviewerOverrulesTheJury() async throws {
        try await TestApp.run { app in
            let admin = try await Scenario.organisationAdmin(app)
            let juror = try await Scenario.organisationAdmin(app, email: "juror@example.org", organisation: "Juré", slug: "jure")
            let final = try await Scenario.organisationAdmin(app, email: "final@example.org", organisation: "Final", slug: "final")
            let badge = try await Scenario.badgeClass(admin)
            try await ApplicationScenario.open(admin, badge: badge, method: .jury,
                                               fields: [("jury", "juror@example.org"), ("jury_threshold", "1"), ("final_reviewer", "final@example.org")])
            let application = try await ApplicationScenario.submitted(app, badge: badge)
            let path = "/reviews/\(application.id!.uuidString.lowercased())"
            try await juror.get(path)
            try await juror.post(path + "/vote", [("vote", "yes")])
            #expect(try await ApplicationScenario.reload(app, application).status == .pending, "with a final reviewer the tally is advice")
            let page = try await final.get(path)
            #expect(page.body.string.contains("Votes du jury : 1 pour, 0 contre"))
            #expect(try await final.post(path + "/reject", [("reason", "Dossier incomplet malgré l'avis du jury.")]).status == .seeOther)
            #expect(try await ApplicationScenario.reload(app, application).status == .rejected)
        }
    }

    @Test func automaticApproval() async throws {
        try await TestApp.run { app in
            let admin = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(admin)
            try await ApplicationScenario.open(admin, badge: badge, method: .automatic)
            let application = try await ApplicationScenario.submitted(app, badge: badge)
            let decided = try await ApplicationScenario.reload(app, application)
            #expect(decided.status == .approved)
            #expect(decided.$award.id != nil)
        }
    }

    @Test func claimCodeRightAndWrong() async throws {
        try await TestApp.run { app in
            let admin = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(admin)
            try await ApplicationScenario.open(admin, badge: badge, method: .claimCode, fields: [("claim_code", "FORUM-2026")])
            let (_, wrong) = try await ApplicationScenario.apply(app, badge: badge, email: "wrong@example.org", extra: [("claim_code", "FORUM-2025")])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.string.contains("ce code n&apos;est pas le bon") || wrong.body.string.contains("ce code n'est pas le bon"))
            #expect(try await BadgeApplication.query(on: app.db).count() == 0)
            let application = try await ApplicationScenario.submitted(app, badge: badge, email: "right@example.org", extra: [("claim_code", " forum-2026 ")])
            #expect(try await ApplicationScenario.reload(app, application).status == .approved)
            #expect(try await Award.query(on: app.db).filter(\.$recipientEmail == "right@example.org").count() == 1)
        }
    }

    @Test func badInputChangesNothing() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock.clock) { app in
            let admin = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(admin)
            let tomorrow = CalendarDay.format(clock.now.addingTimeInterval(2 * 86_400))
            try await ApplicationScenario.open(admin, badge: badge, method: .single, fields: [("closes_at", tomorrow), ("applicant_limit", "1")])
            func expectRefused(_ response: TestingHTTPResponse, _ text: String, status: HTTPStatus = .unprocessableEntity) {
                #expect(response.status == status, "\(text)")
                #expect(response.body.string.replacingOccurrences(of: "&apos;", with: "'").contains(text), "\(response.body.string.prefix(3000))")
            }
            expectRefused(try await ApplicationScenario.apply(app, badge: badge, experience: "").1, "ce champ est obligatoire")
            expectRefused(try await ApplicationScenario.apply(app, badge: badge, level: "expert").1, "la valeur « expert » n'est pas permise")
            expectRefused(try await ApplicationScenario.apply(app, badge: badge, file: Data(repeating: 0x25, count: 2_000_000)).1, "le fichier dépasse 1 Mo")
            expectRefused(try await ApplicationScenario.apply(app, badge: badge, file: Data("MZ not a pdf".utf8), fileName: "virus.exe").1,
                          "seuls les fichiers PDF, PNG et JPEG")
            #expect(try await BadgeApplication.query(on: app.db).count() == 0)

            _ = try await ApplicationScenario.submitted(app, badge: badge, email: "first@example.org")
            expectRefused(try await WebClient(app).get("/apply/\(badge.uuidString.lowercased())"), "le nombre maximal de demandes", status: .conflict)
            clock.advance(days: 3)
            expectRefused(try await WebClient(app).get("/apply/\(badge.uuidString.lowercased())"), "les demandes pour ce badge sont fermées", status: .conflict)
            #expect(try await BadgeApplication.query(on: app.db).count() == 1)

            // A reviewer of another organisation may not decide.
            let application = try #require(try await BadgeApplication.query(on: app.db).first())
            let intruder = try await Scenario.organisationAdmin(app, email: "intrus@example.org", organisation: "Intrus", slug: "intrus")
            #expect(try await intruder.get("/reviews/\(application.id!.uuidString.lowercased())").status == .forbidden)
            try await intruder.get("/dashboard")
            #expect(try await intruder.post("/reviews/\(application.id!.uuidString.lowercased())/approve", []).status == .forbidden)
            #expect(try await ApplicationScenario.reload(app, application).status == .pending)
        }
    }

    @Test func preconditionsAreAnExtensionPoint() async throws {
        try await TestApp.run { app in
            app.blason.hooks.register(precondition: "test.has-link") { application, db, t in
                let links = try await ApplicationLink.query(on: db).filter(\.$application.$id == application.requireID()).filter(\.$kind == "test.thing").count()
                return links > 0 ? nil : t.pick("au moins un objet lié est requis", "at least one linked object is required")
            }
            let admin = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(admin)
            try await ApplicationScenario.open(admin, badge: badge, method: .single)
            let form = try await ApplicationScenario.form(app, badge: badge)
            form.preconditions = ["test.has-link"]
            try await form.save(on: app.db)
            let application = try await ApplicationScenario.submitted(app, badge: badge)
            let path = "/reviews/\(application.id!.uuidString.lowercased())"
            try await admin.get(path)
            let blocked = try await admin.post(path + "/approve", [])
            #expect(blocked.status == .unprocessableEntity)
            #expect(blocked.body.string.contains("au moins un objet lié est requis"))
            #expect(try await ApplicationScenario.reload(app, application).status == .pending)
            try await ApplicationLink(applicationID: application.id!, kind: "test.thing", targetID: UUID()).create(on: app.db)
            #expect(try await admin.post(path + "/approve", []).status == .seeOther)
            #expect(try await ApplicationScenario.reload(app, application).status == .approved)
        }
    }

    @Test func organisationsApplyThroughAnAdmin() async throws {
        try await TestApp.run { app in
            let issuer = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(issuer, name: "Structure participante")
            try await ApplicationScenario.open(issuer, badge: badge, method: .single, fields: [("applicant_kind", "organisation")])
            let anonymous = try await WebClient(app).get("/apply/\(badge.uuidString.lowercased())").body.string.replacingOccurrences(of: "&apos;", with: "'")
            #expect(anonymous.contains("connectez-vous en tant qu'administrateur"))
            let structure = try await Scenario.organisationAdmin(app, email: "direction@asso.example.org", organisation: "Asso Tremplin", slug: "asso-tremplin")
            let form = try await ApplicationScenario.form(app, badge: badge)
            try await structure.get("/apply/\(badge.uuidString.lowercased())")
            let response = try await structure.postMultipart("/apply/\(badge.uuidString.lowercased())", [
                (AnswerValidation.field(form.questions[0]), "Nous accompagnons 200 personnes par an."),
            ])
            #expect(response.status == .seeOther, "\(response.body.string.prefix(2000))")
            let application = try #require(try await BadgeApplication.query(on: app.db).first())
            #expect(application.status == .pending, "submitted at once: the admin's account is known")
            try await issuer.get("/reviews/\(application.id!.uuidString.lowercased())")
            #expect(try await issuer.post("/reviews/\(application.id!.uuidString.lowercased())/approve", []).status == .seeOther)
            let award = try #require(try await Award.query(on: app.db).first())
            let asso = try #require(try await Organisation.query(on: app.db).filter(\.$slug == "asso-tremplin").first())
            #expect(award.recipientEmail == "direction@asso.example.org")
            #expect(award.$recipientOrganisation.id == asso.id)
            let profile = try await WebClient(app).get("/issuers/\(asso.id!.uuidString.lowercased())", headers: ["Accept": "text/html"])
            #expect(profile.body.string.contains("Badges reçus"))
            #expect(profile.body.string.contains("Structure participante"))
        }
    }

    @Test func outsideReviewerInvitedByEmail() async throws {
        try await TestApp.run { app in
            let admin = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(admin)
            try await ApplicationScenario.open(admin, badge: badge, method: .single, fields: [("outside_reviewers", "expert@example.org")])
            let invitation = try await Mailbox.latestLink(app, to: "expert@example.org")
            let application = try await ApplicationScenario.submitted(app, badge: badge)
            let expert = WebClient(app)
            let joined = try await expert.get(invitation)
            #expect(WebClient.location(joined) == "/reviews")
            let queue = try await expert.get("/reviews")
            #expect(queue.body.string.contains("Camille Martin"))
            try await expert.get("/reviews/\(application.id!.uuidString.lowercased())")
            #expect(try await expert.post("/reviews/\(application.id!.uuidString.lowercased())/approve", []).status == .seeOther)
            #expect(try await ApplicationScenario.reload(app, application).status == .approved)
        }
    }
}

@Suite("Badge applications through the JSON API")
struct ApplicationAPITests {
    @Test func openSubmitConfirmAndDecide() async throws {
        try await TestApp.run { app in
            let api = try await APITests.caller(app)
            let created = try await api.send(.POST, "/api/v1/organisations/api-api/badge-classes", multipart: (
                [("name_fr", "Badge candidature"), ("description_fr", "D"), ("criteria_fr", "C")], [("image", "b.png", "image/png", Fixtures.squarePNG)]))
            let badgeID = try #require(try APITests.object(created)["id"] as? String)
            let opened = try await api.send(.PUT, "/api/v1/badge-classes/\(badgeID)/application-form", json: """
                {"reviewMethod":"single","questions":[{"kind":"short-text","label":{"fr":"Motivation"},"required":true},
                 {"kind":"multiple-choice","label":{"fr":"Domaines"},"choices":[{"fr":"Accueil"},{"fr":"Numérique","en":"Digital"}]}]}
                """)
            #expect(opened.status == .ok, "\(opened.body.string)")
            let form = try APITests.object(opened)
            let questions = try #require(form["questions"] as? [[String: Any]])
            let motivation = try #require(questions[0]["id"] as? String).lowercased()
            let domains = try #require(questions[1]["id"] as? String).lowercased()

            let wrongType = try await api.send(.POST, "/api/v1/badge-classes/\(badgeID)/applications", json: #"{"name":"A","email":"a@example.org","answers":12}"#)
            #expect(wrongType.status == .badRequest)
            let wrongChoice = try await api.send(.POST, "/api/v1/badge-classes/\(badgeID)/applications",
                                                 json: #"{"name":"A","email":"a@example.org","answers":{"\#(motivation)":"Oui","\#(domains)":["cuisine"]}}"#)
            #expect(wrongChoice.status == .unprocessableEntity)
            let submitted = try await api.send(.POST, "/api/v1/badge-classes/\(badgeID)/applications",
                                               json: #"{"name":"A","email":"a@example.org","answers":{"\#(motivation)":"J'aime accueillir","\#(domains)":["accueil","numerique"]}}"#)
            #expect(submitted.status == .created, "\(submitted.body.string)")
            let applicationID = try #require(try APITests.object(submitted)["id"] as? String)
            #expect(try APITests.object(submitted)["status"] as? String == "awaiting-email")
            #expect(try await WebClient(app).get(try await Mailbox.latestLink(app, to: "a@example.org")).status == .seeOther)

            let list = try await api.send(.GET, "/api/v1/organisations/api-api/applications?status=pending")
            let items = try #require(try JSONSerialization.jsonObject(with: Data(list.body.readableBytesView)) as? [[String: Any]])
            #expect(items.map { $0["id"] as? String } == [applicationID])
            let detail = try APITests.object(try await api.send(.GET, "/api/v1/applications/\(applicationID)"))
            #expect((detail["answers"] as? [String: Any])?[motivation] != nil)
            let decided = try await api.send(.POST, "/api/v1/applications/\(applicationID)/decision", json: #"{"action":"approve","message":"Bienvenue"}"#)
            #expect(decided.status == .ok, "\(decided.body.string)")
            #expect(try APITests.object(decided)["status"] as? String == "approved")
            #expect(try APITests.object(decided)["awardId"] is String)
            let twice = try await api.send(.POST, "/api/v1/applications/\(applicationID)/decision", json: #"{"action":"reject","comment":"Non"}"#)
            #expect(twice.status == .conflict)
        }
    }
}
