@testable import BlasonApp
import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import NIOCore
import Testing
import Vapor
import VaporTesting

/// Applications end to end where other tests stop: the conversation between reviewers and the
/// applicant, the queue's filters, the review method fixed once open, approving with an expiry,
/// every kind of question, and the QR code of the apply page read by a real decoder.
@Suite("Badge applications: thread, queue, method, expiry, questions, QR code")
struct ApplicationFlowTests {
    static func id(_ application: BadgeApplication) -> String { application.id!.uuidString.lowercased() }

    /// A person applies under `name` and confirms their address; returns the application.
    static func submitted(_ app: Application, badge: UUID, name: String, email: String) async throws -> BadgeApplication {
        let (applicant, response) = try await ApplicationScenario.apply(app, badge: badge, name: name, email: email)
        #expect(response.status == .ok, "\(response.body.string.prefix(2000))")
        #expect(try await applicant.get(try await Mailbox.latestLink(app, to: email)).status == .seeOther)
        return try #require(try await BadgeApplication.query(on: app.db).filter(\.$applicantEmail == email).first())
    }

    // MARK: j. The conversation

    @Test func reviewersAndTheApplicantWriteToEachOtherAndInternalNotesStayWithReviewers() async throws {
        try await TestApp.run { app in
            let admin = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(admin)
            try await ApplicationScenario.open(admin, badge: badge, method: .single)
            let application = try await ApplicationScenario.submitted(app, badge: badge, email: "camille@example.org")
            let path = "/reviews/\(Self.id(application))"
            let question = "Pouvez-vous préciser vos horaires d’accueil ?"
            let reply = "Du lundi au vendredi, de 9 h à 17 h."
            let note = "Note pour le jury : vérifier auprès de la structure."

            // A reviewer writes to the applicant: e-mailed, with the way to the application.
            try await admin.get(path)
            let before = try await Mailbox.messages(app).count
            #expect(try await admin.post(path + "/comment", [("body", question)]).status == .seeOther)
            let mails = try await Mailbox.messages(app)
            #expect(mails.count == before + 1)
            let mail = try #require(mails.last)
            #expect(mail.toAddress == "camille@example.org")
            #expect(mail.event == "application-comment")
            #expect(mail.textBody.contains(question))
            let page = try #require(Mailbox.link(in: mail), "the e-mail links to the application")
            #expect(page.hasPrefix("/applications/\(Self.id(application))/"))

            // The applicant reads it on their page and answers there.
            let applicant = WebClient(app)
            let opened = try await applicant.get(page)
            #expect(opened.status == .ok)
            #expect(PageText.of(opened.body.string).contains(question))
            #expect(try await applicant.post(page + "/comment", [("comment", reply)]).status == .seeOther)

            // An internal note: not e-mailed to anyone, not on the applicant's page.
            try await admin.get(path)
            let beforeNote = try await Mailbox.messages(app).count
            #expect(try await admin.post(path + "/comment", [("body", note), ("internal", "on")]).status == .seeOther)
            #expect(try await Mailbox.messages(app).count == beforeNote, "an internal note is e-mailed to no one")

            let applicantView = PageText.of(try await applicant.get(page).body.string)
            #expect(applicantView.contains(question))
            #expect(applicantView.contains(reply))
            #expect(!applicantView.contains(note), "the applicant never sees an internal note")
            #expect(!applicantView.contains("vérifier auprès"))

            let reviewerView = PageText.of(try await admin.get(path).body.string)
            for text in [question, reply, note] { #expect(reviewerView.contains(text), "the reviewer sees « \(text) »") }
            let thread = try await ApplicationEvent.query(on: app.db).filter(\.$application.$id == application.id!)
                .filter(\.$kindName == ApplicationEvent.Kind.comment.rawValue).sort(\.$createdAt).all()
            #expect(thread.map(\.body) == [question, reply, note])
            #expect(thread.map(\.fromApplicant) == [false, true, false])
            #expect(thread.map(\.reviewersOnly) == [false, false, true])
        }
    }

    // MARK: k. The queue's filters

    @Test func eachFilterOfTheQueueListsExactlyItsApplications() async throws {
        try await TestApp.run { app in
            let admin = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(admin)
            try await ApplicationScenario.open(admin, badge: badge, method: .single)
            let pending = try await Self.submitted(app, badge: badge, name: "Paula Pending", email: "paula@example.org")
            let returned = try await Self.submitted(app, badge: badge, name: "Rita Returned", email: "rita@example.org")
            let approved = try await Self.submitted(app, badge: badge, name: "Alan Approved", email: "alan@example.org")
            let rejected = try await Self.submitted(app, badge: badge, name: "Remy Rejected", email: "remy@example.org")
            // Someone who never confirmed their address is in no list.
            _ = try await ApplicationScenario.apply(app, badge: badge, name: "Una Unconfirmed", email: "una@example.org")

            for (application, action, fields) in [(returned, "return", [("comment", "Ajoutez un justificatif.")]),
                                                  (approved, "approve", []),
                                                  (rejected, "reject", [("reason", "Hors du périmètre.")])] as [(BadgeApplication, String, [(String, String)])] {
                try await admin.get("/reviews/\(Self.id(application))")
                #expect(try await admin.post("/reviews/\(Self.id(application))/\(action)", fields).status == .seeOther, "\(action)")
            }
            #expect(try await ApplicationScenario.reload(app, pending).status == .pending)

            let expected: [String: Set<String>] = [
                "pending": ["Paula Pending"], "returned": ["Rita Returned"], "approved": ["Alan Approved"], "rejected": ["Remy Rejected"],
                "all": ["Paula Pending", "Rita Returned", "Alan Approved", "Remy Rejected"],
            ]
            for (filter, names) in expected {
                let queue = try await admin.get("/reviews?status=\(filter)")
                #expect(queue.status == .ok, "\(filter)")
                #expect(Set(Self.applicants(in: queue.body.string)) == names, "filter \(filter)")
                #expect(Self.applicants(in: queue.body.string).count == names.count, "filter \(filter): each once")
            }
            // Without a filter the queue shows what waits for a decision.
            #expect(Self.applicants(in: try await admin.get("/reviews").body.string) == ["Paula Pending"])
        }
    }

    /// The applicants' names of the queue's rows, in order.
    static func applicants(in html: String) -> [String] {
        let pattern = /<a href="\/reviews\/[0-9a-f-]{36}">([^<]+)<\/a>/
        return html.matches(of: pattern).map { PageText.of(String($0.output.1)) }
    }

    // MARK: l. The review method is fixed once applications are open

    @Test func theReviewMethodCannotBeChangedOnceOpenOnTheWeb() async throws {
        try await TestApp.run { app in
            let admin = try await Scenario.organisationAdmin(app)
            _ = try await AdminOperations(app: app).createUser(email: "jure@example.org", password: "correct horse battery", name: "Juré",
                                                               organisation: nil, role: nil)
            let badge = try await Scenario.badgeClass(admin)
            #expect(try await ApplicationScenario.open(admin, badge: badge, method: .single).status == .seeOther)
            let before = try await RowCounts.take(app)
            let questions = try await ApplicationScenario.form(app, badge: badge).questions

            let changed = try await ApplicationScenario.open(admin, badge: badge, method: .jury,
                                                             fields: [("jury", "jure@example.org"), ("jury_threshold", "1"),
                                                                      ("q1_label_fr", "Une autre question")])
            #expect(changed.status == .unprocessableEntity)
            let text = PageText.of(changed.body.string)
            #expect(text.contains("cette action n'est pas possible dans l'état actuel"), "\(text.prefix(3000))")
            let form = try await ApplicationScenario.form(app, badge: badge)
            #expect(form.reviewMethod == .single)
            #expect(form.questions == questions, "nothing else of the refused save was kept")
            #expect(try await ApplicationReviewer.query(on: app.db).count() == 0, "no jury was added")
            #expect(try await RowCounts.take(app) == before)

            // The error names the field as the page does, and the form shown again keeps the stored
            // method, the only one it can save.
            #expect(text.contains("Mode d'évaluation : cette action") && !text.contains("review_method :"))
            #expect(Self.options(of: "review_method", in: changed.body.string) == ["single"])
        }
    }

    /// The values of a `<select>`'s options.
    static func options(of name: String, in html: String) -> [String] {
        guard let start = html.range(of: "name=\"\(name)\""), let end = html[start.upperBound...].range(of: "</select>") else { return [] }
        return html[start.upperBound..<end.lowerBound].matches(of: /<option value="([^"]*)"/).map { String($0.output.1) }
    }

    @Test func theReviewMethodCannotBeChangedOnceOpenThroughTheAPI() async throws {
        try await TestApp.run { app in
            let api = try await APITests.caller(app)
            let badgeID = try await PlatformGapTests.createBadgeClass(api)
            let path = "/api/v1/badge-classes/\(badgeID)/application-form"
            let body = { (method: String) in
                #"{"reviewMethod":"\#(method)","questions":[{"kind":"short-text","label":{"fr":"Motivation"},"required":true}]}"#
            }
            #expect(try await api.send(.PUT, path, json: body("single")).status == .ok)
            let before = try await RowCounts.take(app)
            let refused = try await api.send(.PUT, path, json: body("automatic"))
            #expect(refused.status == .unprocessableEntity, "\(refused.body.string)")
            #expect(refused.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            let problem = try APITests.object(refused)
            let fields = (problem["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
            #expect(fields.contains { $0.replacingOccurrences(of: "_", with: "").lowercased() == "reviewmethod" }, "\(problem)")
            #expect((problem["detail"] as? String)?.contains("pas possible") == true, "\(problem)")
            #expect(try APITests.object(try await api.send(.GET, path))["reviewMethod"] as? String == "single")
            #expect(try await RowCounts.take(app) == before)
            // The same form with its own method still saves.
            #expect(try await api.send(.PUT, path, json: body("single")).status == .ok)
        }
    }

    // MARK: m. Approving with an expiry

    @Test func approvingWithAnExpiryDatesTheAwardAndAPastDateIsRefused() async throws {
        let clock = TestClock()
        try await TestApp.run(clock: clock.clock) { app in
            let admin = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(admin)
            try await ApplicationScenario.open(admin, badge: badge, method: .single)

            let first = try await Self.submitted(app, badge: badge, name: "Ines Expiry", email: "ines@example.org")
            let expiry = CalendarDay.format(clock.now.addingTimeInterval(365 * 86_400))
            try await admin.get("/reviews/\(Self.id(first))")
            let approved = try await admin.post("/reviews/\(Self.id(first))/approve", [("message", "Bravo"), ("expires", expiry)])
            #expect(approved.status == .seeOther, "\(approved.body.string.prefix(2000))")
            let decided = try await ApplicationScenario.reload(app, first)
            #expect(decided.status == .approved)
            let award = try #require(try await Award.find(decided.$award.id, on: app.db))
            #expect(CalendarDay.format(try #require(award.expires)) == expiry)
            let json = try APITests.object(try await WebClient(app).get("/assertions/\(award.id!.uuidString.lowercased())",
                                                                        headers: ["Accept": "application/ld+json"]))
            let published = try #require((json["expires"] as? String).flatMap { try? Date($0, strategy: .iso8601) })
            #expect(CalendarDay.format(published) == expiry)

            // A past date: refused with the field named, nothing decided, awarded or sent.
            let second = try await Self.submitted(app, badge: badge, name: "Paul Past", email: "paul@example.org")
            try await admin.get("/reviews/\(Self.id(second))")
            let before = try await RowCounts.take(app)
            let past = CalendarDay.format(clock.now.addingTimeInterval(-30 * 86_400))
            let refused = try await admin.post("/reviews/\(Self.id(second))/approve", [("message", "Bravo"), ("expires", past)])
            #expect(refused.status == .unprocessableEntity)
            let text = PageText.of(refused.body.string)
            #expect(text.contains("Date d'expiration : l'expiration doit suivre la date d'émission."), "\(text.prefix(3000))")
            #expect(try await ApplicationScenario.reload(app, second).status == .pending)
            #expect(try await RowCounts.take(app) == before)

            // The same through the API.
            let token = try await Self.token(app, email: "admin@structure.test")
            let beforeAPI = try await RowCounts.take(app)
            let decision = try await app.testing().sendRequest(.POST, "/api/v1/applications/\(Self.id(second))/decision",
                                                              headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"],
                                                              body: ByteBuffer(string: #"{"action":"approve","expires":"\#(past)"}"#))
            #expect(decision.status == .unprocessableEntity, "\(decision.body.string)")
            #expect(decision.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            #expect(try await ApplicationScenario.reload(app, second).status == .pending)
            #expect(try await RowCounts.take(app) == beforeAPI)
            #expect(try await Award.query(on: app.db).filter(\.$recipientEmail == "paul@example.org").count() == 0)
        }
    }

    /// A fresh API token for `email` (password of the scenarios).
    static func token(_ app: Application, email: String) async throws -> String {
        let response = try await app.testing().sendRequest(.POST, "/api/v1/tokens", headers: ["Content-Type": "application/json"],
                                                          body: ByteBuffer(string: #"{"email":"\#(email)","password":"correct horse battery"}"#))
        #expect(response.status == .created)
        return try #require(try APITests.object(response)["token"] as? String)
    }

    // MARK: n. Every kind of question

    @Test func longTextYesNoURLMultipleChoiceAndImageFiles() async throws {
        try await TestApp.run { app in
            let admin = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(admin)
            let setup = "/creator/badge-classes/\(badge.uuidString.lowercased())/applications"
            try await admin.get(setup)
            let opened = try await admin.post(setup, [
                ("review_method", "single"), ("applicant_kind", "person"), ("intro_fr", "Parlez-nous de vous."),
                ("q1_label_fr", "Votre parcours"), ("q1_label_en", "Your background"), ("q1_kind", "long-text"), ("q1_required", "on"),
                ("q2_label_fr", "Avez-vous déjà accueilli du public ?"), ("q2_label_en", "Have you welcomed the public before?"), ("q2_kind", "yes-no"),
                ("q2_required", "on"),
                ("q3_label_fr", "Lien vers votre portfolio"), ("q3_label_en", "Link to your portfolio"), ("q3_kind", "url"),
                ("q4_label_fr", "Domaines"), ("q4_label_en", "Fields"), ("q4_kind", "multiple-choice"),
                ("q4_choices", "Accueil | Reception\nNumérique | Digital\nCuisine | Cooking"),
                ("q5_label_fr", "Photo de votre poste"), ("q5_label_en", "Photo of your desk"), ("q5_kind", "file"), ("q5_max_mb", "1"),
            ])
            #expect(opened.status == .seeOther, "\(opened.body.string.prefix(3000))")
            let form = try await ApplicationScenario.form(app, badge: badge)
            #expect(form.questions.map(\.kind) == [.longText, .yesNo, .url, .multipleChoice, .file])
            let q = form.questions.map(AnswerValidation.field)
            let applyPath = "/apply/\(badge.uuidString.lowercased())"

            func apply(_ email: String, url: String, file: (String, String, Data), lang: String? = nil) async throws -> TestingHTTPResponse {
                let applicant = WebClient(app)
                let query = lang.map { "?lang=\($0)" } ?? ""
                #expect(try await applicant.get(applyPath + query).status == .ok)
                return try await applicant.postMultipart(applyPath, [
                    ("name", "Sam Questions"), ("email", email),
                    (q[0], "Trois ans d'accueil en mairie,\npuis deux ans en médiathèque."), (q[1], "yes"), (q[2], url),
                    (q[3] + "[]", "accueil"), (q[3] + "[]", "numerique"),
                ], files: [(q[4], file.0, file.1, file.2)])
            }

            // Each answer kind accepted, with a PNG and with a JPEG.
            let png = try await apply("png@example.org", url: "https://portfolio.example.org/sam", file: ("poste.png", "image/png", Fixtures.squarePNG))
            #expect(png.status == .ok, "\(png.body.string.prefix(3000))")
            let jpeg = try await apply("jpeg@example.org", url: "https://portfolio.example.org/sam", file: ("poste.jpg", "image/jpeg", Fixtures.jpeg))
            #expect(jpeg.status == .ok, "\(jpeg.body.string.prefix(3000))")
            for (email, type, data) in [("png@example.org", "image/png", Fixtures.squarePNG), ("jpeg@example.org", "image/jpeg", Fixtures.jpeg)] {
                let application = try #require(try await BadgeApplication.query(on: app.db).filter(\.$applicantEmail == email).first())
                let records = try await ApplicationAnswerRecord.query(on: app.db).filter(\.$application.$id == application.id!).all()
                let answers = Dictionary(records.map { ($0.questionID, $0) }, uniquingKeysWith: { a, _ in a })
                #expect(answers[form.questions[0].id]?.answer == .text("Trois ans d'accueil en mairie,\npuis deux ans en médiathèque."))
                #expect(answers[form.questions[1].id]?.answer == .yesNo(true))
                #expect(answers[form.questions[2].id]?.answer == .text("https://portfolio.example.org/sam"))
                #expect(answers[form.questions[3].id]?.answer == .choices(["accueil", "numerique"]))
                guard case .file(_, let contentType, let size)? = answers[form.questions[4].id]?.answer else {
                    Issue.record("\(email): no file answer")
                    continue
                }
                #expect(contentType == type && size == data.count, "\(email)")
                #expect(answers[form.questions[4].id]?.fileData == data)

                // The reviewer sees each answer in words, and downloads the very file.
                #expect(try await WebClient(app).get(try await Mailbox.latestLink(app, to: email)).status == .seeOther)
                let review = PageText.of(try await admin.get("/reviews/\(Self.id(application))").body.string)
                #expect(review.contains("Accueil, Numérique"))
                #expect(review.contains("href=\"https://portfolio.example.org/sam\""))
                let file = try await admin.get("/reviews/\(Self.id(application))/files/\(form.questions[4].id.uuidString.lowercased())")
                #expect(file.status == .ok)
                #expect(Data(file.body.readableBytesView) == data)
                #expect(file.headers.contentType?.description == type)
            }

            // A URL that is not one: refused, named by the question's label, nothing written.
            let before = try await RowCounts.take(app)
            let wrong = try await apply("wrong@example.org", url: "pas une adresse", file: ("poste.png", "image/png", Fixtures.squarePNG))
            #expect(wrong.status == .unprocessableEntity)
            #expect(PageText.of(wrong.body.string).contains("Lien vers votre portfolio : « pas une adresse » n'est pas une adresse web (http ou https)."),
                    "\(wrong.body.string.prefix(3000))")
            let english = try await apply("wrong.en@example.org", url: "not-a-url", file: ("poste.png", "image/png", Fixtures.squarePNG), lang: "en")
            #expect(english.status == .unprocessableEntity)
            #expect(PageText.of(english.body.string).contains("Link to your portfolio: “not-a-url” is not a web address (http or https)."),
                    "\(english.body.string.prefix(3000))")
            #expect(try await RowCounts.take(app) == before)

            // The English labels, with ?lang=en.
            let page = PageText.of(try await WebClient(app).get(applyPath + "?lang=en").body.string)
            for label in ["Your background", "Have you welcomed the public before?", "Link to your portfolio", "Fields", "Reception", "Digital",
                          "Cooking", "Photo of your desk", ">Yes<", ">No<"] {
                #expect(page.contains(label), "English: \(label)")
            }
            for label in ["Votre parcours", "Lien vers votre portfolio", "Numérique", "Photo de votre poste"] {
                #expect(!page.contains(label), "no French label left: \(label)")
            }
            let french = PageText.of(try await WebClient(app).get(applyPath).body.string)
            for label in ["Votre parcours", "Avez-vous déjà accueilli du public ?", "Lien vers votre portfolio", "Numérique", ">Oui<"] {
                #expect(french.contains(label), "French: \(label)")
            }
        }
    }

    // MARK: o. The QR code of the apply page

    @Test(.enabled(if: QRDecoding.isConfigured, QRDecoding.skipReason))
    func theQRCodeOfTheApplyPageReadsAsItsAddress() async throws {
        try await TestApp.run { app in
            let admin = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(admin)
            try await ApplicationScenario.open(admin, badge: badge, method: .single)
            let response = try await WebClient(app).get("/apply/\(badge.uuidString.lowercased())/qr.png")
            #expect(response.status == .ok)
            #expect(response.headers.contentType == .png)
            let texts = try QRDecoding.texts(in: Data(response.body.readableBytesView))
            #expect(texts == ["\(TestApp.publicURL)/apply/\(badge.uuidString.lowercased())"])
            // The address it reads is the apply page itself.
            #expect(try await WebClient(app).get(String(texts.first?.dropFirst(TestApp.publicURL.count) ?? "")).status == .ok)
        }
    }
}
