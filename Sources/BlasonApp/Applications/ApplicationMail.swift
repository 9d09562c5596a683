import BlasonCore
import BlasonPersistence
import Fluent
import Foundation

/// The e-mails to an applicant, each with their personal link, through the outbox.
struct ApplicationMail {
    let db: any Database
    let clock: Clock
    let configuration: BlasonConfiguration

    func send(_ event: MailComposer.Event, _ application: BadgeApplication, note: String? = nil, link: String? = nil) async throws {
        let badgeClass = try await BadgeClass.find(application.$badgeClass.id, on: db)
        let organisation = try await Organisation.find(application.$organisation.id, on: db)
        let language = application.language
        let composed = MailComposer().compose(
            event, language: language,
            values: ["recipient": application.applicantName, "badge": badgeClass?.name.text(in: language) ?? "",
                     "issuer": organisation?.name ?? "", "note": note ?? ""],
            link: link ?? applicantLink(application), linkExpires: nil)
        try await Outbox(db: db, configuration: configuration, clock: clock).enqueue([
            Outbox.Draft(event: event, organisationID: application.$organisation.id, to: application.applicantEmail,
                         toName: application.applicantName, language: language, composed: composed),
        ])
    }

    func applicantLink(_ application: BadgeApplication) -> String {
        SiteRoute.applicantView(application.id ?? UUID(), application.accessToken).absolute(configuration.publicURL)
    }
}
