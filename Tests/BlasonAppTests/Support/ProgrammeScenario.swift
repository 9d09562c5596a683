@testable import BlasonApp
import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Steps of the Normandie procedure, through the forms, for the programme's tests.
enum ProgrammeScenario {
    static let key = NormandieProgramme.key
    static let password = "correct horse battery"

    static func programme(_ app: Application) async throws -> Programme {
        try #require(try await Programme.query(on: app.db).filter(\.$key == key).first())
    }

    static func regionID(_ app: Application) async throws -> UUID {
        try await programme(app).$operatorOrganisation.id
    }

    static func participantBadgeID(_ app: Application) async throws -> UUID {
        try await programme(app).$participantBadgeClass.id
    }

    static func level(_ app: Application, _ competency: String, _ number: Int) async throws -> ProgrammeLevel {
        let programme = try await programme(app)
        let found = try #require(try await ProgrammeCompetency.query(on: app.db).filter(\.$programme.$id == programme.id!).filter(\.$key == competency).first())
        return try #require(try await ProgrammeLevel.query(on: app.db).filter(\.$competency.$id == found.id!).filter(\.$number == number).first())
    }

    /// A reviewer of the Region, made the way an operator sets up staff (the command line's user
    /// creation), then signed in through the form.
    static func regionReviewer(_ app: Application, email: String = "instruction@normandie.fr") async throws -> WebClient {
        _ = try await AdminOperations(app: app).createUser(email: email, password: password, name: "Inès Instructrice",
                                                           organisation: NormandieProgramme.operatorSlug, role: "admin")
        let client = WebClient(app)
        try await client.get("/sign-in")
        #expect(try await client.post("/sign-in", [("email", email), ("password", password)]).status == .seeOther)
        return client
    }

    struct Structure {
        let client: WebClient
        let id: UUID
        let badgeID: UUID
        let email: String
    }

    /// A structure signs up, creates its organisation and one badge class.
    static func structure(_ app: Application, slug: String = "maison-des-jeunes", name: String = "Maison des jeunes de Caen",
                          badge: String = "Animer un atelier") async throws -> Structure {
        let email = "contact@\(slug).example.org"
        let client = try await Scenario.organisationAdmin(app, email: email, organisation: name, slug: slug)
        let id = try #require(try await Organisation.query(on: app.db).filter(\.$slug == slug).first()?.id)
        let badgeID = try await Scenario.badgeClass(client, name: badge)
        return Structure(client: client, id: id, badgeID: badgeID, email: email)
    }

    /// The four questions of the procedure, answered in the "Rejoindre la démarche" form.
    @discardableResult
    static func submit(_ structure: Structure, badge: UUID? = nil, competency: String = "organiser", level: String = "1", coversAll: Bool = false,
                       skills: [Int] = [0, 2], remarks: String = "Atelier de 20 heures, évalué en situation.") async throws -> TestingHTTPResponse {
        try await structure.client.get("/programmes/\(key)/join")
        var fields: [(String, String)] = [("badge_class", (badge ?? structure.badgeID).uuidString), ("competency", competency), ("level", level),
                                          ("covers_all", coversAll ? "yes" : "no"), ("remarks", remarks)]
        fields += skills.map { ("skills_\(competency)_\(level)[]", String($0)) }
        return try await structure.client.post("/programmes/\(key)/join", fields)
    }

    /// The structure applies for the participant badge (as its admin).
    @discardableResult
    static func apply(_ app: Application, _ structure: Structure) async throws -> TestingHTTPResponse {
        let path = "/apply/\(try await participantBadgeID(app).uuidString.lowercased())"
        try await structure.client.get(path)
        let questions = NormandieProgramme.participantApplicationForm.questions
        return try await structure.client.postMultipart(path, [
            (AnswerValidation.field(questions[0]), "Nous accompagnons 200 jeunes par an vers l'emploi."),
            (AnswerValidation.field(questions[1]), "Jeanne Dupont, 02 31 00 00 00"),
        ])
    }

    static func submission(_ app: Application, badge: UUID) async throws -> ProgrammeSubmission {
        try #require(try await ProgrammeSubmission.query(on: app.db).filter(\.$badgeClass.$id == badge).first())
    }

    static func path(_ submission: ProgrammeSubmission, _ action: String? = nil) -> String {
        "/programmes/\(key)/submissions/\(submission.id!.uuidString.lowercased())" + (action.map { "/\($0)" } ?? "")
    }

    /// The Region accepts the submission at `level` (by default the one asked).
    @discardableResult
    static func accept(_ app: Application, _ region: WebClient, _ submission: ProgrammeSubmission, level: ProgrammeLevel? = nil,
                       proposePast: Bool = false) async throws -> TestingHTTPResponse {
        try await region.get(path(submission))
        let chosen = level?.id ?? submission.$requestedLevel.id
        return try await region.post(path(submission, "accept"), [("final_level", chosen.uuidString), ("note", "Badge cohérent avec le référentiel.")]
                                     + (proposePast ? [("propose_past", "on")] : []))
    }

    static func candidacy(_ app: Application, _ structure: Structure) async throws -> BadgeApplication {
        try #require(try await BadgeApplication.query(on: app.db).filter(\.$applicantOrganisation.$id == structure.id).first())
    }
}
