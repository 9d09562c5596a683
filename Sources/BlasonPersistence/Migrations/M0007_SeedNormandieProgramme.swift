import BlasonCore
import FluentKit
import Foundation

/// Seeds the programme's operator, its eight Region badges and its participant badge, once, so
/// that a fresh platform already runs "La Normandie badge les compétences".
public struct M0007_SeedNormandieProgramme: AsyncMigration {
    public init() {}
    public var name: String { "0007-seed-normandie-programme" }

    public static let operatorSeedKey = "normandie.operator"

    public func prepare(on database: any Database) async throws {
        try await database.transaction { db in
            let draft = try OrganisationDraft(
                name: NormandieProgramme.operatorName, slug: NormandieProgramme.operatorSlug,
                description: NormandieProgramme.operatorDescription, website: NormandieProgramme.operatorWebsite,
                contactEmail: NormandieProgramme.contactEmail, city: "Caen", country: "France").validated()
            let region = Organisation(draft: draft, seedKey: Self.operatorSeedKey)
            try await region.create(on: db)
            let regionID = try region.requireID()
            for competency in NormandieProgramme.competencies {
                for level in competency.levels {
                    let texts = NormandieProgramme.regionBadgeTexts(competency, level)
                    let art = BadgeArtwork.regionBadge(title: competency.name.fr, level: level.number, colour: competency.colour)
                    let badge = BadgeClass(
                        organisationID: regionID,
                        draft: BadgeClassDraft(name: texts.name, description: texts.description, criteria: texts.criteria,
                                               tags: ["Normandie", "compétences clés", competency.name.fr]),
                        imageData: Data(art.utf8), imageType: "image/svg+xml",
                        seedKey: NormandieProgramme.regionBadgeKey(competency, level))
                    try await badge.create(on: db)
                }
            }
            let participant = NormandieProgramme.participantBadge
            let art = BadgeArtwork.participantBadge(colour: "#12355b")
            try await BadgeClass(
                organisationID: regionID,
                draft: BadgeClassDraft(name: participant.name, description: participant.description, criteria: participant.criteria,
                                       tags: ["Normandie", "participant"]),
                imageData: Data(art.utf8), imageType: "image/svg+xml", seedKey: participant.key
            ).create(on: db)
        }
    }

    public func revert(on database: any Database) async throws {
        try await database.transaction { db in
            guard let region = try await Organisation.query(on: db).filter(\.$seedKey == Self.operatorSeedKey).first() else { return }
            try await BadgeClass.query(on: db).filter(\.$organisation.$id == region.requireID()).delete()
            try await region.delete(on: db)
        }
    }
}
