@testable import BlasonApp
import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import Testing
import VaporTesting

@Suite("Sharing badge classes with partners")
struct SharingTests {
    @Test func sharedAsALinkTheBadgeStaysOursUntilWeEndIt() async throws {
        try await TestApp.run { app in
            let pair = try await NetworkTests.partners(app)
            let badge = try await Scenario.badgeClass(pair.a, name: "Tenir un stand")
            try await pair.a.get("/network/shares/new")
            // No partner chosen: the form comes back with the error, nothing shared.
            let missing = try await pair.a.post("/network/shares", [("badge_class", badge.uuidString), ("mode", "link"), ("instructions", "")])
            #expect(missing.status == .unprocessableEntity)
            #expect(try await BadgeShare.query(on: app.db).count() == 0)
            #expect(try await pair.a.post("/network/shares", [("badge_class", badge.uuidString), ("mode", "link"), ("partners[]", pair.bID.uuidString),
                                                              ("instructions", "À délivrer après l'atelier.")]).status == .seeOther)
            // Sharing it again with the same partner is refused.
            #expect(try await pair.a.post("/network/shares", [("badge_class", badge.uuidString), ("mode", "copy"), ("partners[]", pair.bID.uuidString)])
                .status == .unprocessableEntity)
            let share = try #require(try await BadgeShare.query(on: app.db).first())
            #expect(try await pair.a.get("/network").body.string.contains("Tenir un stand"))
            let received = try await pair.b.get("/network")
            #expect(received.body.string.contains("À délivrer après l&apos;atelier.") || received.body.string.contains("À délivrer après l'atelier."))
            // Before accepting, the partner cannot award it; the sharer cannot answer for the partner.
            #expect(try await pair.b.get("/issuer/badge-classes/\(badge.uuidString.lowercased())/award").status == .notFound)
            #expect(try await pair.a.post("/network/shares/\(share.id!.uuidString.lowercased())/accept", []).status == .forbidden)
            #expect(try await pair.b.post("/network/shares/\(share.id!.uuidString.lowercased())/accept", []).status == .seeOther)
            #expect(try await pair.b.get("/issuer").body.string.contains("Tenir un stand"))

            try await EarnerTests.award(pair.b, badge, "eleve@example.org")
            let award = try #require(try await Award.query(on: app.db).filter(\.$badgeClass.$id == badge).first())
            #expect(award.$organisation.id == pair.aID && award.$awardedBy.id == pair.bID)
            let document = try ProgrammeTests.json(try await WebClient(app).get("/assertions/\(award.id!.uuidString.lowercased())",
                                                                                headers: ["Accept": "application/ld+json"]))
            let badgeURL = try #require(document["badge"] as? String)
            #expect(badgeURL.contains(badge.uuidString.lowercased()))
            #expect(try await pair.b.get("/issuer/awards").body.string.contains("eleve@example.org"))

            // The sharer ends it: the partner can no longer award it.
            #expect(try await pair.a.post("/network/shares/\(share.id!.uuidString.lowercased())/end", []).status == .seeOther)
            #expect(try await pair.b.get("/issuer/badge-classes/\(badge.uuidString.lowercased())/award").status == .notFound)
        }
    }

    @Test func sharedAsACopyThePartnerGetsItsOwnBadgeClass() async throws {
        try await TestApp.run { app in
            let pair = try await NetworkTests.partners(app)
            let badge = try await Scenario.badgeClass(pair.a, name: "Préparer un repas")
            try await pair.a.get("/network/shares/new")
            #expect(try await pair.a.post("/network/shares", [("badge_class", badge.uuidString), ("mode", "copy"), ("partners[]", pair.bID.uuidString)]).status == .seeOther)
            let share = try #require(try await BadgeShare.query(on: app.db).first())
            try await pair.b.get("/network")
            #expect(try await pair.b.post("/network/shares/\(share.id!.uuidString.lowercased())/accept", []).status == .seeOther)
            let copy = try #require(try await BadgeClass.query(on: app.db).filter(\.$organisation.$id == pair.bID).first())
            #expect(copy.nameFR == "Préparer un repas" && copy.id != badge)
            #expect(try await BadgeShare.find(share.id, on: app.db)?.$copy.id == copy.id)
            // Declined shares stay declined; answering twice is a conflict.
            #expect(try await pair.b.post("/network/shares/\(share.id!.uuidString.lowercased())/decline", []).status == .conflict)
        }
    }
}
