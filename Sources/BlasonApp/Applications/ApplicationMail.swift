import BlasonCore
import BlasonPersistence
import Fluent
import Foundation

/// The e-mails to an applicant, each with their personal link, through the outbox.
struct ApplicationMail {
    let db: any Database
    let clock: Clock
    let configuration: BlasonConfiguration

    /// `body`: the whole message as the reviewer edited it, instead of the event's wording.
    func send(_ event: MailComposer.Event, _ application: BadgeApplication, note: String? = nil, body: String? = nil,
              link: String? = nil) async throws {
        let language = application.language
        let values = try await values(application, note: note)
        let wording = body.map { MailComposer.Wording(subject: Self.approval(language).subject, body: $0) }
        let composed = MailComposer().compose(event, language: language, wording: wording, values: values,
                                              link: link ?? applicantLink(application), linkExpires: nil)
        try await Outbox(db: db, configuration: configuration, clock: clock).enqueue([
            Outbox.Draft(event: event, organisationID: application.$organisation.id, to: application.applicantEmail,
                         toName: application.applicantName, language: language, composed: composed),
        ])
    }

    /// The approval message as it would go, for the reviewer to edit before approving.
    func approvalText(_ application: BadgeApplication) async throws -> String {
        return MailComposer.fill(Self.approval(application.language).body, try await values(application, note: nil)).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The approval's standard wording, the only e-mail a reviewer rewrites.
    static func approval(_ language: Language) -> MailComposer.Wording {
        let t = Localizer(language: language)
        return MailComposer.Wording(subject: t(.mailAppApprovedSubject), body: t(.mailAppApprovedBody))
    }

    private func values(_ application: BadgeApplication, note: String?) async throws -> [String: String] {
        let badgeClass = try await BadgeClass.find(application.$badgeClass.id, on: db)
        let organisation = try await Organisation.find(application.$organisation.id, on: db)
        return ["recipient": application.applicantName, "badge": badgeClass?.name.text(in: application.language) ?? "",
                "issuer": organisation?.name ?? "", "note": note ?? ""]
    }

    func applicantLink(_ application: BadgeApplication) -> String {
        SiteRoute.applicantView(application.id ?? UUID(), application.accessToken).absolute(configuration.publicURL)
    }
}
