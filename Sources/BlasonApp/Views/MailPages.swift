import BlasonCore
import Foundation
import Plot

/// Administration › Courriels envoyés, and › Modèles de courriels.
enum MailPages {
    struct OutboxItem {
        let id: UUID
        let to: String
        let subject: String
        let status: String
        let createdAt: Date
        let text: String
        let lastError: String?
    }

    struct OutboxModel {
        let items: [OutboxItem]
        let isLocal: Bool
    }

    static func outbox(_ model: OutboxModel, page: PageContext) -> String {
        let t = page.t
        return Layout.render(page, main: .group(
            .h1(.text(t(.outboxTitle))),
            .p(.text(t(.outboxIntro))),
            .if(model.isLocal, .p(.class("notice"), .text(t(.outboxLocalNote)))),
            .if(model.items.isEmpty, .p(.text(t(.outboxEmpty))), else: .ul(.class("outbox"), .forEach(model.items) { item in
                .li(.element(named: "details", nodes: [
                    .element(named: "summary", nodes: [
                        .strong(.text(item.subject)), .text(" — \(item.to) — "), .span(.class("tag"), .text(statusLabel(item.status, t))),
                        .text(" — \(t.date(item.createdAt))"),
                    ]),
                    .unwrap(item.lastError) { .p(.class("field-error"), .text($0)) },
                    .div(.class("mail-body"), .forEach(item.text.components(separatedBy: "\n")) { line in .p(linkified(line)) }),
                ]))
            }))
        ))
    }

    /// A line of a plain-text e-mail with its web addresses as links, the rest as escaped text.
    static func linkified(_ line: String) -> Node<HTML.BodyContext> {
        let words = line.split(separator: " ", omittingEmptySubsequences: false)
        return .forEach(Array(words.enumerated())) { index, word in
            let text = String(word)
            let separator: Node<HTML.BodyContext> = index == 0 ? .empty : .text(" ")
            if text.hasPrefix("http://") || text.hasPrefix("https://") {
                return .group(separator, .a(.href(text), .text(text)))
            }
            return .group(separator, .text(text))
        }
    }

    static func statusLabel(_ status: String, _ t: Localizer) -> String {
        switch status {
        case "sent": t(.outboxStatusSent)
        case "sending": t(.outboxStatusSending)
        case "failed": t(.outboxStatusFailed)
        default: t(.outboxStatusPending)
        }
    }

    struct TemplatesModel {
        struct Entry {
            let event: MailComposer.Event
            let language: Language
            var subject: String
            var body: String
            let defaultWording: MailComposer.Wording
        }
        let entries: [Entry]
    }

    static func templates(_ model: TemplatesModel, page: PageContext) -> String {
        let t = page.t
        return Layout.render(page, main: .group(
            .h1(.text(t(.templatesTitle))),
            .p(.text(t(.templatesIntro))),
            .p(.class("hint"), .text(t(.templatePlaceholders))),
            .form(.method(.post), .action(SiteRoute.mailTemplates.path),
                  Layout.csrfField(page.csrf),
                  .forEach(model.entries) { entry in
                      let key = "\(entry.event.rawValue)_\(entry.language.rawValue)"
                      let title = "\(t(entry.event == .awardProposed ? .templateAwardProposed : .templateAwardIssued)) — \(entry.language == .fr ? "Français" : "English")"
                      return .fieldset(.element(named: "legend", text: title),
                                       Components.input("\(key)_subject", label: t(.templateSubject), value: entry.subject,
                                                        options: .init(hint: "\(t(.templateReset)) \(entry.defaultWording.subject)", language: entry.language), t),
                                       Components.textarea("\(key)_body", label: t(.templateBody), value: entry.body, rows: 4,
                                                           hint: "\(t(.templateReset)) \(entry.defaultWording.body)", language: entry.language, t))
                  },
                  Components.submit(t(.saveButton)))
        ))
    }
}
