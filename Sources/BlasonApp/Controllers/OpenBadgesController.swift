import BlasonCore
import BlasonPersistence
import Fluent
import OpenBadges
import Vapor

/// The public, stable Open Badges 2.0 URLs. Each answers JSON-LD to machines and a page to people
/// (content negotiation on `Accept`, or `?format=json`).
struct OpenBadgesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("issuers", ":id") { try await issuer($0) }
        routes.get("issuers", ":id", "logo") { try await issuerLogo($0) }
        routes.get("issuers", ":id", "revocations") { try await revocationList($0) }
        routes.get("badges", ":id") { try await badgeClass($0) }
        routes.get("badges", ":id", "image") { try await badgeImage($0) }
        routes.get("assertions", ":id") { try await assertion($0) }
        routes.get("assertions", ":id", "image") { try await assertionImage($0, format: nil) }
        routes.get("assertions", ":id", "baked.png") { try await assertionImage($0, format: .png) }
        routes.get("assertions", ":id", "baked.svg") { try await assertionImage($0, format: .svg) }
        routes.get("assertions", ":id", "signed.jws") { try await signedAssertion($0, baked: false) }
        routes.get("assertions", ":id", "signed.png") { try await signedAssertion($0, baked: true) }
        routes.get("keys", ":id") { try await publicKey($0) }
        routes.get("endorsements", ":id") { try await endorsement($0) }
        routes.get("endorsements", ":id", "endorser") { try await externalEndorser($0) }
    }

    func issuer(_ req: Request) async throws -> Response {
        let organisation = try await findOrganisation(req)
        if ContentNegotiation.wantsJSON(req) {
            let endorsements = try await req.endorsements.published(organisation: organisation.requireID())
            let keys = try await OB2Signer(publisher: req.blason.publisher, keys: req.keys).publicKeyIDs(organisation.requireID())
            return ContentNegotiation.jsonLD(try req.blason.publisher.profile(organisation, endorsements: endorsements, publicKeys: keys))
        }
        let badges = try await BadgeClass.query(on: req.db).filter(\.$organisation.$id == organisation.id!).filter(\.$archivedAt == nil)
            .sort(\.$createdAt).all()
        let received = try await Award.query(on: req.db).filter(\.$recipientOrganisation.$id == organisation.id!).filter(\.$revokedAt == nil)
            .with(\.$badgeClass).all().filter(\.isPublic)
        var model = PublicPages.IssuerModel(
            id: organisation.id!, name: organisation.name, description: organisation.description, website: organisation.website,
            email: organisation.contactEmail, hasLogo: organisation.logoData != nil,
            badges: badges.map { .init(id: $0.id!, name: $0.name.text(in: req.context.language)) })
        model.received = received.map { (awardID: $0.id!, badgeClassID: $0.$badgeClass.id, name: $0.badgeClass.name.text(in: req.context.language)) }
        model.endorsements = EndorsementList.items(try await req.endorsements.published(organisation: organisation.requireID()),
                                                   url: { SiteRoute.endorsement($0).path })
        return HTMLResponse.make(PublicPages.issuer(model, page: PageContext(request: req, title: organisation.name)))
    }

    func issuerLogo(_ req: Request) async throws -> Response {
        let organisation = try await findOrganisation(req)
        guard let data = organisation.logoData, let type = organisation.logoType else { throw BlasonError.notFound }
        return ContentNegotiation.image(data, type: type)
    }

    func revocationList(_ req: Request) async throws -> Response {
        let organisation = try await findOrganisation(req)
        let revoked = try await Award.query(on: req.db).filter(\.$organisation.$id == organisation.id!).filter(\.$revokedAt != nil)
            .sort(\.$revokedAt).all().filter(\.isPublic)
        let signed = try await BadgeClassOption.query(on: req.db).filter(\.$signedAssertions == true)
            .filter(\.$id ~~ Set(revoked.map(\.$badgeClass.id))).all()
        return ContentNegotiation.jsonLD(try req.blason.publisher.revocationList(of: organisation.id!, revoked: revoked,
                                                                                 signedBadgeClasses: Set(signed.compactMap(\.id))))
    }

    func badgeClass(_ req: Request) async throws -> Response {
        let badgeClass = try await req.badgeClasses.find(req.idParameter(), in: nil)
        let asOf = req.query[Int64.self, at: "asOf"].map { Date(timeIntervalSince1970: TimeInterval($0) / 1000) }
        if ContentNegotiation.wantsJSON(req) {
            // Awards name the moment they were made; endorsements made later do not show on them.
            let endorsements = try await req.endorsements.published(badgeClass: badgeClass.requireID(),
                                                                    asOf: asOf.map { $0.addingTimeInterval(0.000_999) })
            return ContentNegotiation.jsonLD(try req.blason.publisher.badgeClass(badgeClass, endorsements: endorsements, asOf: asOf))
        }
        let issuer = try await badgeClass.$organisation.get(on: req.db)
        var model = PublicPages.BadgeClassModel(
            id: badgeClass.id!, issuerID: issuer.id!, issuerName: issuer.name, name: badgeClass.name, description: badgeClass.summary,
            criteria: badgeClass.criteria, criteriaURL: badgeClass.criteriaURL, tags: badgeClass.tags, alignments: badgeClass.alignments,
            archived: badgeClass.isArchived)
        model.endorsements = EndorsementList.items(try await req.endorsements.published(badgeClass: badgeClass.requireID(), asOf: nil),
                                                   url: { SiteRoute.endorsement($0).path })
        return HTMLResponse.make(PublicPages.badgeClass(model, page: PageContext(request: req, title: badgeClass.name.text(in: req.context.language))))
    }

    func badgeImage(_ req: Request) async throws -> Response {
        let badgeClass = try await req.badgeClasses.find(req.idParameter(), in: nil)
        return ContentNegotiation.image(badgeClass.imageData, type: badgeClass.imageType)
    }

    func assertion(_ req: Request) async throws -> Response {
        let publisher = req.blason.publisher
        if ContentNegotiation.wantsJSON(req) {
            let award = try await req.awards.findPublicAssertion(req.idParameter())
            // Open Badges 2.0: a revoked hosted assertion answers 410 Gone with only the fact and its reason.
            if award.isRevoked {
                return ContentNegotiation.jsonLD(try publisher.revoked(award), status: .gone)
            }
            return ContentNegotiation.jsonLD(try publisher.assertion(award))
        }
        let award = try await req.awards.findPublic(req.idParameter())
        let issuer = try await Organisation.find(award.$organisation.id, on: req.db)
        let badgeClass = award.badgeClass
        var model = PublicPages.AssertionModel(
            awardID: award.id!, badgeClassID: badgeClass.id!, issuerID: award.$organisation.id, badgeName: badgeClass.name,
            badgeDescription: badgeClass.summary, criteria: badgeClass.criteria, issuerName: issuer?.name ?? "",
            recipientName: award.recipientName, issuedOn: award.issuedOn, expires: award.expires, evidenceURL: award.evidenceURL,
            narrative: award.narrative, status: req.awards.status(of: award), revocationReason: award.revocationReason,
            formats: publisher.bakedFormats(for: badgeClass), signed: try await req.badgeClasses.signedAssertions(badgeClass.requireID()))
        // The same endorsements as the award's Open Badges data: the issuer's, and the badge class's
        // made by the time it was awarded.
        let language = req.context.language
        model.endorsements = EndorsementList.items(try await req.endorsements.published(organisation: award.$organisation.id),
                                                   url: { SiteRoute.endorsement($0).path }, subject: issuer?.name)
            + EndorsementList.items(try await req.endorsements.published(badgeClass: badgeClass.requireID(), asOf: award.issuedOn.addingTimeInterval(0.000_999)),
                                    url: { SiteRoute.endorsement($0).path }, subject: badgeClass.name.text(in: language))
        return HTMLResponse.make(PublicPages.assertion(model, page: PageContext(request: req, title: badgeClass.name.text(in: req.context.language))),
                                 status: award.isRevoked ? .gone : .ok)
    }

    /// The award's baked image; `format` nil means the badge class's own format.
    func assertionImage(_ req: Request, format: BadgeImageFormat?) async throws -> Response {
        let award = try await req.awards.findPublic(req.idParameter())
        // A revoked award is not handed out as a fresh, verifiable-looking image.
        if award.isRevoked { throw Abort(.gone) }
        let badgeClass = award.badgeClass
        let publisher = req.blason.publisher
        let chosen = format ?? publisher.bakedFormats(for: badgeClass)[0]
        guard publisher.bakedFormats(for: badgeClass).contains(chosen) else { throw BlasonError.notFound }
        let data = try publisher.bakedImage(award, badgeClass: badgeClass, format: chosen)
        let response = ContentNegotiation.image(data, type: chosen.mimeType)
        if format != nil {
            let name = Slug.derived(from: badgeClass.nameFR)?.value ?? "badge"
            response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name).\(chosen.fileExtension)\"")
        }
        return response
    }

    /// The signed assertion (JWS), or a PNG baked with it, for badge classes that offer it.
    func signedAssertion(_ req: Request, baked: Bool) async throws -> Response {
        let award = try await req.awards.findPublic(req.idParameter())
        if award.isRevoked { throw Abort(.gone) }
        let badgeClass = award.badgeClass
        guard try await req.badgeClasses.signedAssertions(badgeClass.requireID()) else { throw BlasonError.notFound }
        let jws = try await OB2Signer(publisher: req.blason.publisher, keys: req.keys).jws(award)
        let name = Slug.derived(from: badgeClass.nameFR)?.value ?? "badge"
        let response: Response
        if baked {
            guard req.blason.publisher.bakedFormats(for: badgeClass).contains(.png) else { throw BlasonError.notFound }
            response = ContentNegotiation.image(try PNGBaker.bake(badgeClass.imageData, text: jws), type: BadgeImageFormat.png.mimeType)
            response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)-signed.png\"")
        } else {
            response = Response(status: .ok, body: .init(string: jws))
            response.headers.contentType = HTTPMediaType(type: "application", subType: "jose")
            response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name).jws\"")
        }
        response.headers.replaceOrAdd(name: "Access-Control-Allow-Origin", value: "*")
        return response
    }

    /// An issuer's public key for signed assertions.
    func publicKey(_ req: Request) async throws -> Response {
        guard let key = try await SigningKey.find(req.idParameter(), on: req.db), key.algorithm == .rs256 else { throw BlasonError.notFound }
        return ContentNegotiation.jsonLD(try OB2Signer(publisher: req.blason.publisher, keys: req.keys).cryptographicKey(key))
    }

    /// A published endorsement; a withdrawn one answers 410 with `revoked: true`; one awaiting approval does not exist yet.
    func endorsement(_ req: Request) async throws -> Response {
        guard let endorsement = try await Endorsement.find(req.idParameter(), on: req.db), endorsement.status != .awaitingApproval else {
            throw BlasonError.notFound
        }
        let publisher = req.blason.publisher
        if endorsement.status == .withdrawn {
            return ContentNegotiation.jsonLD(OB2.Revoked.endorsement(id: publisher.url(.endorsement(endorsement.id!)), revocationReason: nil), status: .gone)
        }
        return ContentNegotiation.jsonLD(try publisher.endorsement(endorsement))
    }

    func externalEndorser(_ req: Request) async throws -> Response {
        guard let endorsement = try await Endorsement.find(req.idParameter(), on: req.db), endorsement.$endorser.id == nil,
              endorsement.status == .published || endorsement.status == .withdrawn else { throw BlasonError.notFound }
        return ContentNegotiation.jsonLD(try req.blason.publisher.externalEndorser(endorsement))
    }

    private func findOrganisation(_ req: Request) async throws -> Organisation {
        guard let organisation = try await Organisation.find(req.idParameter(), on: req.db) else {
            throw BlasonError.notFound
        }
        return organisation
    }
}

/// Deciding between JSON-LD and HTML, and writing both kinds of public answer.
enum ContentNegotiation {
    /// JSON when asked by `?format=json`, or when the client prefers JSON to HTML (the validator sends
    /// `application/ld+json, application/json, …`; browsers send `text/html` first).
    static func wantsJSON(_ req: Request) -> Bool {
        if req.url.query != nil, let format = req.query[String.self, at: "format"] { return format == "json" }
        let accept = req.headers.accept
        guard !accept.isEmpty else { return true }
        func quality(_ types: [(String, String)]) -> Double {
            accept.filter { media in types.contains { $0.0 == media.mediaType.type && $0.1 == media.mediaType.subType } }.map { $0.q ?? 1 }.max() ?? 0
        }
        let json = quality([("application", "json"), ("application", "ld+json")])
        let html = quality([("text", "html"), ("application", "xhtml+xml")])
        if json == 0, html == 0 {
            // Only wildcards: machines (curl, scripts) get data.
            return true
        }
        return json >= html && json > 0
    }

    static func jsonLD<T: Encodable>(_ value: T, status: HTTPResponseStatus = .ok) -> Response {
        let response = Response(status: status, body: .init(data: OB2.json(value)))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "ld+json", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: "Access-Control-Allow-Origin", value: "*")
        response.headers.replaceOrAdd(name: .vary, value: "Accept")
        return response
    }

    static func image(_ data: Data, type: String) -> Response {
        let response = Response(status: .ok, body: .init(data: data))
        let parts = type.split(separator: "/")
        response.headers.contentType = HTTPMediaType(type: String(parts.first ?? "image"), subType: String(parts.last ?? "png"))
        response.headers.replaceOrAdd(name: "Access-Control-Allow-Origin", value: "*")
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        // User SVGs are images, never documents: no script may run even if opened directly.
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox")
        return response
    }
}
