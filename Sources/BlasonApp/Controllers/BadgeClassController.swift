import BlasonCore
import BlasonPersistence
import Fluent
import Vapor

/// Creator tools: badge classes of the current organisation.
struct BadgeClassController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let creator = routes.grouped("creator", "badge-classes")
        creator.get { try await list($0) }
        creator.get("new") { req in
            _ = try req.requireOrganisation(.creator)
            return HTMLResponse.make(BadgeClassFormPage.render(.init(), page: PageContext(request: req, title: req.t(.badgeClassNewTitle))))
        }
        creator.post("new") { try await create($0) }
        creator.get(":id") { try await detail($0) }
        creator.get(":id", "edit") { try await edit($0) }
        creator.post(":id", "edit") { try await update($0) }
        creator.post(":id", "archive") { try await archive($0) }
    }

    func list(_ req: Request) async throws -> Response {
        let current = try req.requireOrganisation(nil)
        let badgeClasses = try await req.badgeClasses.list(organisationID: current.organisationID)
        let counts = try await Award.query(on: req.db).filter(\.$organisation.$id == current.organisationID).all(\.$badgeClass.$id)
        let tally = Dictionary(counts.map { ($0, 1) }, uniquingKeysWith: +)
        let items = badgeClasses.map {
            BadgeClassPages.ListModel.Item(id: $0.id!, name: $0.name.text(in: req.context.language), archived: $0.isArchived, awardCount: tally[$0.id!] ?? 0)
        }
        let model = BadgeClassPages.ListModel(items: items, canCreate: current.role.grants(.creator))
        return HTMLResponse.make(BadgeClassPages.list(model, page: PageContext(request: req, title: req.t(.badgeClassesTitle))))
    }

    func create(_ req: Request) async throws -> Response {
        let current = try req.requireOrganisation(.creator)
        let form = try req.decodeBody(BadgeClassForm.self)
        do {
            let draft = try form.draft()
            let badgeClass = try await req.badgeClasses.create(organisationID: current.organisationID, draft: draft, image: form.image?.nonEmptyData)
            req.flash(req.t(.badgeClassCreatedNotice))
            return req.redirect(to: SiteRoute.badgeClass(badgeClass.id!).path)
        } catch BlasonError.invalid(let issues) {
            return HTMLResponse.make(BadgeClassFormPage.render(form.model(id: nil, issues: issues), page: PageContext(request: req, title: req.t(.badgeClassNewTitle))),
                                     status: .unprocessableEntity)
        }
    }

    func detail(_ req: Request) async throws -> Response {
        let current = try req.requireOrganisation(nil)
        let badgeClass = try await req.badgeClasses.find(req.idParameter(), in: current.organisationID)
        let awards = try await Award.query(on: req.db).filter(\.$badgeClass.$id == badgeClass.id!).sort(\.$createdAt, .descending).limit(200).all()
        let service = req.awards
        let model = BadgeClassPages.DetailModel(
            id: badgeClass.id!, name: badgeClass.name, description: badgeClass.summary, criteria: badgeClass.criteria,
            archived: badgeClass.isArchived, canEdit: current.role.grants(.creator), canIssue: current.role.grants(.issuer),
            awards: awards.map { .init(awardID: $0.id!, recipient: $0.recipientName ?? $0.recipientEmail, badgeName: badgeClass.name.text(in: req.context.language),
                                       issuedOn: $0.issuedOn, status: service.status(of: $0)) })
        return HTMLResponse.make(BadgeClassPages.detail(model, page: PageContext(request: req, title: badgeClass.name.text(in: req.context.language))))
    }

    func edit(_ req: Request) async throws -> Response {
        let current = try req.requireOrganisation(.creator)
        let badgeClass = try await req.badgeClasses.find(req.idParameter(), in: current.organisationID)
        let model = BadgeClassForm.model(of: badgeClass, signed: try await req.badgeClasses.signedAssertions(badgeClass.requireID()))
        return HTMLResponse.make(BadgeClassFormPage.render(model, page: PageContext(request: req, title: req.t(.badgeClassEditTitle))))
    }

    func update(_ req: Request) async throws -> Response {
        let current = try req.requireOrganisation(.creator)
        let badgeClass = try await req.badgeClasses.find(req.idParameter(), in: current.organisationID)
        let form = try req.decodeBody(BadgeClassForm.self)
        do {
            try await req.badgeClasses.update(badgeClass, draft: try form.draft(), image: form.image?.nonEmptyData)
            req.flash(req.t(.savedNotice))
            return req.redirect(to: SiteRoute.badgeClass(badgeClass.id!).path)
        } catch BlasonError.invalid(let issues) {
            return HTMLResponse.make(BadgeClassFormPage.render(form.model(id: badgeClass.id, issues: issues), page: PageContext(request: req, title: req.t(.badgeClassEditTitle))),
                                     status: .unprocessableEntity)
        }
    }

    func archive(_ req: Request) async throws -> Response {
        let current = try req.requireOrganisation(.creator)
        let badgeClass = try await req.badgeClasses.find(req.idParameter(), in: current.organisationID)
        try await req.badgeClasses.archive(badgeClass, at: req.blason.clock.now)
        req.flash(req.t(.badgeClassArchivedNotice))
        return req.redirect(to: SiteRoute.badgeClass(badgeClass.id!).path)
    }
}

/// The badge class form as posted (multipart, with the image).
struct BadgeClassForm: Content {
    var name_fr: String?
    var name_en: String?
    var description_fr: String?
    var description_en: String?
    var criteria_fr: String?
    var criteria_en: String?
    var criteria_url: String?
    var tags: String?
    var expiry_amount: String?
    var expiry_unit: String?
    var signed_assertions: String?
    var image: File?
    var alignment_1: String?, alignment_1_url: String?, alignment_1_framework: String?, alignment_1_code: String?
    var alignment_2: String?, alignment_2_url: String?, alignment_2_framework: String?, alignment_2_code: String?
    var alignment_3: String?, alignment_3_url: String?, alignment_3_framework: String?, alignment_3_code: String?

    private var alignmentRows: [BadgeClassFormPage.Model.AlignmentRow] {
        [
            .init(name: alignment_1 ?? "", url: alignment_1_url ?? "", framework: alignment_1_framework ?? "", code: alignment_1_code ?? ""),
            .init(name: alignment_2 ?? "", url: alignment_2_url ?? "", framework: alignment_2_framework ?? "", code: alignment_2_code ?? ""),
            .init(name: alignment_3 ?? "", url: alignment_3_url ?? "", framework: alignment_3_framework ?? "", code: alignment_3_code ?? ""),
        ]
    }

    /// The draft; a filled expiry amount must be a number, and empty alignment rows are ignored.
    func draft() throws(BlasonError) -> BadgeClassDraft {
        var expiry: ExpiryPeriod?
        let amount = expiry_amount?.trimmingCharacters(in: .whitespaces) ?? ""
        if !amount.isEmpty {
            guard let number = Int(amount), let unit = ExpiryPeriod.Unit(rawValue: expiry_unit ?? ""),
                  let period = ExpiryPeriod(amount: number, unit: unit) else {
                throw .invalid("expiry_amount", .invalidNumber(amount))
            }
            expiry = period
        }
        var alignments: [Alignment] = []
        for row in alignmentRows {
            let filled = [row.name, row.url, row.framework, row.code].contains { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            if filled {
                alignments.append(Alignment(targetName: row.name, targetURL: row.url, targetFramework: row.framework, targetCode: row.code))
            }
        }
        return BadgeClassDraft(
            name: LocalizedText(fr: name_fr ?? "", en: name_en), description: LocalizedText(fr: description_fr ?? "", en: description_en),
            criteria: LocalizedText(fr: criteria_fr ?? "", en: criteria_en), criteriaURL: criteria_url,
            tags: BadgeClassDraft.tags(from: tags ?? ""), alignments: alignments, expiry: expiry,
            signedAssertions: signed_assertions == "on" || signed_assertions == "true")
    }

    func model(id: UUID?, issues: [FieldIssue]) -> BadgeClassFormPage.Model {
        BadgeClassFormPage.Model(
            badgeClassID: id, nameFR: name_fr ?? "", nameEN: name_en ?? "", descriptionFR: description_fr ?? "",
            descriptionEN: description_en ?? "", criteriaFR: criteria_fr ?? "", criteriaEN: criteria_en ?? "",
            criteriaURL: criteria_url ?? "", tags: tags ?? "", alignments: alignmentRows, expiryAmount: expiry_amount ?? "",
            expiryUnit: expiry_unit ?? ExpiryPeriod.Unit.years.rawValue,
            signedAssertions: signed_assertions == "on" || signed_assertions == "true", issues: issues)
    }

    static func model(of badgeClass: BadgeClass, signed: Bool = false) -> BadgeClassFormPage.Model {
        var rows = badgeClass.alignments.prefix(3).map {
            BadgeClassFormPage.Model.AlignmentRow(name: $0.targetName, url: $0.targetURL, framework: $0.targetFramework ?? "", code: $0.targetCode ?? "")
        }
        while rows.count < 3 { rows.append(.init()) }
        return BadgeClassFormPage.Model(
            badgeClassID: badgeClass.id, nameFR: badgeClass.nameFR, nameEN: badgeClass.nameEN ?? "",
            descriptionFR: badgeClass.descriptionFR, descriptionEN: badgeClass.descriptionEN ?? "",
            criteriaFR: badgeClass.criteriaFR, criteriaEN: badgeClass.criteriaEN ?? "", criteriaURL: badgeClass.criteriaURL ?? "",
            tags: badgeClass.tags.joined(separator: ", "), alignments: rows,
            expiryAmount: badgeClass.expiry.map { String($0.amount) } ?? "",
            expiryUnit: badgeClass.expiry?.unit.rawValue ?? ExpiryPeriod.Unit.years.rawValue, signedAssertions: signed)
    }
}
