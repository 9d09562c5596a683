@testable import BlasonApp
import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Steps of application tests, through the forms.
enum ApplicationScenario {
    /// Opens applications on `badge` with three questions: a required short text, a single choice
    /// (Oui / Non), and a PDF/PNG/JPEG file of at most 1 MB.
    @discardableResult
    static func open(_ admin: WebClient, badge: UUID, method: ReviewMethod, fields extra: [(String, String)] = []) async throws -> TestingHTTPResponse {
        let path = "/creator/badge-classes/\(badge.uuidString.lowercased())/applications"
        try await admin.get(path)
        var fields: [(String, String)] = [
            ("review_method", method.rawValue), ("applicant_kind", "person"), ("intro_fr", "Présentez votre expérience."),
            ("q1_label_fr", "Votre expérience"), ("q1_label_en", "Your experience"), ("q1_kind", "short-text"), ("q1_required", "on"),
            ("q2_label_fr", "Niveau"), ("q2_kind", "single-choice"), ("q2_choices", "Débutant | Beginner\nConfirmé | Experienced"),
            ("q3_label_fr", "Justificatif"), ("q3_kind", "file"), ("q3_max_mb", "1"),
        ]
        for (key, value) in extra { fields.removeAll { $0.0 == key }; fields.append((key, value)) }
        return try await admin.post(path, fields)
    }

    static func form(_ app: Application, badge: UUID) async throws -> ApplicationForm {
        try #require(try await ApplicationForm.query(on: app.db).filter(\.$badgeClass.$id == badge).first())
    }

    static let pdf = Data("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".utf8)

    /// A person applies; returns the response of the apply form.
    @discardableResult
    static func apply(_ app: Application, badge: UUID, name: String = "Camille Martin", email: String = "camille@example.org",
                      experience: String = "Trois ans d'accueil", level: String = "debutant", file: Data? = pdf, fileName: String = "cv.pdf",
                      extra: [(String, String)] = []) async throws -> (WebClient, TestingHTTPResponse) {
        let form = try await Self.form(app, badge: badge)
        let questions = form.questions
        let applicant = WebClient(app)
        try await applicant.get("/apply/\(badge.uuidString.lowercased())")
        var fields: [(String, String)] = [("name", name), ("email", email),
                                          (AnswerValidation.field(questions[0]), experience), (AnswerValidation.field(questions[1]), level)]
        fields += extra
        let files = file.map { [(AnswerValidation.field(questions[2]), fileName, "application/pdf", $0)] } ?? []
        let response = try await applicant.postMultipart("/apply/\(badge.uuidString.lowercased())", fields, files: files)
        return (applicant, response)
    }

    /// Applies and confirms the address through the e-mailed link; returns the application.
    static func submitted(_ app: Application, badge: UUID, email: String = "camille@example.org", extra: [(String, String)] = []) async throws -> BadgeApplication {
        let (applicant, response) = try await apply(app, badge: badge, email: email, extra: extra)
        #expect(response.status == .ok, "\(response.body.string.prefix(3000))")
        let confirmation = try await Mailbox.latestLink(app, to: email)
        let confirmed = try await applicant.get(confirmation)
        #expect(confirmed.status == .seeOther)
        return try #require(try await BadgeApplication.query(on: app.db).filter(\.$applicantEmail == email).first())
    }

    static func reload(_ app: Application, _ application: BadgeApplication) async throws -> BadgeApplication {
        try #require(try await BadgeApplication.find(application.id, on: app.db))
    }

    static func mailEvents(_ app: Application, to email: String) async throws -> [String] {
        try await Mailbox.messages(app, to: email).map(\.event)
    }
}
