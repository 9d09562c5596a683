import BlasonCore
import BlasonPersistence
import Foundation
import OpenBadges
import Vapor

/// The JSON shapes of `/api/v1`, documented in `openapi.json`.
enum APIModel {
    struct Texts: Content {
        var fr: String
        var en: String?

        init(_ text: LocalizedText) {
            fr = text.fr
            en = text.en
        }
    }

    struct Organisation: Content {
        var id: String
        var slug: String
        var name: String
        var description: Texts
        var website: String?
        var contactEmail: String
        var city: String?
        var country: String?
        var findable: Bool
        var profileUrl: String
        var role: String?

        init(_ organisation: BlasonPersistence.Organisation, role: Role?, publisher: OB2Publisher) {
            id = organisation.id!.lowercased
            slug = organisation.slug
            name = organisation.name
            description = Texts(organisation.description)
            website = organisation.website
            contactEmail = organisation.contactEmail
            city = organisation.city
            country = organisation.country
            findable = organisation.findable
            profileUrl = publisher.url(.issuer(organisation.id!))
            self.role = role?.rawValue
        }
    }

    struct Expiry: Content {
        var amount: Int
        var unit: String
    }

    struct AlignmentItem: Content {
        var targetName: String
        var targetUrl: String
        var targetDescription: String?
        var targetFramework: String?
        var targetCode: String?
    }

    struct BadgeClass: Content {
        var id: String
        var organisationId: String
        var name: Texts
        var description: Texts
        var criteria: Texts
        var criteriaUrl: String?
        var tags: [String]
        var alignments: [AlignmentItem]
        var expiry: Expiry?
        var imageType: String
        var archived: Bool
        var hostedUrl: String
        var imageUrl: String

        init(_ badgeClass: BlasonPersistence.BadgeClass, publisher: OB2Publisher) {
            id = badgeClass.id!.lowercased
            organisationId = badgeClass.$organisation.id.lowercased
            name = Texts(badgeClass.name)
            description = Texts(badgeClass.summary)
            criteria = Texts(badgeClass.criteria)
            criteriaUrl = badgeClass.criteriaURL
            tags = badgeClass.tags
            alignments = badgeClass.alignments.map {
                AlignmentItem(targetName: $0.targetName, targetUrl: $0.targetURL, targetDescription: $0.targetDescription,
                              targetFramework: $0.targetFramework, targetCode: $0.targetCode)
            }
            expiry = badgeClass.expiry.map { Expiry(amount: $0.amount, unit: $0.unit.rawValue) }
            imageType = badgeClass.imageType
            archived = badgeClass.isArchived
            hostedUrl = publisher.url(.badge(badgeClass.id!))
            imageUrl = publisher.url(.badgeImage(badgeClass.id!))
        }
    }

    struct Recipient: Content {
        var email: String
        var name: String?
    }

    struct Award: Content {
        var id: String
        var badgeClassId: String
        var recipient: Recipient
        var issuedOn: Date
        var expires: Date?
        var evidenceUrl: String?
        var narrative: String?
        var status: String
        var kind: String
        var earnerState: String
        var revocationReason: String?
        var hostedUrl: String
        var imageUrl: String
        var assertion: OB2.Assertion?

        init(_ award: BlasonPersistence.Award, status: AwardStatus, publisher: OB2Publisher) throws {
            let id = try award.requireID()
            self.id = id.lowercased
            badgeClassId = award.$badgeClass.id.lowercased
            recipient = Recipient(email: award.recipientEmail, name: award.recipientName)
            issuedOn = award.issuedOn
            expires = award.expires
            evidenceUrl = award.evidenceURL
            narrative = award.narrative
            self.status = status.rawValue
            kind = award.kind.rawValue
            earnerState = award.earnerState.rawValue
            revocationReason = award.revocationReason
            hostedUrl = publisher.url(.assertion(id))
            imageUrl = publisher.url(.assertionImage(id))
            assertion = award.isPublic ? try publisher.assertion(award) : nil
        }
    }
}

extension APIModel {
    /// A large award running in the background.
    struct Job: Content {
        let id: UUID
        let status: String
        let total: Int
        let done: Int
        let error: String?
        let url: String

        init(_ job: IssueJob, publicURL: String) {
            id = job.id!
            status = job.status.rawValue
            total = job.total
            done = job.done
            error = job.error
            url = publicURL + "/api/v1/jobs/" + job.id!.uuidString.lowercased()
        }
    }
}
