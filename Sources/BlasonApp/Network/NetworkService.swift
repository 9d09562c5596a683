import BlasonCore
import BlasonPersistence
import Fluent
import Foundation

/// The directory of organisations and the partnerships between them.
struct NetworkService {
    let db: any Database
    let clock: Clock
    let configuration: BlasonConfiguration

    /// Findable organisations matching the search (name, city, country), except `excluding`.
    func directory(search: String?, excluding organisationID: UUID?) async throws -> [Organisation] {
        let words = (search ?? "").folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
            .split(separator: " ").map(String.init)
        return try await Organisation.query(on: db).filter(\.$findable == true).sort(\.$name).all().filter { organisation in
            guard organisation.id != organisationID else { return false }
            let haystack = [organisation.name, organisation.city ?? "", organisation.country ?? ""].joined(separator: " ")
                .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
            return words.allSatisfy { haystack.contains($0) }
        }
    }

    /// Every partnership touching the organisation, newest first.
    func partnerships(of organisationID: UUID) async throws -> [Partnership] {
        try await Partnership.query(on: db)
            .group(.or) { $0.filter(\.$requester.$id == organisationID).filter(\.$partner.$id == organisationID) }
            .with(\.$requester).with(\.$partner)
            .sort(\.$createdAt, .descending).all()
    }

    func isPartner(_ a: UUID, _ b: UUID) async throws -> Bool {
        try await Partnership.query(on: db)
            .filter(\.$statusName == PartnershipStatus.accepted.rawValue)
            .group(.or) { group in
                group.group(.and) { $0.filter(\.$requester.$id == a).filter(\.$partner.$id == b) }
                group.group(.and) { $0.filter(\.$requester.$id == b).filter(\.$partner.$id == a) }
            }
            .first() != nil
    }

    /// "Ajouter un nouveau partenaire": asks `partnerID` to become a partner of `requesterID`.
    func request(from requesterID: UUID, to partnerID: UUID, message: String?) async throws -> Partnership {
        guard requesterID != partnerID else { throw BlasonError.invalid("partner", .partnerSelf) }
        guard let partner = try await Organisation.find(partnerID, on: db) else { throw BlasonError.notFound }
        guard partner.findable else { throw BlasonError.invalid("partner", .notFindable) }
        let existing = try await Partnership.query(on: db)
            .filter(\.$statusName ~~ [PartnershipStatus.pending.rawValue, PartnershipStatus.accepted.rawValue])
            .group(.or) { group in
                group.group(.and) { $0.filter(\.$requester.$id == requesterID).filter(\.$partner.$id == partnerID) }
                group.group(.and) { $0.filter(\.$requester.$id == partnerID).filter(\.$partner.$id == requesterID) }
            }.first()
        guard existing == nil else { throw BlasonError.invalid("partner", .alreadyPartner) }
        let text = message?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (text?.count ?? 0) <= 2000 else { throw BlasonError.invalid("message", .tooLong(max: 2000)) }
        return try await db.transactionRetrying { db in
            let partnership = Partnership(requesterID: requesterID, partnerID: partnerID, message: text?.nilIfBlank)
            try await partnership.create(on: db)
            try await AuditLog(db: db, clock: clock).record("partnership.requested", organisation: requesterID, object: "partnership",
                                                            id: partnership.id, detail: partner.name)
            let requester = try await Organisation.find(requesterID, on: db)
            try await NetworkMail(db: db, clock: clock, configuration: configuration)
                .send(.partnershipRequest, to: partner, values: ["organisation": requester?.name ?? "", "note": text ?? ""])
            return partnership
        }
    }

    /// The asked side accepts or declines a pending request.
    func respond(_ partnershipID: UUID, by organisationID: UUID, accept: Bool) async throws {
        guard let partnership = try await Partnership.find(partnershipID, on: db) else { throw BlasonError.notFound }
        guard partnership.$partner.id == organisationID else {
            throw partnership.$requester.id == organisationID ? BlasonError.forbidden : BlasonError.notFound
        }
        guard partnership.status == .pending else { throw BlasonError.conflict(.notAllowedNow) }
        partnership.status = accept ? .accepted : .declined
        partnership.respondedAt = clock.now
        try await db.transactionRetrying { db in
            try await partnership.save(on: db)
            try await AuditLog(db: db, clock: clock).record(accept ? "partnership.accepted" : "partnership.declined", organisation: organisationID,
                                                            object: "partnership", id: partnership.id, detail: "")
        }
    }

    /// Either side ends an accepted partnership (or the asking side withdraws a pending request).
    func end(_ partnershipID: UUID, by organisationID: UUID) async throws {
        guard let partnership = try await Partnership.find(partnershipID, on: db),
              partnership.$partner.id == organisationID || partnership.$requester.id == organisationID else { throw BlasonError.notFound }
        guard partnership.status == .accepted || (partnership.status == .pending && partnership.$requester.id == organisationID) else {
            throw BlasonError.conflict(.notAllowedNow)
        }
        partnership.status = .ended
        partnership.endedAt = clock.now
        let sides = [partnership.$requester.id, partnership.$partner.id]
        try await db.transactionRetrying { db in
            try await partnership.save(on: db)
            // Requests between former partners could no longer be answered (only partners endorse
            // each other): they close with the partnership instead of waiting in every digest.
            try await EndorsementRequest.query(on: db).filter(\.$requester.$id ~~ sides).filter(\.$endorser.$id ~~ sides)
                .filter(\.$statusName == EndorsementRequestStatus.pending.rawValue)
                .set(\.$statusName, to: EndorsementRequestStatus.declined.rawValue).update()
            try await AuditLog(db: db, clock: clock).record("partnership.ended", organisation: organisationID, object: "partnership",
                                                            id: partnership.id, detail: "")
        }
    }
}

/// E-mails about the network, to an organisation's contact address.
struct NetworkMail {
    let db: any Database
    let clock: Clock
    let configuration: BlasonConfiguration

    func send(_ event: MailComposer.Event, to organisation: Organisation, values: [String: String], link: String? = nil) async throws {
        let composed = MailComposer().compose(event, language: .fr, values: values.merging(["recipient": ""]) { a, _ in a },
                                              link: link ?? SiteRoute.network.absolute(configuration.publicURL), linkExpires: nil)
        try await Outbox(db: db, configuration: configuration, clock: clock).enqueue([
            Outbox.Draft(event: event, organisationID: organisation.id, to: organisation.contactEmail, toName: organisation.name,
                         language: .fr, composed: composed),
        ])
    }
}
