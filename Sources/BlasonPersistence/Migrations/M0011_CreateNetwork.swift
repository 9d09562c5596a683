import FluentKit
import SQLKit

/// The partner network: partnerships, endorsements and their requests, templates, digests.
public struct M0011_CreateNetwork: AsyncMigration {
    public init() {}
    public var name: String { "0011-create-network" }

    public func prepare(on database: any Database) async throws {
        try await database.schema(Partnership.schema)
            .id()
            .field("requester_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("partner_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("status", .string, .required)
            .field("message", .string)
            .field("created_at", .datetime)
            .field("responded_at", .datetime)
            .field("ended_at", .datetime)
            .create()
        try await database.schema(Endorsement.schema)
            .id()
            .field("endorser_id", .uuid, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("external_name", .string)
            .field("external_affiliation", .string)
            .field("external_email", .string)
            .field("subject_organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("subject_badge_class_id", .uuid, .references(BadgeClass.schema, "id", onDelete: .cascade))
            .field("comment", .string, .required)
            .field("status", .string, .required)
            .field("published_at", .datetime)
            .field("withdrawn_at", .datetime)
            .field("created_at", .datetime)
            .create()
        try await database.schema(EndorsementRequest.schema)
            .id()
            .field("requester_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("endorser_id", .uuid, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("external_email", .string)
            .field("badge_class_id", .uuid, .references(BadgeClass.schema, "id", onDelete: .cascade))
            .field("message", .string, .required)
            .field("status", .string, .required)
            .field("endorsement_id", .uuid, .references(Endorsement.schema, "id", onDelete: .setNull))
            .field("created_at", .datetime)
            .field("responded_at", .datetime)
            .create()
        try await database.schema(EndorsementTemplate.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("text_fr", .string, .required)
            .field("text_en", .string)
            .field("created_at", .datetime)
            .unique(on: "organisation_id", "name")
            .create()
        try await database.schema(DigestSend.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("day", .string, .required)
            .field("sent_at", .datetime, .required)
            .unique(on: "user_id", "kind", "day")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "partnerships_requester_idx").on(Partnership.schema).column("requester_id").run()
            try await sql.create(index: "partnerships_partner_idx").on(Partnership.schema).column("partner_id").run()
            try await sql.create(index: "endorsements_subject_idx").on(Endorsement.schema).column("subject_organisation_id").run()
            try await sql.create(index: "endorsement_requests_endorser_idx").on(EndorsementRequest.schema).column("endorser_id").column("status").run()
        }
    }

    public func revert(on database: any Database) async throws {
        for schema in [DigestSend.schema, EndorsementTemplate.schema, EndorsementRequest.schema, Endorsement.schema, Partnership.schema] {
            try await database.schema(schema).delete()
        }
    }
}
