import BlasonCore
import BlasonPersistence
import Fluent
import Foundation

/// How the programme plugs into applications and awards: its participant badge's application needs
/// a submitted badge to be sent and an accepted one to be approved, links the structure's
/// submissions, and makes the structure a partner of the operator; awards of linked badges propose
/// the programme's badges.
enum ProgrammeHooks {
    static let submissionLink = "programme.submission"

    static func install(on services: inout BlasonServices) {
        let clock = services.clock
        let configuration = services.configuration
        services.hooks.register(M0012_CreateProgrammes.participantHook, ApplicationHooks.Hook(
            beforeSubmit: { form, application, db, t in
                guard let programme = try await programme(of: form, db), let structure = application.$applicantOrganisation.id else { return nil }
                let count = try await ProgrammeSubmission.query(on: db).filter(\.$programme.$id == programme.requireID())
                    .filter(\.$structure.$id == structure).filter(\.$statusName != SubmissionStatus.rejected.rawValue).count()
                return count > 0 ? nil : t.problem(.submissionRequired)
            },
            afterSubmit: { form, application, db in
                guard let programme = try await programme(of: form, db), let structure = application.$applicantOrganisation.id else { return }
                for submission in try await ProgrammeSubmission.query(on: db).filter(\.$programme.$id == programme.requireID())
                    .filter(\.$structure.$id == structure).all() {
                    try await ApplicationLink(applicationID: application.requireID(), kind: submissionLink, targetID: submission.requireID()).create(on: db)
                }
            },
            beforeApprove: { form, application, db, t in
                guard let programme = try await programme(of: form, db), let structure = application.$applicantOrganisation.id else { return nil }
                let accepted = try await ProgrammeSubmission.query(on: db).filter(\.$programme.$id == programme.requireID())
                    .filter(\.$structure.$id == structure).filter(\.$statusName == SubmissionStatus.accepted.rawValue).count()
                return accepted > 0 ? nil : t.problem(.acceptedSubmissionRequired)
            },
            afterApprove: { form, application, db in
                guard let programme = try await programme(of: form, db), let structure = application.$applicantOrganisation.id else { return }
                let network = NetworkService(db: db, clock: clock, configuration: configuration)
                guard try await !network.isPartner(structure, programme.$operatorOrganisation.id) else { return }
                // A pending request between them is accepted; otherwise the partnership is recorded as accepted.
                if let pending = try await Partnership.query(on: db).filter(\.$statusName == PartnershipStatus.pending.rawValue)
                    .group(.or, { group in
                        group.group(.and) { $0.filter(\.$requester.$id == structure).filter(\.$partner.$id == programme.$operatorOrganisation.id) }
                        group.group(.and) { $0.filter(\.$requester.$id == programme.$operatorOrganisation.id).filter(\.$partner.$id == structure) }
                    }).first() {
                    pending.status = .accepted
                    pending.respondedAt = clock.now
                    try await pending.save(on: db)
                } else {
                    let partnership = Partnership(requesterID: structure, partnerID: programme.$operatorOrganisation.id, message: nil)
                    partnership.status = .accepted
                    partnership.respondedAt = clock.now
                    try await partnership.create(on: db)
                }
            },
            describeLink: { link, db, t in
                guard link.kind == submissionLink, let submission = try await ProgrammeSubmission.query(on: db).filter(\.$id == link.targetID)
                    .with(\.$badgeClass).with(\.$programme).first() else { return nil }
                return ("\(submission.badgeClass.name.text(in: t.language)) — \(ProgrammePages.statusLabel(submission.status, t))",
                        SiteRoute.programmeSubmission(submission.programme.key, try submission.requireID()).path)
            },
            applyPanel: { form, organisationID, db, t in
                guard let programme = try await programme(of: form, db) else { return nil }
                var items: [(label: String, path: String)] = []
                if let organisationID {
                    items = try await ProgrammeSubmission.query(on: db).filter(\.$programme.$id == programme.requireID())
                        .filter(\.$structure.$id == organisationID).with(\.$badgeClass).sort(\.$createdAt).all().map {
                            ("\($0.badgeClass.name.text(in: t.language)) — \(ProgrammePages.statusLabel($0.status, t))",
                             SiteRoute.programmeSubmission(programme.key, $0.id!).path)
                        }
                }
                return ApplicationHooks.Panel(title: t(.yourSubmissions), intro: items.isEmpty ? t(.stepApplyIntro) : t(.stepShareIntro), items: items,
                                              action: (t(.submitBadgeTitle), SiteRoute.programmeJoin(programme.key).path + "?then=apply#share"))
            }))
        let proposals = ProposalService.hooks(clock: clock, configuration: configuration)
        services.awardHooks.afterIssue.append(proposals.issued)
        services.awardHooks.afterRevoke.append(proposals.revoked)
    }

    /// The programme whose participant badge the form is for.
    static func programme(of form: ApplicationForm, _ db: any Database) async throws -> Programme? {
        try await Programme.query(on: db).filter(\.$participantBadgeClass.$id == form.$badgeClass.id).first()
    }
}
