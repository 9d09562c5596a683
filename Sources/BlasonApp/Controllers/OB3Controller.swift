import BlasonCore
import BlasonPersistence
import Fluent
import OpenBadges
import Vapor

/// The public, stable Open Badges 3.0 URLs. Machines get signed JSON-LD (or a VC-JWT when they ask
/// for `application/vc+jwt`); people asking for HTML are sent to the human page of the same thing.
struct OB3Controller: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let ob3 = routes.grouped("ob3")
        ob3.get("issuers", ":id") { try await issuer($0) }
        ob3.get("issuers", ":id", "jwks.json") { try await jwks($0) }
        ob3.get("issuers", ":id", "status", ":page") { try await statusList($0) }
        ob3.get("achievements", ":id") { try await achievement($0) }
        ob3.get("credentials", ":id") { try await credential($0) }
        ob3.get("credentials", ":id", "credential.jwt") { try await credentialJWT($0) }
        ob3.get("credentials", ":id", "baked.png") { try await baked($0, format: .png) }
        ob3.get("credentials", ":id", "baked.svg") { try await baked($0, format: .svg) }
        ob3.get("endorsements", ":id") { try await endorsement($0) }
    }

    func issuer(_ req: Request) async throws -> Response {
        let organisation = try await findOrganisation(req)
        guard ContentNegotiation.wantsJSON(req) else { return req.redirect(to: SiteRoute.issuer(try organisation.requireID()).path) }
        return Self.json(try await req.ob3.profileDocument(organisation))
    }

    func jwks(_ req: Request) async throws -> Response {
        let organisation = try await findOrganisation(req)
        return Self.json(try await req.ob3.jwks(organisation.requireID()), type: HTTPMediaType(type: "application", subType: "jwk-set+json"))
    }

    func statusList(_ req: Request) async throws -> Response {
        let organisation = try await findOrganisation(req)
        guard let page = req.parameters.get("page", as: Int.self), (0..<1_000_000).contains(page) else { throw BlasonError.notFound }
        let response = Self.json(try await req.ob3.statusList(organisation.requireID(), page: page))
        // Verifiers may cache it briefly; a revocation shows within a minute.
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=60")
        return response
    }

    func achievement(_ req: Request) async throws -> Response {
        let badgeClass = try await req.badgeClasses.find(req.idParameter(), in: nil)
        guard ContentNegotiation.wantsJSON(req) else { return req.redirect(to: SiteRoute.badge(try badgeClass.requireID()).path) }
        return Self.json(try await req.ob3.achievementDocument(badgeClass))
    }

    func credential(_ req: Request) async throws -> Response {
        let award = try await req.awards.findPublic(req.idParameter())
        if Self.wantsJWT(req) { return try await credentialJWT(req) }
        guard ContentNegotiation.wantsJSON(req) else { return req.redirect(to: SiteRoute.assertion(try award.requireID()).path) }
        // The status list says it too; a hosted copy of a revoked credential is not handed out.
        if award.isRevoked { return Self.gone(req, award) }
        return Self.json(try await req.ob3.signedCredential(award))
    }

    func credentialJWT(_ req: Request) async throws -> Response {
        let award = try await req.awards.findPublic(req.idParameter())
        if award.isRevoked { return Self.gone(req, award) }
        let algorithm = try Self.algorithm(req)
        let token = try await req.ob3.jwt(award, algorithm: algorithm)
        let response = Response(status: .ok, body: .init(string: token))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "vc+jwt")
        response.headers.replaceOrAdd(name: "Access-Control-Allow-Origin", value: "*")
        return response
    }

    /// The badge image with the signed credential baked in; `?proof=jwt` bakes the VC-JWT instead.
    func baked(_ req: Request, format: BadgeImageFormat) async throws -> Response {
        let award = try await req.awards.findPublic(req.idParameter())
        if award.isRevoked { throw Abort(.gone) }
        let badgeClass = try await award.$badgeClass.get(on: req.db)
        let publisher = req.blason.publisher
        guard publisher.bakedFormats(for: badgeClass).contains(format) else { throw BlasonError.notFound }
        let payload: String
        if req.query[String.self, at: "proof"] == "jwt" {
            payload = try await req.ob3.jwt(award, algorithm: try Self.algorithm(req))
        } else {
            payload = String(decoding: try await req.ob3.signedCredential(award).jsonData(), as: UTF8.self)
        }
        let data = try OB3Baking.bake(badgeClass, payload: payload, format: format)
        let response = ContentNegotiation.image(data, type: format.mimeType)
        let name = Slug.derived(from: badgeClass.nameFR)?.value ?? "badge"
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)-ob3.\(format.fileExtension)\"")
        return response
    }

    func endorsement(_ req: Request) async throws -> Response {
        guard let endorsement = try await Endorsement.find(req.idParameter(), on: req.db), endorsement.$endorser.id != nil,
              endorsement.status == .published || endorsement.status == .withdrawn else { throw BlasonError.notFound }
        if endorsement.status == .withdrawn {
            return Self.json(Self.revoked(req.ob3.url(.ob3Endorsement(endorsement.id!)), reason: nil), status: .gone)
        }
        return Self.json(try await req.ob3.endorsementCredential(endorsement))
    }

    // MARK: Helpers

    static func algorithm(_ req: Request) throws -> SigningKey.Algorithm {
        switch req.query[String.self, at: "alg"]?.uppercased() {
        case nil, "EDDSA": .ed25519
        case "ES256": .es256
        case "RS256": .rs256
        default: throw Abort(.badRequest, reason: "alg must be EdDSA, ES256 or RS256")
        }
    }

    /// Only when JWT is asked for and JSON is not: verifiers listing both get the JSON-LD.
    static func wantsJWT(_ req: Request) -> Bool {
        let accept = req.headers.accept.filter { $0.mediaType.type == "application" }.map(\.mediaType.subType)
        return accept.contains { ["vc+jwt", "jwt"].contains($0) } && !accept.contains { ["json", "ld+json"].contains($0) }
    }

    static func gone(_ req: Request, _ award: Award) -> Response {
        json(revoked(req.ob3.url(.ob3Credential(award.id!)), reason: award.revocationReason), status: .gone)
    }

    /// The 410 body of a revoked credential or a withdrawn endorsement.
    static func revoked(_ id: String, reason: String?) -> JSONValue {
        var body: JSONValue = ["id": .string(id), "revoked": true]
        if let reason { body["revocationReason"] = .string(reason) }
        return body
    }

    static func json(_ value: JSONValue, status: HTTPResponseStatus = .ok,
                     type: HTTPMediaType = HTTPMediaType(type: "application", subType: "ld+json", parameters: ["charset": "utf-8"])) -> Response {
        let response = Response(status: status, body: .init(data: value.jsonData(pretty: true)))
        response.headers.contentType = type
        response.headers.replaceOrAdd(name: "Access-Control-Allow-Origin", value: "*")
        response.headers.replaceOrAdd(name: .vary, value: "Accept")
        return response
    }

    private func findOrganisation(_ req: Request) async throws -> Organisation {
        guard let organisation = try await Organisation.find(req.idParameter(), on: req.db) else { throw BlasonError.notFound }
        return organisation
    }
}

/// Open Badges 3.0 baking: PNG `iTXt openbadgecredential`, SVG `<openbadges:credential>`.
enum OB3Baking {
    static func bake(_ badgeClass: BadgeClass, payload: String, format: BadgeImageFormat) throws -> Data {
        let isSVG = badgeClass.imageType == BadgeImageFormat.svg.mimeType
        switch (format, isSVG) {
        case (.png, false):
            return try PNGBaker.bake(badgeClass.imageData, text: payload, keyword: "openbadgecredential")
        case (.svg, true):
            return try SVGBaker.bake(badgeClass.imageData, payload: payload, verify: nil, element: "credential")
        case (.svg, false):
            return try SVGBaker.bake(OB2Publisher.svgWrapping(png: badgeClass.imageData), payload: payload, verify: nil, element: "credential")
        case (.png, true):
            throw BlasonError.notFound
        }
    }
}
