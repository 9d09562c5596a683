import BlasonCore
import FluentKit
import Foundation
import SQLKit

/// Programmes (referential, Region badges, participant badge), badge shares, submissions and
/// links; then "La Normandie badge les compétences" itself, on the operator and badges seeded
/// by migration 0007, with its participant applications open.
public struct M0012_CreateProgrammes: AsyncMigration {
    public init() {}
    public var name: String { "0012-create-programmes" }

    /// The application hook the programme registers on its participant badge's form.
    public static let participantHook = "programme.participant"

    public func prepare(on database: any Database) async throws {
        try await database.schema(Programme.schema)
            .id()
            .field("key", .string, .required)
            .field("operator_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .restrict))
            .field("name_fr", .string, .required)
            .field("name_en", .string)
            .field("presentation_fr", .string, .required)
            .field("presentation_en", .string)
            .field("level_reminder", .string, .required)
            .field("contact_email", .string, .required)
            .field("participant_badge_class_id", .uuid, .required, .references(BadgeClass.schema, "id", onDelete: .restrict))
            .field("created_at", .datetime)
            .unique(on: "key")
            .create()
        try await database.schema(ProgrammeCompetency.schema)
            .id()
            .field("programme_id", .uuid, .required, .references(Programme.schema, "id", onDelete: .cascade))
            .field("key", .string, .required)
            .field("position", .int, .required)
            .field("name_fr", .string, .required)
            .field("name_en", .string)
            .field("presentation", .string, .required)
            .unique(on: "programme_id", "key")
            .create()
        try await database.schema(ProgrammeLevel.schema)
            .id()
            .field("competency_id", .uuid, .required, .references(ProgrammeCompetency.schema, "id", onDelete: .cascade))
            .field("number", .int, .required)
            .field("name_fr", .string, .required)
            .field("name_en", .string)
            .field("procedure_text", .string, .required)
            .field("skills_json", .string, .required)
            .field("badge_class_id", .uuid, .required, .references(BadgeClass.schema, "id", onDelete: .restrict))
            .unique(on: "competency_id", "number")
            .unique(on: "badge_class_id")
            .create()
        try await database.schema(BadgeShare.schema)
            .id()
            .field("badge_class_id", .uuid, .required, .references(BadgeClass.schema, "id", onDelete: .cascade))
            .field("sharer_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("partner_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("mode", .string, .required)
            .field("instructions", .string, .required)
            .field("status", .string, .required)
            .field("copy_badge_class_id", .uuid, .references(BadgeClass.schema, "id", onDelete: .setNull))
            .field("created_at", .datetime)
            .field("responded_at", .datetime)
            .field("ended_at", .datetime)
            .create()
        try await database.schema(ProgrammeSubmission.schema)
            .id()
            .field("programme_id", .uuid, .required, .references(Programme.schema, "id", onDelete: .cascade))
            .field("share_id", .uuid, .required, .references(BadgeShare.schema, "id", onDelete: .cascade))
            .field("badge_class_id", .uuid, .required, .references(BadgeClass.schema, "id", onDelete: .cascade))
            .field("structure_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("level_id", .uuid, .required, .references(ProgrammeLevel.schema, "id", onDelete: .restrict))
            .field("covers_all", .bool, .required)
            .field("covered_skills_json", .string, .required)
            .field("remarks", .string, .required)
            .field("status", .string, .required)
            .field("final_level_id", .uuid, .references(ProgrammeLevel.schema, "id", onDelete: .restrict))
            .field("decision_note", .string)
            .field("decided_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "programme_id", "badge_class_id")
            .create()
        try await database.schema(SubmissionMessage.schema)
            .id()
            .field("submission_id", .uuid, .required, .references(ProgrammeSubmission.schema, "id", onDelete: .cascade))
            .field("from_operator", .bool, .required)
            .field("author_name", .string, .required)
            .field("body", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(ProgrammeLink.schema)
            .id()
            .field("programme_id", .uuid, .required, .references(Programme.schema, "id", onDelete: .cascade))
            .field("submission_id", .uuid, .required, .references(ProgrammeSubmission.schema, "id", onDelete: .cascade))
            .field("partner_badge_class_id", .uuid, .required, .references(BadgeClass.schema, "id", onDelete: .cascade))
            .field("level_id", .uuid, .required, .references(ProgrammeLevel.schema, "id", onDelete: .restrict))
            .field("region_badge_class_id", .uuid, .required, .references(BadgeClass.schema, "id", onDelete: .restrict))
            .field("created_at", .datetime)
            .field("ended_at", .datetime)
            .unique(on: "submission_id")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "programme_links_partner_idx").on(ProgrammeLink.schema).column("partner_badge_class_id").run()
            try await sql.create(index: "badge_shares_partner_idx").on(BadgeShare.schema).column("partner_id").column("status").run()
        }
        try await seedNormandie(database)
    }

    private func seedNormandie(_ database: any Database) async throws {
        try await database.transaction { db in
            guard let region = try await Organisation.query(on: db).filter(\.$seedKey == M0007_SeedNormandieProgramme.operatorSeedKey).first(),
                  let participant = try await BadgeClass.query(on: db).filter(\.$seedKey == NormandieProgramme.participantBadge.key).first() else { return }
            let programme = Programme(
                key: NormandieProgramme.key, operatorID: try region.requireID(), name: NormandieProgramme.name,
                presentation: NormandieProgramme.presentation, levelReminder: NormandieProgramme.levelReminder,
                contactEmail: NormandieProgramme.contactEmail, participantBadgeClassID: try participant.requireID())
            try await programme.create(on: db)
            for (position, competency) in NormandieProgramme.competencies.enumerated() {
                let record = ProgrammeCompetency(programmeID: try programme.requireID(), key: competency.key, position: position,
                                                 name: competency.name, presentation: competency.presentation)
                try await record.create(on: db)
                for level in competency.levels {
                    guard let badge = try await BadgeClass.query(on: db).filter(\.$seedKey == NormandieProgramme.regionBadgeKey(competency, level)).first() else {
                        continue
                    }
                    try await ProgrammeLevel(competencyID: try record.requireID(), number: level.number, name: level.name,
                                             procedureText: level.procedureText, skills: level.expectedSkills, badgeClassID: try badge.requireID()).create(on: db)
                }
            }
            // "Demande du badge participant": a classic application, by the structure, reviewed by the Region.
            let form = ApplicationForm(badgeClassID: try participant.requireID(), organisationID: try region.requireID(),
                                       draft: NormandieProgramme.participantApplicationForm, claimCodeHash: nil)
            form.preconditions = [Self.participantHook]
            try await form.create(on: db)
        }
    }

    public func revert(on database: any Database) async throws {
        for schema in [ProgrammeLink.schema, SubmissionMessage.schema, ProgrammeSubmission.schema, BadgeShare.schema, ProgrammeLevel.schema,
                       ProgrammeCompetency.schema, Programme.schema] {
            try await database.schema(schema).delete()
        }
    }
}
