import BlasonCore
import BlasonPersistence
import Fluent
import Vapor

/// Issuer tools: award a badge class to a list of people, list awards, revoke.
struct IssuingController: RouteCollection {
    struct AwardForm: Content {
        var recipients: String?
        var csv: File?
        var issued_on: String?
        var expires: String?
        var evidence_url: String?
        var narrative: String?
        var language: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("issuer") { try await tools($0) }
        routes.get("issuer", "badge-classes", ":id", "award") { try await awardForm($0) }
        routes.post("issuer", "badge-classes", ":id", "award") { try await award($0) }
        routes.get("issuer", "awards") { try await list($0) }
        routes.get("issuer", "jobs", ":id") { try await job($0) }
        routes.get("issuer", "awards", ":id") { try await detail($0) }
        routes.post("issuer", "awards", ":id", "revoke") { try await revoke($0) }
        routes.post("issuer", "awards", ":id", "resend") { try await resend($0) }
    }

    func tools(_ req: Request) async throws -> Response {
        let current = try req.requireOrganisation(.issuer)
        let items = try await req.badgeClasses.list(organisationID: current.organisationID, includeArchived: false)
            .map { IssuingPages.ToolsModel.Item(id: $0.id!, name: $0.name.text(in: req.context.language)) }
        let shared = try await req.shares.shares(receivedBy: current.organisationID)
            .filter { $0.status == .accepted && $0.mode == .link && !$0.badgeClass.isArchived }
            .map { IssuingPages.ToolsModel.Item(id: $0.$badgeClass.id, name: "\($0.badgeClass.name.text(in: req.context.language)) (\($0.sharer.name))") }
        return HTMLResponse.make(IssuingPages.tools(.init(items: items, shared: shared), page: PageContext(request: req, title: req.t(.issuerToolsTitle))))
    }

    func awardForm(_ req: Request) async throws -> Response {
        let current = try req.requireOrganisation(.issuer)
        let (badgeClass, _) = try await req.shares.awardable(req.idParameter(), by: current.organisationID)
        if badgeClass.isArchived { throw BlasonError.conflict(.badgeClassArchived) }
        let model = IssuingPages.AwardFormModel(badgeClassID: badgeClass.id!, badgeName: badgeClass.name.text(in: req.context.language),
                                                issuedOn: CalendarDay.format(req.blason.clock.now))
        return HTMLResponse.make(IssuingPages.awardForm(model, page: PageContext(request: req, title: req.t(.awardTitle))))
    }

    func award(_ req: Request) async throws -> Response {
        let current = try req.requireOrganisation(.issuer)
        let (badgeClass, viaShare) = try await req.shares.awardable(req.idParameter(), by: current.organisationID)
        let form = try req.decodeBody(AwardForm.self)
        do {
            let draft = try Self.draft(from: form, now: req.blason.clock.now)
            if draft.recipients.count > IssueJobService.backgroundThreshold {
                let job = try await req.issueJobs.enqueue(badgeClass, draft: draft, issuedBy: req.context.userID,
                                                          awardedBy: viaShare ? current.organisationID : nil)
                return req.redirect(to: SiteRoute.issueJob(job.id!).path)
            }
            let awards = try await req.awards.issue(badgeClass, draft: draft, issuedBy: req.context.userID,
                                                    awardedBy: viaShare ? current.organisationID : nil)
            req.flash("\(req.t(.awardedNotice)) \(awards.count)")
            return req.redirect(to: viaShare ? SiteRoute.awards.path : SiteRoute.badgeClass(badgeClass.id!).path)
        } catch BlasonError.invalid(let issues) {
            var model = IssuingPages.AwardFormModel(badgeClassID: badgeClass.id!, badgeName: badgeClass.name.text(in: req.context.language),
                                                    issuedOn: form.issued_on ?? CalendarDay.format(req.blason.clock.now))
            model.recipients = form.recipients ?? ""
            model.expires = form.expires ?? ""
            model.evidenceURL = form.evidence_url ?? ""
            model.narrative = form.narrative ?? ""
            model.language = form.language ?? ""
            model.issues = issues
            return HTMLResponse.make(IssuingPages.awardForm(model, page: PageContext(request: req, title: req.t(.awardTitle))), status: .unprocessableEntity)
        }
    }

    /// A background award's progress; the page reloads itself until the job is over.
    func job(_ req: Request) async throws -> Response {
        let current = try req.requireOrganisation(.issuer)
        let job = try await req.issueJobs.find(req.idParameter(), in: current.organisationID)
        let badgeClass = try await job.$badgeClass.get(on: req.db)
        var page = PageContext(request: req, title: req.context.localizer.pick("Attribution en cours", "Award in progress"))
        if job.status == .queued || job.status == .running { page.refreshSeconds = 2 }
        return HTMLResponse.make(IssuingPages.job(.init(badgeClassID: badgeClass.id!, badgeName: badgeClass.name.text(in: req.context.language),
                                                        done: job.done, total: job.total, status: job.status, error: job.error), page: page))
    }

    /// Reads recipients from the CSV when one is uploaded, from the text box otherwise.
    static func draft(from form: AwardForm, now: Date) throws(BlasonError) -> AwardDraft {
        var issues: [FieldIssue] = []
        var recipients: [Recipient] = []
        do {
            if let csv = form.csv?.nonEmptyData {
                guard let text = String(data: csv, encoding: .utf8) else { throw BlasonError.invalid("csv", .csvMalformed("UTF-8")) }
                recipients = try RecipientCSV.parse(text)
            } else {
                recipients = try RecipientList.parse(form.recipients ?? "")
            }
        } catch {
            if case .invalid(let found) = error as? BlasonError { issues += found } else { throw .invalid("recipients", .emptyRecipientList) }
        }
        let issuedOn = CalendarDay.optional(form.issued_on, field: "issued_on", issues: &issues) ?? now
        let expires = CalendarDay.optional(form.expires, field: "expires", issues: &issues)
        let language = form.language.nilIfBlank.flatMap(Language.init(rawValue:))
        if let raw = form.language.nilIfBlank, Language(rawValue: raw) == nil { issues.append(FieldIssue(field: "language", problem: .notAllowedValue(raw))) }
        if !issues.isEmpty { throw .invalid(issues) }
        return AwardDraft(recipients: recipients, issuedOn: issuedOn, expires: expires,
                          evidenceURL: form.evidence_url.nilIfBlank, narrative: form.narrative, language: language)
    }

    func list(_ req: Request) async throws -> Response {
        let current = try req.requireOrganisation(.issuer)
        let awards = try await Award.query(on: req.db)
            .group(.or) { $0.filter(\.$organisation.$id == current.organisationID).filter(\.$awardedBy.$id == current.organisationID) }
            .with(\.$badgeClass)
            .sort(\.$createdAt, .descending).limit(500).all()
        let service = req.awards
        let rows = awards.map {
            AwardTable.Row(awardID: $0.id!, recipient: Self.recipientLabel($0),
                           badgeName: $0.badgeClass.name.text(in: req.context.language), issuedOn: $0.issuedOn, status: service.status(of: $0))
        }
        return HTMLResponse.make(IssuingPages.list(rows, page: PageContext(request: req, title: req.t(.awardsTitle))))
    }

    func resend(_ req: Request) async throws -> Response {
        let current = try req.requireOrganisation(.issuer)
        let award = try await req.awards.find(req.idParameter(), in: current.organisationID)
        try await req.awards.resend(award)
        req.flash(req.t(.linkResentNotice))
        return req.redirect(to: SiteRoute.awardDetail(award.id!).path)
    }

    static func recipientLabel(_ award: Award) -> String {
        award.recipientName.map { "\($0) <\(award.recipientEmail)>" } ?? award.recipientEmail
    }

    func detail(_ req: Request, issues: [FieldIssue] = []) async throws -> Response {
        let current = try req.requireOrganisation(.issuer)
        let award = try await req.awards.find(req.idParameter(), in: current.organisationID)
        let model = IssuingPages.DetailModel(
            awardID: award.id!, badgeClassID: award.$badgeClass.id, badgeName: award.badgeClass.name.text(in: req.context.language),
            recipientEmail: award.recipientEmail, recipientName: award.recipientName, issuedOn: award.issuedOn, expires: award.expires,
            status: req.awards.status(of: award), revocationReason: award.revocationReason, canRevoke: true,
            earnerState: award.earnerState, issues: issues)
        return HTMLResponse.make(IssuingPages.detail(model, page: PageContext(request: req, title: req.t(.awardDetailTitle))),
                                 status: issues.isEmpty ? .ok : .unprocessableEntity)
    }

    func revoke(_ req: Request) async throws -> Response {
        let current = try req.requireOrganisation(.issuer)
        let award = try await req.awards.find(req.idParameter(), in: current.organisationID)
        let reason = (try? req.content.get(String.self, at: "reason")) ?? ""
        do {
            try await req.awards.revoke(award, reason: reason)
        } catch BlasonError.invalid(let issues) {
            return try await detail(req, issues: issues)
        }
        req.flash(req.t(.revokedNotice))
        return req.redirect(to: SiteRoute.awardDetail(award.id!).path)
    }
}
