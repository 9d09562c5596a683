@testable import BlasonApp
import BlasonPersistence
import Fluent
import Foundation
import NIOCore
import Testing
import Vapor
import VaporTesting

@Suite("JSON API /api/v1")
struct APITests {
    struct Caller {
        let app: Application
        let token: String

        func send(_ method: HTTPMethod, _ path: String, json: String? = nil, multipart: ([(String, String)], [(String, String, String, Data)])? = nil,
                  token override: String? = nil) async throws -> TestingHTTPResponse {
            var headers: HTTPHeaders = ["Authorization": "Bearer \(override ?? token)"]
            var body: ByteBuffer?
            if let json {
                headers.contentType = .json
                body = ByteBuffer(string: json)
            } else if let multipart {
                let (data, boundary) = Multipart.encode(fields: multipart.0, files: multipart.1)
                headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
                body = ByteBuffer(data: data)
            }
            return try await app.testing().sendRequest(method, path, headers: headers, body: body)
        }
    }

    static func object(_ response: TestingHTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
    }

    static func caller(_ app: Application, email: String = "api@example.org") async throws -> Caller {
        _ = try await Scenario.organisationAdmin(app, email: email, organisation: "API \(email)", slug: "api-" + email.prefix { $0 != "@" })
        let response = try await app.testing().sendRequest(.POST, "/api/v1/tokens", headers: ["Content-Type": "application/json"],
                                                          body: ByteBuffer(string: #"{"email":"\#(email)","password":"correct horse battery","name":"tests"}"#))
        #expect(response.status == .created)
        let token = try #require(try object(response)["token"] as? String)
        return Caller(app: app, token: token)
    }

    /// A read-only token reads and changes nothing; a token limited to one organisation treats the
    /// user's other organisations as a stranger would; a token's lifetime is bounded.
    @Test func scopedTokens() async throws {
        try await TestApp.run { app in
            let api = try await Self.caller(app)
            _ = try await api.send(.POST, "/api/v1/organisations", json: #"{"name":"Second centre","contactEmail":"contact@second.example.org"}"#)
            func token(_ extra: String) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(.POST, "/api/v1/tokens", headers: ["Content-Type": "application/json"], body: ByteBuffer(
                    string: #"{"email":"api@example.org","password":"correct horse battery","name":"scoped"\#(extra)}"#))
            }
            let readOnly = try #require(try Self.object(try await token(#","scope":"read""#))["token"] as? String)
            #expect(try await api.send(.GET, "/api/v1/organisations/second-centre", token: readOnly).status == .ok)
            let refused = try await api.send(.POST, "/api/v1/organisations", json: #"{"name":"Third","contactEmail":"c@third.example.org"}"#, token: readOnly)
            #expect(refused.status == .forbidden)
            #expect(try await Organisation.query(on: app.db).filter(\.$slug == "third").count() == 0)

            let limitedResponse = try await token(#","organisation":"second-centre","expiresInDays":7"#)
            let limited = try Self.object(limitedResponse)
            let limitedToken = try #require(limited["token"] as? String)
            #expect(limited["scope"] as? String == "write")
            let expires = try #require((limited["expiresAt"] as? String).flatMap { try? Date($0, strategy: .iso8601) })
            #expect(abs(expires.timeIntervalSinceNow - 7 * 86_400) < 120)
            #expect(try await api.send(.GET, "/api/v1/organisations/second-centre", token: limitedToken).status == .ok)
            #expect(try await api.send(.GET, "/api/v1/organisations/api-api", token: limitedToken).status == .notFound)
            let organisations = try await api.send(.GET, "/api/v1/organisations", token: limitedToken).body.string
            #expect(organisations.contains("second-centre") && !organisations.contains("api-api"))

            // Out of bounds: an organisation the user is not in, a lifetime beyond the platform's, an unknown scope.
            _ = try await Scenario.organisationAdmin(app, email: "other@example.org", organisation: "Other", slug: "other")
            #expect(try await token(#","organisation":"other""#).status == .unprocessableEntity)
            #expect(try await token(#","expiresInDays":400"#).status == .unprocessableEntity)
            #expect(try await token(#","scope":"admin""#).status == .unprocessableEntity)
            let summaries = try await api.send(.GET, "/api/v1/tokens").body.string
            #expect(summaries.contains(#""scope":"read""#))
        }
    }

    @Test func fullIssuingFlow() async throws {
        try await TestApp.run { app in
            let api = try await Self.caller(app)
            let organisation = try Self.object(try await api.send(.POST, "/api/v1/organisations", json: #"{"name":"Centre API","contactEmail":"contact@centre.example.org"}"#))
            #expect(organisation["slug"] as? String == "centre-api")
            let created = try await api.send(.POST, "/api/v1/organisations/centre-api/badge-classes", multipart: (
                [("name_fr", "Badge API"), ("description_fr", "Créé par l'API."), ("criteria_fr", "Appeler l'API.")],
                [("image", "b.png", "image/png", Fixtures.squarePNG)]))
            #expect(created.status == .created, "\(created.body.string)")
            let badgeID = try #require(try Self.object(created)["id"] as? String)

            let awarded = try await api.send(.POST, "/api/v1/badge-classes/\(badgeID)/awards",
                                             json: #"{"recipients":[{"email":"a@example.org","name":"A"},{"email":"b@example.org"}],"evidenceUrl":"https://example.org/e"}"#)
            #expect(awarded.status == .created, "\(awarded.body.string)")
            let awards = try #require(try Self.object(awarded)["awards"] as? [[String: Any]])
            #expect(awards.count == 2)
            let awardID = try #require(awards[0]["id"] as? String)
            #expect((awards[0]["assertion"] as? [String: Any])?["id"] as? String == "\(TestApp.publicURL)/assertions/\(awardID)")
            #expect((awards[0]["issuedOn"] as? String)?.hasSuffix("Z") == true)

            let revoked = try await api.send(.POST, "/api/v1/awards/\(awardID)/revoke", json: #"{"reason":"test"}"#)
            #expect(revoked.status == .ok)
            #expect(try Self.object(revoked)["status"] as? String == "revoked")
            let twice = try await api.send(.POST, "/api/v1/awards/\(awardID)/revoke", json: #"{"reason":"test"}"#)
            #expect(twice.status == .conflict)
            #expect(twice.headers.contentType?.description.hasPrefix("application/problem+json") == true)
        }
    }

    @Test func wrongTypesAndMissingFieldsGetProblemDetails() async throws {
        try await TestApp.run { app in
            let api = try await Self.caller(app)
            let badges = try await api.send(.GET, "/api/v1/organisations/api-api/badge-classes")
            #expect(badges.status == .ok)
            let created = try await api.send(.POST, "/api/v1/organisations/api-api/badge-classes", multipart: (
                [("name_fr", "B"), ("description_fr", "D"), ("criteria_fr", "C")], [("image", "b.png", "image/png", Fixtures.squarePNG)]))
            let badgeID = try #require(try Self.object(created)["id"] as? String)
            let cases: [(String, String)] = [
                (#"{"recipients":"a@example.org"}"#, "recipients"),
                (#"{"recipients":[{"email":42}]}"#, "email"),
                (#"{"recipients":[{"name":"No email"}]}"#, "email"),
                (#"{"recipients":[],"issuedOn":12}"#, "issuedOn"),
            ]
            for (body, field) in cases {
                let response = try await api.send(.POST, "/api/v1/badge-classes/\(badgeID)/awards", json: body)
                #expect(response.status == .badRequest, "\(body)")
                #expect(response.headers.contentType?.description.hasPrefix("application/problem+json") == true)
                let problem = try Self.object(response)
                #expect(problem["status"] as? Int == 400)
                #expect((problem["detail"] as? String)?.contains(field) == true, "\(body): \(problem)")
            }
            let invalid = try await api.send(.POST, "/api/v1/badge-classes/\(badgeID)/awards", json: #"{"recipients":[{"email":"ok@example.org"},{"email":"broken"}]}"#)
            #expect(invalid.status == .unprocessableEntity)
            let errors = try #require(try Self.object(invalid)["errors"] as? [[String: Any]])
            #expect(errors.first?["field"] as? String == "recipients[1].email")
            #expect(try await Scenario.awardCount(app) == 0)
            let notJSON = try await api.send(.POST, "/api/v1/badge-classes/\(badgeID)/awards", json: "{not json")
            #expect(notJSON.status == .badRequest)
        }
    }

    @Test func authenticationAndTenancy() async throws {
        try await TestApp.run { app in
            let alice = try await Self.caller(app, email: "alice@example.org")
            let bob = try await Self.caller(app, email: "bob@example.org")
            #expect(try await alice.send(.GET, "/api/v1/organisations", token: "blason_nope").status == .unauthorized)
            let anonymous = try await app.testing().sendRequest(.GET, "/api/v1/organisations")
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            #expect(try await bob.send(.GET, "/api/v1/organisations/api-alice").status == .notFound)
            #expect(try await alice.send(.GET, "/api/v1/organisations/api-alice").status == .ok)
            let badTokenLogin = try await app.testing().sendRequest(.POST, "/api/v1/tokens", headers: ["Content-Type": "application/json"],
                                                                   body: ByteBuffer(string: #"{"email":"alice@example.org","password":"wrong password!"}"#))
            #expect(badTokenLogin.status == .unprocessableEntity)

            // A revoked token stops working.
            let tokens = try await alice.send(.GET, "/api/v1/tokens")
            let list = try #require(try JSONSerialization.jsonObject(with: Data(tokens.body.readableBytesView)) as? [[String: Any]])
            let tokenID = try #require(list.first?["id"] as? String)
            #expect(try await alice.send(.DELETE, "/api/v1/tokens/\(tokenID)").status == .noContent)
            #expect(try await alice.send(.GET, "/api/v1/organisations").status == .unauthorized)
        }
    }

    @Test func openAPIDocumentDescribesEveryRoute() async throws {
        try await TestApp.run { app in
            let response = try await app.testing().sendRequest(.GET, "/api/v1/openapi.json")
            #expect(response.status == .ok)
            let document = try Self.object(response)
            #expect((document["openapi"] as? String)?.hasPrefix("3.1") == true)
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            for route in app.routes.all where route.path.first?.description == "api" {
                let path = "/" + route.path.map { component -> String in
                    switch component {
                    case .parameter(let name): return "{\(name)}"
                    default: return component.description
                    }
                }.joined(separator: "/")
                let method = route.method.rawValue.lowercased()
                #expect(paths[path]?[method] != nil, "\(method.uppercased()) \(path) is not in openapi.json")
            }
        }
    }
}

extension APITests {
    /// Found by schemathesis: a multipart body without any part made the parser throw an error of
    /// its own, answered 500. Bodies that cannot be read are the client's mistake: 400, nothing written.
    @Test func anUnreadableBodyIsA400() async throws {
        try await TestApp.run { app in
            let api = try await Self.caller(app)
            let badgesBefore = try await BadgeClass.query(on: app.db).count()
            for (path, type, body) in [("/api/v1/organisations/api-api/badge-classes", "multipart/form-data; boundary=c637e12e", "--c637e12e--\r\n"),
                                       ("/api/v1/organisations", "application/json", #"{"name": "#)] {
                let response = try await app.testing().sendRequest(.POST, path,
                                                                  headers: ["Authorization": "Bearer \(api.token)", "Content-Type": type],
                                                                  body: ByteBuffer(string: body))
                #expect(response.status == .badRequest, "\(type): \(response.status) \(response.body.string)")
                #expect(response.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            }
            #expect(try await BadgeClass.query(on: app.db).count() == badgesBefore)
            // The same on a web form.
            let client = try await Scenario.organisationAdmin(app, email: "web@example.org", organisation: "Web", slug: "web")
            _ = try await client.get("/creator/badge-classes/new")
            let web = try await app.testing().sendRequest(.POST, "/creator/badge-classes/new",
                                                         headers: ["Cookie": "blason_session=\(client.sessionCookie ?? "")",
                                                                   "Content-Type": "multipart/form-data; boundary=c637e12e"],
                                                         body: ByteBuffer(string: "--c637e12e--\r\n"))
            #expect(web.status == .badRequest || web.status == .forbidden, "\(web.status)")
        }
    }
}
