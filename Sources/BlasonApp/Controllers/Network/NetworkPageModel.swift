import BlasonCore
import BlasonPersistence
import Fluent
import Vapor

/// Gathers what the Réseau page shows for one organisation.
enum NetworkPageModel {
    static func build(_ req: Request, organisationID: UUID, issues: [FieldIssue]) async throws -> NetworkPage.Model {
        let language = req.context.language
        var model = NetworkPage.Model(issues: issues)
        model.filter = req.query[String.self, at: "filter"].flatMap(PartnerFilter.init(rawValue:)) ?? .all
        model.search = req.query[String.self, at: "search"] ?? ""

        let endorsements = try await Endorsement.query(on: req.db)
            .group(.or) { $0.filter(\.$endorser.$id == organisationID).filter(\.$subjectOrganisation.$id == organisationID) }
            .with(\.$endorser).with(\.$subjectOrganisation).with(\.$subjectBadgeClass)
            .sort(\.$createdAt, .descending).all()
        let published = endorsements.filter { $0.status == .published }
        let weEndorse = Set(published.filter { $0.$endorser.id == organisationID }.map { $0.$subjectOrganisation.id })
        let theyEndorseUs = Set(published.filter { $0.$subjectOrganisation.id == organisationID }.compactMap { $0.$endorser.id })

        for partnership in try await req.network.partnerships(of: organisationID) where partnership.status.isActive {
            let otherID = partnership.other(than: organisationID)
            let other = partnership.$requester.id == otherID ? partnership.requester : partnership.partner
            let badges = partnership.status == .accepted
                ? try await BadgeClass.query(on: req.db).filter(\.$organisation.$id == otherID).filter(\.$archivedAt == nil).sort(\.$nameFR).all()
                    .map { NetworkPage.Option(value: $0.id!.uuidString, label: $0.name.text(in: language)) }
                : []
            model.partners.append(.init(partnershipID: partnership.id!, organisationID: otherID, name: other.name, status: partnership.status,
                                        incoming: partnership.$partner.id == organisationID, weEndorse: weEndorse.contains(otherID),
                                        theyEndorseUs: theyEndorseUs.contains(otherID), badgeClasses: badges))
        }
        if !model.search.isEmpty {
            let linked = Set(model.partners.map(\.organisationID))
            model.directory = try await req.network.directory(search: model.search, excluding: organisationID)
                .filter { !linked.contains($0.id!) }
                .map { (id: $0.id!, name: $0.name, place: [$0.city, $0.country].compactMap { $0 }.joined(separator: ", ")) }
        }
        func row(_ endorsement: Endorsement, title: String) -> NetworkPage.EndorsementRow {
            var row = NetworkPage.EndorsementRow(id: endorsement.id!, title: title, comment: endorsement.comment,
                                                 date: endorsement.publishedAt ?? endorsement.createdAt, status: endorsement.status)
            if endorsement.$endorser.id == nil {
                row.byOutsider = [endorsement.externalName, endorsement.externalAffiliation].compactMap { $0 }.joined(separator: ", ")
            }
            return row
        }
        model.external = endorsements.filter { $0.$endorser.id == nil && $0.$subjectOrganisation.id == organisationID && $0.status != .withdrawn }
            .map { row($0, title: $0.subjectBadgeClass?.name.text(in: language) ?? req.t(.ofOrganisation)) }
        model.endorsedByUs = endorsements.filter { $0.$endorser.id == organisationID && $0.status != .withdrawn }.map {
            row($0, title: [$0.subjectOrganisation.name, $0.subjectBadgeClass?.name.text(in: language)].compactMap { $0 }.joined(separator: " — "))
        }
        let requests = try await EndorsementRequest.query(on: req.db).filter(\.$endorser.$id == organisationID)
            .filter(\.$statusName == EndorsementRequestStatus.pending.rawValue).with(\.$requester).with(\.$badgeClass)
            .sort(\.$createdAt).all()
        model.incoming = requests.map {
            .init(id: $0.id!, from: $0.requester.name, subject: $0.badgeClass?.name.text(in: language) ?? req.t(.ofOrganisation),
                  message: $0.message, date: $0.createdAt)
        }
        model.templates = try await req.endorsements.templates(of: organisationID).map { (id: $0.id!, name: $0.name, fr: $0.textFR, en: $0.textEN ?? "") }
        model.ourBadgeClasses = try await BadgeClass.query(on: req.db).filter(\.$organisation.$id == organisationID).filter(\.$archivedAt == nil)
            .sort(\.$nameFR).all().map { .init(value: $0.id!.uuidString, label: $0.name.text(in: language)) }
        if let userID = req.context.userID {
            model.digest = try await NotificationSettings(db: req.db).isEnabled(.endorsementDigest, userID: userID)
        }
        func row(_ share: BadgeShare, other: Organisation) -> SharingViews.Row {
            .init(id: share.id!, badgeClassID: share.$badgeClass.id, badgeName: share.badgeClass.name.text(in: language), organisation: other.name,
                  mode: share.mode, status: share.status, instructions: share.instructions, date: share.createdAt)
        }
        let sent = try await req.shares.shares(sentBy: organisationID)
        let received = try await req.shares.shares(receivedBy: organisationID)
        let shareIDs = (sent + received).compactMap(\.id)
        let submissions = shareIDs.isEmpty ? [] : try await ProgrammeSubmission.query(on: req.db).filter(\.$share.$id ~~ shareIDs).with(\.$programme).all()
        let submissionPaths = Dictionary(submissions.map { ($0.$share.id, SiteRoute.programmeSubmission($0.programme.key, $0.id!).path) },
                                         uniquingKeysWith: { a, _ in a })
        model.sharesSent = sent.map { share in
            var row = row(share, other: share.partner)
            row.submissionPath = submissionPaths[share.id!]
            return row
        }
        model.sharesReceived = received.map { share in
            var row = row(share, other: share.sharer)
            row.submissionPath = submissionPaths[share.id!]
            return row
        }
        return model
    }
}

import Plot
