@testable import BlasonApp
import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import Testing
import VaporTesting

@Suite("The programme seeded on first start")
struct SeedTests {
    @Test func regionAndItsNineBadgeClassesExist() async throws {
        try await TestApp.run { app in
            let region = try #require(try await Organisation.query(on: app.db).filter(\.$slug == "region-normandie").first())
            #expect(region.name == "Région Normandie")
            #expect(region.contactEmail == "badges-formation@normandie.fr")
            let badges = try await BadgeClass.query(on: app.db).filter(\.$organisation.$id == region.id!).all()
            #expect(badges.count == 9)
            let names = Set(badges.map(\.nameFR))
            for competency in ["Communiquer", "Organiser", "Adapter", "S'intégrer"] {
                #expect(names.contains("\(competency) – Niveau I « Je pratique »"))
                #expect(names.contains("\(competency) – Niveau II « Je maîtrise »"))
            }
            #expect(names.contains("Participant à La Normandie badge les compétences"))
            let communiquer1 = try #require(badges.first { $0.seedKey == "normandie.communiquer.1" })
            #expect(communiquer1.descriptionFR == "Ce badge vise à reconnaître les compétences d'une personne : À interagir avec autrui de manière adaptée à l'oral et/ou à l'écrit.")
            let adapter2 = try #require(badges.first { $0.seedKey == "normandie.adapter.2" })
            #expect(adapter2.criteriaFR.contains("- « Apprendre à apprendre »"))
        }
    }

    @Test func levelTextsMatchTheProcedure() throws {
        // Each competency's paragraph of the procedure contains both of its level texts, verbatim.
        for competency in NormandieProgramme.competencies {
            for level in competency.levels {
                #expect(competency.presentation.contains(level.procedureText), "\(competency.key) \(level.number)")
            }
        }
        #expect(NormandieProgramme.contactEmail == "badges-formation@normandie.fr")
    }

    @Test func homePageListsTheRegionBadges() async throws {
        try await TestApp.run { app in
            let page = try await WebClient(app).get("/")
            #expect(page.body.string.contains("Communiquer – Niveau I « Je pratique »"))
            #expect(page.body.string.contains("alt=\"S&apos;intégrer – Niveau II « Je maîtrise »\"") || page.body.string.contains("alt=\"S'intégrer – Niveau II « Je maîtrise »\""))
        }
    }
}
