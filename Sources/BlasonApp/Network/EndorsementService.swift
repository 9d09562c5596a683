import BlasonCore
import BlasonPersistence
import Fluent
import Foundation

/// Endorsements between partners, requests for them, outsiders' endorsements, templates.
struct EndorsementService {
    let db: any Database
    let clock: Clock
    let configuration: BlasonConfiguration

    private var network: NetworkService { NetworkService(db: db, clock: clock, configuration: configuration) }

    /// The badge class `badgeClassID` of `organisationID`, or 404.
    private func badgeClass(_ badgeClassID: UUID?, of organisationID: UUID) async throws -> BadgeClass? {
        guard let badgeClassID else { return nil }
        guard let badgeClass = try await BadgeClass.find(badgeClassID, on: db), badgeClass.$organisation.id == organisationID else {
            throw BlasonError.notFound
        }
        return badgeClass
    }

    /// A partner endorses `subject` (the partner organisation, or one of its badge classes); published at once.
    func endorse(by endorserID: UUID, organisation subjectID: UUID, badgeClass badgeClassID: UUID?, comment: String) async throws -> Endorsement {
        let text = try EndorsementText.validated(comment)
        guard endorserID != subjectID else { throw BlasonError.invalid("partner", .partnerSelf) }
        guard try await network.isPartner(endorserID, subjectID) else { throw BlasonError.invalid("partner", .notPartner) }
        _ = try await badgeClass(badgeClassID, of: subjectID)
        let endorsement = Endorsement(endorserID: endorserID, subjectOrganisationID: subjectID, subjectBadgeClassID: badgeClassID,
                                      comment: text, status: .published, publishedAt: clock.now)
        try await db.transactionRetrying { db in
            try await endorsement.create(on: db)
            try await AuditLog(db: db, clock: clock).record("endorsement.published", organisation: endorserID, object: "endorsement", id: endorsement.id,
                                                            detail: badgeClassID.map { "badge-class \($0.lowercased)" } ?? "organisation \(subjectID.lowercased)")
        }
        return endorsement
    }

    /// The endorser withdraws; the subject organisation may withdraw an outsider's endorsement of it.
    func withdraw(_ endorsementID: UUID, by organisationID: UUID) async throws {
        guard let endorsement = try await Endorsement.find(endorsementID, on: db) else { throw BlasonError.notFound }
        let mayWithdraw = endorsement.$endorser.id == organisationID
            || (endorsement.$endorser.id == nil && endorsement.$subjectOrganisation.id == organisationID)
        guard mayWithdraw else { throw BlasonError.forbidden }
        guard endorsement.status != .withdrawn else { throw BlasonError.conflict(.notAllowedNow) }
        endorsement.status = .withdrawn
        endorsement.withdrawnAt = clock.now
        try await db.transactionRetrying { db in
            try await endorsement.save(on: db)
            try await AuditLog(db: db, clock: clock).record("endorsement.withdrawn", organisation: organisationID, object: "endorsement", id: endorsement.id,
                                                            detail: String(endorsement.comment.prefix(80)))
        }
    }

    /// Asks a partner to endorse us (or one of our badge classes).
    func request(by requesterID: UUID, from endorserID: UUID, badgeClass badgeClassID: UUID?, message: String) async throws -> EndorsementRequest {
        guard requesterID != endorserID else { throw BlasonError.invalid("partner", .partnerSelf) }
        guard try await network.isPartner(requesterID, endorserID) else { throw BlasonError.invalid("partner", .notPartner) }
        let badgeClass = try await badgeClass(badgeClassID, of: requesterID)
        let text = message.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count <= 2000 else { throw BlasonError.invalid("message", .tooLong(max: 2000)) }
        return try await db.transactionRetrying { db in
            let request = EndorsementRequest(requesterID: requesterID, endorserID: endorserID, externalEmail: nil, badgeClassID: badgeClassID, message: text)
            try await request.create(on: db)
            if let endorser = try await Organisation.find(endorserID, on: db), let requester = try await Organisation.find(requesterID, on: db) {
                try await NetworkMail(db: db, clock: clock, configuration: configuration).send(
                    .endorsementRequest, to: endorser,
                    values: ["organisation": requester.name, "subject": Self.subjectLabel(requester, badgeClass), "note": text])
            }
            return request
        }
    }

    /// Asks someone outside the platform, by e-mail, with a personal link to write the endorsement.
    func requestExternal(by requesterID: UUID, email raw: String, badgeClass badgeClassID: UUID?, message: String) async throws -> EndorsementRequest {
        guard let email = EmailAddress(raw) else { throw BlasonError.invalid("email", raw.isEmpty ? .required : .invalidEmail(raw)) }
        let badgeClass = try await badgeClass(badgeClassID, of: requesterID)
        let text = message.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count <= 2000 else { throw BlasonError.invalid("message", .tooLong(max: 2000)) }
        return try await db.transactionRetrying { db in
            let request = EndorsementRequest(requesterID: requesterID, endorserID: nil, externalEmail: email.value, badgeClassID: badgeClassID, message: text)
            try await request.create(on: db)
            let lifetime = Double(configuration.linkLifetimeDays) * 86_400
            let (secret, token) = try await OneTimeLinks(db: db, clock: clock).issue(.externalEndorsement, email: email.value, lifetime: lifetime)
            token.applicationID = try request.requireID()  // the token's free id slot names the request it answers
            try await token.save(on: db)
            let requester = try await Organisation.find(requesterID, on: db)
            let composed = MailComposer().compose(
                .externalEndorsementRequest, language: .fr,
                values: ["recipient": "", "organisation": requester?.name ?? "", "subject": Self.subjectLabel(requester, badgeClass), "note": text],
                link: SiteRoute.externalEndorsement(secret).absolute(configuration.publicURL), linkExpires: clock.now.addingTimeInterval(lifetime))
            try await Outbox(db: db, configuration: configuration, clock: clock).enqueue([
                Outbox.Draft(event: .externalEndorsementRequest, organisationID: requesterID, to: email.value, language: .fr, composed: composed),
            ])
            return request
        }
    }

    static func subjectLabel(_ organisation: Organisation?, _ badgeClass: BadgeClass?) -> String {
        if let badgeClass { return "« \(badgeClass.nameFR) »" }
        return organisation?.name ?? ""
    }

    /// The outsider's link: the request it answers, if still usable.
    func externalRequest(secret: String) async throws -> (EndorsementRequest, OneTimeToken) {
        let token = try await OneTimeLinks(db: db, clock: clock).check(secret, purpose: .externalEndorsement)
        guard let requestID = token.applicationID,
              let request = try await EndorsementRequest.query(on: db).filter(\.$id == requestID).with(\.$requester).with(\.$badgeClass).first(),
              request.externalEmail == token.email else { throw BlasonError.link(.mismatch) }
        guard request.status == .pending else { throw BlasonError.link(.alreadyUsed) }
        return (request, token)
    }

    /// The outsider writes; the endorsement waits for the organisation's approval.
    func writeExternal(secret: String, name: String, affiliation: String, comment: String) async throws -> Endorsement {
        var issues: [FieldIssue] = []
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { issues.append(FieldIssue(field: "name", problem: .required)) }
        if name.count > 200 { issues.append(FieldIssue(field: "name", problem: .tooLong(max: 200))) }
        if affiliation.count > 200 { issues.append(FieldIssue(field: "affiliation", problem: .tooLong(max: 200))) }
        var text = ""
        do { text = try EndorsementText.validated(comment) } catch { if case .invalid(let found) = error { issues += found } }
        guard issues.isEmpty else { throw BlasonError.invalid(issues) }
        let comment = text
        return try await db.transactionRetrying { db in
            let service = EndorsementService(db: db, clock: clock, configuration: configuration)
            let (request, token) = try await service.externalRequest(secret: secret)
            try await OneTimeLinks(db: db, clock: clock).consume(token)
            let endorsement = Endorsement(endorserID: nil, subjectOrganisationID: request.$requester.id, subjectBadgeClassID: request.$badgeClass.id,
                                          comment: comment, status: .awaitingApproval, publishedAt: nil)
            endorsement.externalName = name
            endorsement.externalAffiliation = affiliation.nilIfBlank
            endorsement.externalEmail = request.externalEmail
            try await endorsement.create(on: db)
            request.status = .accepted
            request.respondedAt = clock.now
            request.$endorsement.id = endorsement.id
            try await request.save(on: db)
            return endorsement
        }
    }

    /// The endorsed organisation approves (publishes) or turns down an outsider's endorsement.
    func review(_ endorsementID: UUID, by organisationID: UUID, approve: Bool) async throws {
        guard let endorsement = try await Endorsement.find(endorsementID, on: db) else { throw BlasonError.notFound }
        guard endorsement.$subjectOrganisation.id == organisationID else { throw BlasonError.forbidden }
        guard endorsement.status == .awaitingApproval else { throw BlasonError.conflict(.notAllowedNow) }
        endorsement.status = approve ? .published : .withdrawn
        if approve { endorsement.publishedAt = clock.now } else { endorsement.withdrawnAt = clock.now }
        try await db.transactionRetrying { db in
            try await endorsement.save(on: db)
            try await AuditLog(db: db, clock: clock).record(approve ? "endorsement.approved" : "endorsement.declined", organisation: organisationID,
                                                            object: "endorsement", id: endorsement.id, detail: endorsement.externalName ?? "")
        }
    }

    /// The asked partner answers: accept by writing the endorsement, or decline.
    func answer(_ requestID: UUID, by endorserID: UUID, accept comment: String?) async throws {
        guard let request = try await EndorsementRequest.find(requestID, on: db) else { throw BlasonError.notFound }
        guard request.$endorser.id == endorserID else { throw BlasonError.forbidden }
        guard request.status == .pending else { throw BlasonError.conflict(.notAllowedNow) }
        try await db.transactionRetrying { db in
            let service = EndorsementService(db: db, clock: clock, configuration: configuration)
            if let comment {
                let endorsement = try await service.endorse(by: endorserID, organisation: request.$requester.id, badgeClass: request.$badgeClass.id,
                                                            comment: comment)
                request.$endorsement.id = endorsement.id
                request.status = .accepted
            } else {
                request.status = .declined
            }
            request.respondedAt = clock.now
            try await request.save(on: db)
            if comment == nil {
                try await AuditLog(db: db, clock: clock).record("endorsement-request.declined", organisation: endorserID, object: "endorsement-request",
                                                                id: request.id, detail: "")
            }
        }
    }

    func templates(of organisationID: UUID) async throws -> [EndorsementTemplate] {
        try await EndorsementTemplate.query(on: db).filter(\.$organisation.$id == organisationID).sort(\.$name).all()
    }

    func saveTemplate(_ id: UUID?, organisationID: UUID, name: String, text: LocalizedText) async throws -> EndorsementTemplate {
        // Another organisation's template is "not found" before anything about the input is said.
        var existing: EndorsementTemplate?
        if let id {
            guard let found = try await EndorsementTemplate.find(id, on: db), found.$organisation.id == organisationID else { throw BlasonError.notFound }
            existing = found
        }
        var issues: [FieldIssue] = []
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { issues.append(FieldIssue(field: "template_name", problem: .required)) }
        if name.count > 100 { issues.append(FieldIssue(field: "template_name", problem: .tooLong(max: 100))) }
        var french = ""
        do { french = try EndorsementText.validated(text.fr, field: "template_fr") } catch { if case .invalid(let found) = error { issues += found } }
        guard issues.isEmpty else { throw BlasonError.invalid(issues) }
        let template = existing ?? EndorsementTemplate(organisationID: organisationID, name: name, text: text)
        template.name = name
        template.textFR = french
        template.textEN = text.en.nilIfBlank
        do {
            try await template.save(on: db)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw BlasonError.invalid("template_name", .slugTaken(name))
        }
        return template
    }

    func deleteTemplate(_ id: UUID, organisationID: UUID) async throws {
        guard let template = try await EndorsementTemplate.find(id, on: db), template.$organisation.id == organisationID else { throw BlasonError.notFound }
        try await template.delete(on: db)
    }

    /// Published endorsements of an organisation itself (for its Profile), or of a badge class as of a
    /// moment: an endorsement shows on awards issued after it was made.
    func published(organisation organisationID: UUID) async throws -> [Endorsement] {
        try await Endorsement.query(on: db).filter(\.$subjectOrganisation.$id == organisationID).filter(\.$subjectBadgeClass.$id == nil)
            .filter(\.$statusName == EndorsementStatus.published.rawValue).with(\.$endorser).sort(\.$publishedAt).all()
    }

    func published(badgeClass badgeClassID: UUID, asOf date: Date?) async throws -> [Endorsement] {
        var query = Endorsement.query(on: db).filter(\.$subjectBadgeClass.$id == badgeClassID)
            .filter(\.$statusName == EndorsementStatus.published.rawValue)
        if let date { query = query.filter(\.$publishedAt <= date) }
        return try await query.with(\.$endorser).sort(\.$publishedAt).all()
    }
}
