@testable import BlasonApp
import BlasonPersistence
import Fluent
import Foundation
import Testing
import VaporTesting

@Suite("Badge classes: creation, edition, archiving, bad input")
struct BadgeClassTests {
    @Test func createEditArchive() async throws {
        try await TestApp.run { app in
            let client = try await Scenario.organisationAdmin(app)
            let id = try await Scenario.badgeClass(client)
            let detail = try await client.get("/creator/badge-classes/\(id.uuidString.lowercased())")
            #expect(detail.status == .ok)
            #expect(detail.body.string.contains("Accueillir le public"))

            try await client.get("/creator/badge-classes/\(id.uuidString.lowercased())/edit")
            let edited = try await client.postMultipart("/creator/badge-classes/\(id.uuidString.lowercased())/edit", [
                ("name_fr", "Accueillir le public (v2)"), ("description_fr", "Accueillir."), ("criteria_fr", "Accueillir"),
                ("alignment_1", "ROME K1201"), ("alignment_1_url", "https://example.org/rome/K1201"), ("alignment_1_framework", "ROME"),
                ("expiry_amount", "2"), ("expiry_unit", "years"),
            ])
            #expect(edited.status == .seeOther)
            let stored = try #require(try await BadgeClass.find(id, on: app.db))
            #expect(stored.nameFR == "Accueillir le public (v2)")
            #expect(stored.alignments.first?.targetFramework == "ROME")
            #expect(stored.expiry?.amount == 2)
            #expect(stored.imageType == "image/png", "the image is kept when none is uploaded")

            try await client.get("/creator/badge-classes/\(id.uuidString.lowercased())")
            #expect(try await client.post("/creator/badge-classes/\(id.uuidString.lowercased())/archive", []).status == .seeOther)
            #expect(try await BadgeClass.find(id, on: app.db)?.isArchived == true)
        }
    }

    @Test func svgImagesAreAccepted() async throws {
        try await TestApp.run { app in
            let client = try await Scenario.organisationAdmin(app)
            let id = try await Scenario.badgeClass(client, image: Fixtures.squareSVG, imageType: "image/svg+xml")
            let image = try await client.get("/badges/\(id.uuidString.lowercased())/image")
            #expect(image.headers.contentType?.description.hasPrefix("image/svg+xml") == true)
            #expect(image.headers.first(name: "Content-Security-Policy")?.contains("sandbox") == true)
        }
    }

    struct BadInput: Sendable, CustomStringConvertible {
        let description: String
        let fields: [(String, String)]
        let image: Data?
        let imageType: String
        let message: String
    }

    static let badInputs: [BadInput] = [
        BadInput(description: "wrong image type", fields: [], image: Fixtures.jpeg, imageType: "image/jpeg", message: "au format PNG ou SVG"),
        BadInput(description: "oversized image", fields: [], image: Fixtures.oversizedPNG, imageType: "image/png", message: "dépasse 256 Ko"),
        BadInput(description: "non-square image", fields: [], image: Fixtures.widePNG, imageType: "image/png", message: "doit être carrée (elle mesure 64 × 32)"),
        BadInput(description: "SVG with script", fields: [], image: Fixtures.scriptSVG, imageType: "image/svg+xml", message: "SVG refusé pour raison de sécurité"),
        BadInput(description: "no French name", fields: [("name_fr", "")], image: Fixtures.squarePNG, imageType: "image/png", message: "Nom (français) : ce champ est obligatoire"),
        BadInput(description: "no image", fields: [], image: nil, imageType: "image/png", message: "une image PNG ou SVG est obligatoire"),
        BadInput(description: "bad alignment URL", fields: [("alignment_1", "X"), ("alignment_1_url", "javascript:alert(1)")], image: Fixtures.squarePNG,
                 imageType: "image/png", message: "n&apos;est pas une adresse web"),
    ]

    @Test(arguments: badInputs)
    func badInputIsRefusedAndNothingIsWritten(_ input: BadInput) async throws {
        try await TestApp.run { app in
            let client = try await Scenario.organisationAdmin(app)
            let before = try await BadgeClass.query(on: app.db).count()
            try await client.get("/creator/badge-classes/new")
            var fields: [String: String] = ["name_fr": "Badge", "description_fr": "Description", "criteria_fr": "Critères"]
            for (key, value) in input.fields { fields[key] = value }
            let files = input.image.map { [("image", "upload", input.imageType, $0)] } ?? []
            let response = try await client.postMultipart("/creator/badge-classes/new", fields.map { ($0.key, $0.value) }, files: files)
            #expect(response.status == .unprocessableEntity, "\(input)")
            let html = response.body.string.replacingOccurrences(of: "&apos;", with: "'")
            #expect(html.contains(input.message.replacingOccurrences(of: "&apos;", with: "'")), "\(input): \(html.prefix(4000))")
            #expect(html.contains("value=\"Description\"") || html.contains(">Description</textarea>"), "the form keeps what was typed")
            #expect(try await BadgeClass.query(on: app.db).count() == before)
        }
    }
}
