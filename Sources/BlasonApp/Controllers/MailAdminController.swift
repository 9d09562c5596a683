import BlasonCore
import BlasonPersistence
import Fluent
import Vapor

/// Administration › Courriels envoyés (the outbox) and › Modèles de courriels.
struct MailAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("admin", "mail") { try await outbox($0) }
        routes.get("admin", "mail-templates") { try await templates($0) }
        routes.post("admin", "mail-templates") { try await saveTemplates($0) }
    }

    /// An organisation admin sees the e-mails their organisation caused. On an install without SMTP,
    /// used from the machine itself, every message is shown, so a newcomer can follow every flow
    /// (sign-in links, address checks) without a mail server.
    func outbox(_ req: Request) async throws -> Response {
        let isLocal = req.blason.configuration.smtp == nil && Self.isLoopback(req)
        var query = OutboxMessage.query(on: req.db).sort(\.$createdAt, .descending).limit(300)
        if !isLocal {
            let current = try req.requireOrganisation(.admin)
            query = query.filter(\.$organisation.$id == current.organisationID)
        }
        let items = try await query.all().map {
            MailPages.OutboxItem(id: $0.id!, to: $0.toAddress, subject: $0.subject, status: $0.statusName, createdAt: $0.createdAt,
                                 text: $0.textBody, lastError: $0.lastError)
        }
        return HTMLResponse.make(MailPages.outbox(.init(items: items, isLocal: req.blason.configuration.smtp == nil),
                                                  page: PageContext(request: req, title: req.t(.outboxTitle))))
    }

    static func isLoopback(_ req: Request) -> Bool {
        // Behind a reverse proxy on the same machine every request comes from loopback: one the
        // proxy forwarded (README's nginx example says so in X-Forwarded-For) is not local.
        guard req.headers.first(name: "X-Forwarded-For") == nil, let ip = req.remoteAddress?.ipAddress else { return false }
        return ip == "127.0.0.1" || ip == "::1" || ip.hasPrefix("127.")
    }

    func templates(_ req: Request) async throws -> Response {
        let current = try req.requireOrganisation(.admin)
        let stored = try await MailTemplate.query(on: req.db).filter(\.$organisation.$id == current.organisationID).all()
        var entries: [MailPages.TemplatesModel.Entry] = []
        for event in MailComposer.Event.customisable {
            for language in Language.allCases {
                let custom = stored.first { $0.event == event.rawValue && $0.languageCode == language.rawValue }
                entries.append(.init(event: event, language: language, subject: custom?.subject ?? "", body: custom?.body ?? "",
                                     defaultWording: MailComposer.defaultWording(event, language)))
            }
        }
        return HTMLResponse.make(MailPages.templates(.init(entries: entries), page: PageContext(request: req, title: req.t(.templatesTitle))))
    }

    /// Empty subject and message restore the default wording.
    func saveTemplates(_ req: Request) async throws -> Response {
        let current = try req.requireOrganisation(.admin)
        try await req.db.transactionRetrying { db in
            for event in MailComposer.Event.customisable {
                for language in Language.allCases {
                    let key = "\(event.rawValue)_\(language.rawValue)"
                    let subject = ((try? req.content.get(String.self, at: "\(key)_subject")) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                    let body = ((try? req.content.get(String.self, at: "\(key)_body")) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                    guard subject.count <= 200 else { throw BlasonError.invalid("\(key)_subject", .tooLong(max: 200)) }
                    guard body.count <= 5000 else { throw BlasonError.invalid("\(key)_body", .tooLong(max: 5000)) }
                    let existing = try await MailTemplate.query(on: db).filter(\.$organisation.$id == current.organisationID)
                        .filter(\.$event == event.rawValue).filter(\.$languageCode == language.rawValue).first()
                    if subject.isEmpty && body.isEmpty {
                        try await existing?.delete(on: db)
                        continue
                    }
                    let defaults = MailComposer.defaultWording(event, language)
                    let template = existing ?? MailTemplate(organisationID: current.organisationID, event: event.rawValue, language: language.rawValue,
                                                            subject: "", body: "")
                    template.subject = subject.isEmpty ? defaults.subject : subject
                    template.body = body.isEmpty ? defaults.body : body
                    try await template.save(on: db)
                }
            }
            try await AuditLog(db: db, clock: req.blason.clock).record("settings.mail-templates-saved", organisation: current.organisationID,
                                                                      object: "organisation", id: current.organisationID, detail: "")
        }
        req.flash(req.t(.savedNotice))
        return req.redirect(to: SiteRoute.mailTemplates.path)
    }
}
