import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import OpenBadges

extension OB3Publisher {
    /// Page `page` of the organisation's status list, signed: the bits of its revoked awards and
    /// withdrawn endorsements. Dated by its last change (or the organisation's creation), so that it
    /// is never dated after a verifier's clock and signs to the same bytes until the next change.
    func statusList(_ organisationID: UUID, page: Int) async throws -> JSONValue {
        guard let organisation = try await Organisation.find(organisationID, on: db) else { throw BlasonError.notFound }
        let range = (page * Self.statusListBits)..<((page + 1) * Self.statusListBits)
        let revoked = try await Award.query(on: db).filter(\.$organisation.$id == organisationID).filter(\.$revokedAt != nil)
            .filter(\.$statusIndex >= range.lowerBound).filter(\.$statusIndex < range.upperBound).all()
        let withdrawn = try await Endorsement.query(on: db).filter(\.$endorser.$id == organisationID)
            .filter(\.$statusName == EndorsementStatus.withdrawn.rawValue)
            .filter(\.$statusIndex >= range.lowerBound).filter(\.$statusIndex < range.upperBound).all()
        var list = OB3.StatusList()
        for index in revoked.compactMap(\.statusIndex) + withdrawn.compactMap(\.statusIndex) { list.set(index - range.lowerBound) }
        let changes = revoked.compactMap(\.revokedAt) + withdrawn.compactMap { $0.withdrawnAt ?? $0.publishedAt }
        let date = changes.max() ?? organisation.createdAt ?? Date(timeIntervalSince1970: 0)
        let document = list.credential(id: url(.ob3StatusList(organisationID, page)), issuer: try await profile(organisation), validFrom: date)
        return try await signDataIntegrity(document, organisationID: organisationID, date: date)
    }

    /// Signed `EndorsementCredential`s, by their endorsers. Endorsements written by people outside
    /// the platform have no key to be signed with: they stay Open Badges 2.0 only.
    func endorsementCredentials(_ endorsements: [Endorsement]) async throws -> [JSONValue] {
        var result: [JSONValue] = []
        for endorsement in endorsements where endorsement.$endorser.id != nil {
            result.append(try await endorsementCredential(endorsement))
        }
        return result
    }

    func endorsementCredential(_ endorsement: Endorsement) async throws -> JSONValue {
        guard let endorserID = endorsement.$endorser.id, let endorser = try await Organisation.find(endorserID, on: db) else {
            throw BlasonError.notFound
        }
        try await StatusAllocator(db: db).ensure(endorsement)
        let subject = endorsement.$subjectBadgeClass.id.map { url(.ob3Achievement($0)) } ?? url(.ob3Issuer(endorsement.$subjectOrganisation.id))
        let date = endorsement.publishedAt ?? endorsement.createdAt ?? Date(timeIntervalSince1970: 0)
        let credential = OB3.EndorsementCredential(
            id: url(.ob3Endorsement(try endorsement.requireID())), name: "Endossement par \(endorser.name)", issuer: try await profile(endorser),
            validFrom: date, subjectID: subject, comment: endorsement.comment,
            status: statusEntry(endorserID, index: endorsement.statusIndex ?? 0))
        return try await signDataIntegrity(credential.json, organisationID: endorserID, date: date)
    }
}
