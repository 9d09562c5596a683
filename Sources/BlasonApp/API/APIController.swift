import BlasonCore
import BlasonPersistence
import Fluent
import Vapor

/// `/api/v1`: the JSON API. Errors are `application/problem+json` (see `BlasonErrorMiddleware`).
struct APIController: RouteCollection {
    struct TokenRequest: Content {
        var email: String
        var password: String
        var name: String?
        /// `read` (GET only) or `write` (the default).
        var scope: String?
        /// Slug or id of one of the user's organisations, to limit the token to it.
        var organisation: String?
        var expiresInDays: Int?
    }

    struct TokenResponse: Content {
        var id: String
        var name: String
        var token: String
        var expiresAt: Date?
        var scope: String
        var organisation: String?
    }

    struct TokenSummary: Content {
        var id: String
        var name: String
        var createdAt: Date?
        var expiresAt: Date?
        var lastUsedAt: Date?
        var revoked: Bool
        var scope: String
        var organisation: String?
    }

    struct OrganisationRequest: Content {
        var name: String
        var slug: String?
        var descriptionFr: String?
        var descriptionEn: String?
        var website: String?
        var contactEmail: String
        var city: String?
        var country: String?
    }

    /// Only the fields given change.
    struct OrganisationUpdate: Content {
        var name: String?
        var descriptionFr: String?
        var descriptionEn: String?
        var website: String?
        var contactEmail: String?
        var city: String?
        var country: String?
        /// Listed in the partner directory, where other organisations find it.
        var findable: Bool?
    }

    /// The signed-in person's e-mail choices; only the fields given change.
    struct Notifications: Content {
        var awardMail: Bool?
        var endorsementDigest: Bool?
    }

    struct AwardRequest: Content {
        struct Item: Content {
            var email: String
            var name: String?
            var evidenceUrl: String?
            var narrative: String?
            var language: String?
        }
        var recipients: [Item]
        var issuedOn: String?
        var expires: String?
        var evidenceUrl: String?
        var narrative: String?
        /// fr (default) or en: the language of the e-mails to recipients who do not give their own.
        var language: String?
    }

    struct AwardList: Content {
        var awards: [APIModel.Award]
    }

    struct RevokeRequest: Content {
        var reason: String
    }

    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("openapi.json") { _ in OpenAPIDocument.response() }
        api.post("tokens") { try await createToken($0) }
        let authed = api.grouped(APIAuthenticationMiddleware())
        authed.get("tokens") { try await listTokens($0) }
        authed.delete("tokens", ":id") { try await revokeToken($0) }
        authed.get("organisations") { try await listOrganisations($0) }
        authed.post("organisations") { try await createOrganisation($0) }
        authed.get("organisations", ":slug") { try await organisation($0) }
        authed.patch("organisations", ":slug") { try await updateOrganisation($0) }
        authed.get("me", "notifications") { try await notifications($0) }
        authed.put("me", "notifications") { try await setNotifications($0) }
        authed.get("organisations", ":slug", "badge-classes") { try await listBadgeClasses($0) }
        authed.on(.POST, "organisations", ":slug", "badge-classes", body: .collect(maxSize: "2mb")) { try await createBadgeClass($0) }
        authed.get("badge-classes", ":id") { try await badgeClass($0) }
        authed.post("badge-classes", ":id", "awards") { try await createAwards($0) }
        authed.get("badge-classes", ":id", "awards") { try await listAwards($0) }
        authed.get("awards", ":id") { try await award($0) }
        authed.get("jobs", ":id") { try await job($0) }
        authed.post("awards", ":id", "revoke") { try await revoke($0) }
    }

    // MARK: Tokens

    func createToken(_ req: Request) async throws -> Response {
        let body = try req.decodeBody(TokenRequest.self)
        let user = try await req.authenticateWithinLimits(email: body.email, password: body.password)
        guard let scope = TokenScope(rawValue: body.scope ?? TokenScope.write.rawValue) else {
            throw BlasonError.invalid("scope", .notAllowedValue(body.scope ?? ""))
        }
        var organisationID: UUID?
        if let reference = body.organisation {
            guard let found = try? await req.organisations.find(reference) else { throw BlasonError.invalid("organisation", .notAllowedValue(reference)) }
            organisationID = found.id
        }
        let issued = try await tokenService(req).issue(userID: user.requireID(), name: body.name ?? "API", scope: scope,
                                                       organisationID: organisationID, days: body.expiresInDays)
        return try await TokenResponse(id: issued.record.requireID().lowercased, name: issued.record.name, token: issued.token,
                                       expiresAt: issued.record.expiresAt, scope: scope.rawValue, organisation: organisationID?.lowercased)
            .encodeResponse(status: .created, for: req)
    }

    func listTokens(_ req: Request) async throws -> [TokenSummary] {
        try await tokenService(req).list(userID: req.requireUserID()).map {
            TokenSummary(id: $0.id!.lowercased, name: $0.name, createdAt: $0.createdAt, expiresAt: $0.expiresAt, lastUsedAt: $0.lastUsedAt,
                         revoked: $0.revokedAt != nil, scope: $0.scope.rawValue, organisation: $0.organisationID?.lowercased)
        }
    }

    func revokeToken(_ req: Request) async throws -> HTTPStatus {
        try await tokenService(req).revoke(req.idParameter(), of: req.requireUserID())
        return .noContent
    }

    private func tokenService(_ req: Request) -> TokenService {
        TokenService(db: req.db, clock: req.blason.clock, lifetimeDays: req.blason.configuration.apiTokenLifetimeDays)
    }

    // MARK: Organisations

    func listOrganisations(_ req: Request) async throws -> [APIModel.Organisation] {
        let memberships = req.context.memberships
        let organisations = try await Organisation.query(on: req.db).filter(\.$id ~~ memberships.map(\.organisationID)).sort(\.$name).all()
        return organisations.map { organisation in
            APIModel.Organisation(organisation, role: memberships.first { $0.organisationID == organisation.id }?.role, publisher: req.blason.publisher)
        }
    }

    func createOrganisation(_ req: Request) async throws -> Response {
        let body = try req.decodeBody(OrganisationRequest.self)
        let draft = OrganisationDraft(name: body.name, slug: body.slug ?? "", description: LocalizedText(fr: body.descriptionFr ?? "", en: body.descriptionEn),
                                      website: body.website, contactEmail: body.contactEmail, city: body.city, country: body.country)
        let organisation = try await req.organisations.create(draft, logo: nil, creatorID: req.requireUserID())
        return try await APIModel.Organisation(organisation, role: .admin, publisher: req.blason.publisher).encodeResponse(status: .created, for: req)
    }

    func organisation(_ req: Request) async throws -> APIModel.Organisation {
        let organisation = try await req.organisations.find(req.parameters.require("slug"))
        let membership = try req.requireAPIMembership(organisation.requireID(), nil)
        return APIModel.Organisation(organisation, role: membership.role, publisher: req.blason.publisher)
    }

    func updateOrganisation(_ req: Request) async throws -> APIModel.Organisation {
        let organisation = try await req.organisations.find(req.parameters.require("slug"))
        _ = try req.requireAPIMembership(organisation.requireID(), .admin)
        let body = try req.decodeBody(OrganisationUpdate.self)
        let draft = OrganisationDraft(
            name: body.name ?? organisation.name, slug: organisation.slug,
            description: LocalizedText(fr: body.descriptionFr ?? organisation.description.fr, en: body.descriptionEn ?? organisation.description.en),
            website: body.website ?? organisation.website, contactEmail: body.contactEmail ?? organisation.contactEmail,
            city: body.city ?? organisation.city, country: body.country ?? organisation.country)
        try await req.organisations.update(organisation, draft: draft, logo: nil, findable: body.findable ?? organisation.findable)
        return APIModel.Organisation(organisation, role: .admin, publisher: req.blason.publisher)
    }

    func notifications(_ req: Request) async throws -> Notifications {
        let userID = try req.requireUserID()
        let settings = NotificationSettings(db: req.db)
        return Notifications(awardMail: try await settings.isEnabled(.awardMail, userID: userID),
                             endorsementDigest: try await settings.isEnabled(.endorsementDigest, userID: userID))
    }

    func setNotifications(_ req: Request) async throws -> Notifications {
        let userID = try req.requireUserID()
        let body = try req.decodeBody(Notifications.self)
        try await req.db.transactionRetrying { db in
            let settings = NotificationSettings(db: db)
            if let awardMail = body.awardMail { try await settings.set(.awardMail, enabled: awardMail, userID: userID) }
            if let digest = body.endorsementDigest { try await settings.set(.endorsementDigest, enabled: digest, userID: userID) }
        }
        return try await notifications(req)
    }

    // MARK: Badge classes

    func listBadgeClasses(_ req: Request) async throws -> [APIModel.BadgeClass] {
        let organisation = try await req.organisations.find(req.parameters.require("slug"))
        _ = try req.requireAPIMembership(organisation.requireID(), nil)
        return try await req.badgeClasses.list(organisationID: organisation.requireID()).map { APIModel.BadgeClass($0, publisher: req.blason.publisher) }
    }

    /// Multipart, with the same field names as the web form (`name_fr`, `description_fr`, `criteria_fr`, `image`, …).
    func createBadgeClass(_ req: Request) async throws -> Response {
        let organisation = try await req.organisations.find(req.parameters.require("slug"))
        _ = try req.requireAPIMembership(organisation.requireID(), .creator)
        guard req.headers.contentType?.type == "multipart" else { throw Abort(.unsupportedMediaType, reason: "multipart/form-data expected") }
        let form = try req.decodeBody(BadgeClassForm.self)
        let badgeClass = try await req.badgeClasses.create(organisationID: organisation.requireID(), draft: form.draft(), image: form.image?.nonEmptyData)
        return try await APIModel.BadgeClass(badgeClass, publisher: req.blason.publisher).encodeResponse(status: .created, for: req)
    }

    func badgeClass(_ req: Request) async throws -> APIModel.BadgeClass {
        let badgeClass = try await findBadgeClass(req, role: nil)
        return APIModel.BadgeClass(badgeClass, publisher: req.blason.publisher)
    }

    private func findBadgeClass(_ req: Request, role: Role?) async throws -> BadgeClass {
        let badgeClass = try await req.badgeClasses.find(req.idParameter(), in: nil)
        _ = try req.requireAPIMembership(badgeClass.$organisation.id, role)
        return badgeClass
    }

    // MARK: Awards

    func createAwards(_ req: Request) async throws -> Response {
        let badgeClass = try await findBadgeClass(req, role: .issuer)
        let body = try req.decodeBody(AwardRequest.self)
        let draft = try Self.draft(body, now: req.blason.clock.now)
        if draft.recipients.count > IssueJobService.backgroundThreshold {
            // Large lists run in the background; the answer says where to follow them.
            let job = try await req.issueJobs.enqueue(badgeClass, draft: draft, issuedBy: req.context.userID, awardedBy: nil)
            let response = try await APIModel.Job(job, publicURL: req.blason.publicURL).encodeResponse(status: .accepted, for: req)
            response.headers.replaceOrAdd(name: .location, value: "/api/v1/jobs/\(job.id!.uuidString.lowercased())")
            return response
        }
        let awards = try await req.awards.issue(badgeClass, draft: draft, issuedBy: req.context.userID)
        let service = req.awards
        let list = try AwardList(awards: awards.map { try APIModel.Award($0, status: service.status(of: $0), publisher: req.blason.publisher) })
        return try await list.encodeResponse(status: .created, for: req)
    }

    func job(_ req: Request) async throws -> APIModel.Job {
        guard let job = try await IssueJob.find(req.idParameter(), on: req.db) else { throw BlasonError.notFound }
        _ = try req.requireAPIMembership(job.$organisation.id, .issuer)
        return APIModel.Job(job, publicURL: req.blason.publicURL)
    }

    /// Every recipient is checked and reported with its position, as the web form reports lines.
    static func draft(_ body: AwardRequest, now: Date) throws(BlasonError) -> AwardDraft {
        var issues: [FieldIssue] = []
        var recipients: [Recipient] = []
        var seen: [EmailAddress: Int] = [:]
        for (index, item) in body.recipients.enumerated() {
            let position = index + 1
            guard let email = EmailAddress(item.email) else {
                issues.append(FieldIssue(field: "recipients[\(index)].email", problem: .invalidEmail(item.email), line: position))
                continue
            }
            if let first = seen[email] {
                issues.append(FieldIssue(field: "recipients[\(index)].email", problem: .duplicateRecipient(email.value, firstLine: first), line: position))
                continue
            }
            seen[email] = position
            let evidence = WebURL.optional(item.evidenceUrl, field: "recipients[\(index)].evidenceUrl", issues: &issues, line: position)
            if (item.name?.count ?? 0) > RecipientLimits.maximumNameLength {
                issues.append(FieldIssue(field: "recipients[\(index)].name", problem: .tooLong(max: RecipientLimits.maximumNameLength), line: position))
            }
            var language: Language?
            if let raw = item.language {
                language = Language(rawValue: raw)
                if language == nil { issues.append(FieldIssue(field: "recipients[\(index)].language", problem: .notAllowedValue(raw), line: position)) }
            }
            recipients.append(Recipient(email: email, name: item.name.nilIfBlank, evidenceURL: evidence, narrative: item.narrative.nilIfBlank,
                                        language: language))
        }
        let issuedOn = CalendarDay.optional(body.issuedOn, field: "issuedOn", issues: &issues) ?? now
        let expires = CalendarDay.optional(body.expires, field: "expires", issues: &issues)
        let language = body.language.flatMap(Language.init(rawValue:))
        if let raw = body.language, Language(rawValue: raw) == nil { issues.append(FieldIssue(field: "language", problem: .notAllowedValue(raw))) }
        if !issues.isEmpty { throw .invalid(issues) }
        return AwardDraft(recipients: recipients, issuedOn: issuedOn, expires: expires, evidenceURL: body.evidenceUrl.nilIfBlank,
                          narrative: body.narrative, language: language)
    }

    func listAwards(_ req: Request) async throws -> AwardList {
        let badgeClass = try await findBadgeClass(req, role: .issuer)
        let awards = try await Award.query(on: req.db).filter(\.$badgeClass.$id == badgeClass.requireID()).sort(\.$createdAt, .descending).limit(1000).all()
        let service = req.awards
        return try AwardList(awards: awards.map { try APIModel.Award($0, status: service.status(of: $0), publisher: req.blason.publisher) })
    }

    func award(_ req: Request) async throws -> APIModel.Award {
        let award = try await req.awards.find(req.idParameter(), in: nil)
        _ = try req.requireAPIMembership(award.$organisation.id, .issuer)
        return try APIModel.Award(award, status: req.awards.status(of: award), publisher: req.blason.publisher)
    }

    func revoke(_ req: Request) async throws -> APIModel.Award {
        let award = try await req.awards.find(req.idParameter(), in: nil)
        _ = try req.requireAPIMembership(award.$organisation.id, .issuer)
        let body = try req.decodeBody(RevokeRequest.self)
        try await req.awards.revoke(award, reason: body.reason)
        return try APIModel.Award(award, status: req.awards.status(of: award), publisher: req.blason.publisher)
    }
}
