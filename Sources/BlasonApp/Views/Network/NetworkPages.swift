import BlasonCore
import Foundation
import Plot

/// The smaller pages of the network: confirming a new partner, an outsider writing an endorsement.
enum NetworkPages {
    static func confirmPartner(id: UUID, name: String, page: PageContext) -> String {
        let t = page.t
        return Layout.render(page, main: .div(
            .class("narrow"),
            .h1(.text(t(.confirmPartnerTitle))),
            .p(.class("lead"), .text(MailComposer.fill(t(.confirmPartnerText), ["name": name]))),
            .form(.method(.post), .action(SiteRoute.networkAction("partners").path),
                  Layout.csrfField(page.csrf),
                  .input(.type(.hidden), .name("organisation"), .value(id.uuidString)),
                  Components.textarea("message", label: t(.partnershipMessage), value: nil, rows: 3, t),
                  Components.submit(t(.confirmButton))),
            .p(.a(.href(SiteRoute.network.path), .text(t(.networkTitle))))
        ))
    }

    struct ExternalModel {
        let secret: String
        let organisation: String
        let subject: String
        let message: String
        var name = ""
        var affiliation = ""
        var comment = ""
        var issues: [FieldIssue] = []
    }

    static func external(_ model: ExternalModel, page: PageContext) -> String {
        let t = page.t
        return Layout.render(page, main: .div(
            .class("narrow"),
            .h1(.text(MailComposer.fill(t(.externalEndorseTitle), ["subject": model.subject]))),
            .p(.class("lead"), .text(MailComposer.fill(t(.externalEndorseIntro), ["organisation": model.organisation, "subject": model.subject]))),
            .if(!model.message.isEmpty, .p(.class("quote"), .text(model.message))),
            Components.errorSummary(model.issues, t),
            .form(.method(.post), .action(SiteRoute.externalEndorsement(model.secret).path), .attribute(named: "novalidate"),
                  Layout.csrfField(page.csrf),
                  Components.input("name", label: t(.yourNameLabel), value: model.name, options: .init(required: true, autocomplete: "name"), issues: model.issues, t),
                  Components.input("affiliation", label: t(.affiliationLabel), value: model.affiliation, options: .init(autocomplete: "organization"),
                                   issues: model.issues, t),
                  Components.textarea("comment", label: t(.endorsementTextLabel), value: model.comment, rows: 6, required: true, issues: model.issues, t),
                  Components.submit(t(.sendEndorsementButton)))
        ))
    }
}
