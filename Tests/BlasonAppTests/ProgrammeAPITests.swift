@testable import BlasonApp
import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import Testing
import VaporTesting

@Suite("The programme's JSON API")
struct ProgrammeAPITests {
    typealias S = ProgrammeScenario

    static func token(_ app: Application, _ email: String) async throws -> APITests.Caller {
        let response = try await app.testing().sendRequest(.POST, "/api/v1/tokens", headers: ["Content-Type": "application/json"],
                                                          body: ByteBuffer(string: #"{"email":"\#(email)","password":"\#(S.password)","name":"tests"}"#))
        #expect(response.status == .created)
        return APITests.Caller(app: app, token: try #require(try APITests.object(response)["token"] as? String))
    }

    static func array(_ response: TestingHTTPResponse) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [[String: Any]])
    }

    @Test func submissionsReviewsLinksAndFigures() async throws {
        try await TestApp.run { app in
            _ = try await S.regionReviewer(app)
            let region = try await Self.token(app, "instruction@normandie.fr")
            let structure = try await S.structure(app)
            let api = try await Self.token(app, structure.email)
            let other = try await S.structure(app, slug: "autre", name: "Autre structure", badge: "Cuisiner")
            let otherAPI = try await Self.token(app, other.email)

            let programme = try APITests.object(try await api.send(.GET, "/api/v1/programmes/normandie"))
            let competencies = try #require(programme["competencies"] as? [[String: Any]])
            #expect(competencies.map { $0["key"] as? String } == ["communiquer", "organiser", "adapter", "s-integrer"])
            #expect(competencies.flatMap { ($0["levels"] as? [[String: Any]]) ?? [] }.count == 8)
            #expect(programme["contactEmail"] as? String == "badges-formation@normandie.fr")

            let path = "/api/v1/programmes/normandie/submissions"
            func body(_ competency: String, _ level: String, badge: UUID = structure.badgeID) -> String {
                #"{"organisation":"maison-des-jeunes","badgeClass":"\#(badge.uuidString)","answers":{"competency":"\#(competency)","level":\#(level),"coversAll":false,"coveredSkills":[0],"remarks":"Vingt heures"}}"#
            }
            // Wrong types, a fifth Region badge, a third level: refused, nothing written.
            #expect(try await api.send(.POST, path, json: body("organiser", "\"deux\"")).status == .badRequest)
            let fifth = try await api.send(.POST, path, json: body("creer", "1"))
            #expect(fifth.status == .unprocessableEntity)
            #expect(fifth.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            #expect(try await api.send(.POST, path, json: body("organiser", "3")).status == .unprocessableEntity)
            // Another structure's badge, or submitting for a structure one does not administer.
            #expect(try await api.send(.POST, path, json: body("organiser", "1", badge: other.badgeID)).status == .unprocessableEntity)
            #expect(try await otherAPI.send(.POST, path, json: body("organiser", "1")).status == .notFound)
            #expect(try await ProgrammeSubmission.query(on: app.db).count() == 0)

            let created = try await api.send(.POST, path, json: body("organiser", "1"))
            #expect(created.status == .created)
            let submission = try APITests.object(created)
            let id = try #require(submission["id"] as? String)
            #expect(submission["status"] as? String == "submitted")
            #expect(try await api.send(.POST, path, json: body("communiquer", "1")).status == .unprocessableEntity)

            // Who sees what.
            #expect(try Self.array(try await region.send(.GET, path)).count == 1)
            #expect(try Self.array(try await api.send(.GET, path)).count == 1)
            #expect(try Self.array(try await otherAPI.send(.GET, path)).isEmpty)
            #expect(try await otherAPI.send(.GET, "\(path)/\(id)").status == .forbidden)
            #expect(try await api.send(.POST, "\(path)/\(id)/review", json: #"{"action":"accept"}"#).status == .forbidden)

            // Information asked, answered; accepted at another level; twice is a conflict.
            let asked = try await region.send(.POST, "\(path)/\(id)/review", json: #"{"action":"request-information","message":"Durée ?"}"#)
            #expect(try APITests.object(asked)["status"] as? String == "info-requested")
            let replied = try await api.send(.POST, "\(path)/\(id)/messages", json: #"{"message":"Vingt heures."}"#)
            #expect(try APITests.object(replied)["status"] as? String == "submitted")
            #expect((try APITests.object(replied)["messages"] as? [[String: Any]])?.count == 2)
            #expect(try await region.send(.POST, "\(path)/\(id)/review", json: #"{"action":"accept","competency":"organiser","level":4}"#).status == .unprocessableEntity)
            let accepted = try APITests.object(try await region.send(.POST, "\(path)/\(id)/review", json: #"{"action":"accept","level":2}"#))
            #expect(accepted["status"] as? String == "accepted")
            #expect(accepted["finalCompetency"] as? String == "organiser" && accepted["finalLevel"] as? Int == 2)
            #expect(try await region.send(.POST, "\(path)/\(id)/review", json: #"{"action":"reject","reason":"Non"}"#).status == .conflict)

            let links = try Self.array(try await region.send(.GET, "/api/v1/programmes/normandie/links"))
            #expect(links.count == 1 && links.first?["level"] as? Int == 2 && links.first?["structure"] as? String == "maison-des-jeunes")
            #expect(try Self.array(try await api.send(.GET, "/api/v1/programmes/normandie/links")).count == 1)
            #expect(try Self.array(try await otherAPI.send(.GET, "/api/v1/programmes/normandie/links")).isEmpty)

            let figures = try APITests.object(try await region.send(.GET, "/api/v1/programmes/normandie/figures"))
            #expect(figures["submissions"] as? Int == 1 && figures["linkedBadges"] as? Int == 1)
            let own = try APITests.object(try await otherAPI.send(.GET, "/api/v1/programmes/normandie/figures"))
            #expect(own["submissions"] as? Int == 0)
        }
    }
}
