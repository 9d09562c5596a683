import BlasonCore
import BlasonPersistence
import Foundation
import OpenBadges

/// Builds the Open Badges 2.0 documents Blason publishes, all under the public URL. Open Badges 2.0
/// has one language per document: Blason publishes French, the programme's language.
struct OB2Publisher: Sendable {
    let publicURL: String

    func url(_ route: SiteRoute) -> String { route.absolute(publicURL) }

    func profile(_ organisation: Organisation) throws -> OB2.Profile {
        let id = try organisation.requireID()
        return OB2.Profile(
            id: url(.issuer(id)), name: organisation.name,
            url: organisation.website ?? url(.issuer(id)), email: organisation.contactEmail,
            description: organisation.descriptionFR.isEmpty ? nil : organisation.descriptionFR,
            image: organisation.logoData == nil ? nil : url(.issuerLogo(id)),
            revocationList: url(.revocationList(id)))
    }

    func badgeClass(_ badgeClass: BadgeClass) throws -> OB2.BadgeClass {
        let id = try badgeClass.requireID()
        return OB2.BadgeClass(
            id: url(.badge(id)), name: badgeClass.nameFR, description: badgeClass.descriptionFR,
            image: url(.badgeImage(id)),
            criteria: OB2.Criteria(id: badgeClass.criteriaURL, narrative: badgeClass.criteriaFR.isEmpty ? nil : badgeClass.criteriaFR),
            issuer: url(.issuer(badgeClass.$organisation.id)),
            tags: badgeClass.tags,
            alignment: badgeClass.alignments.map {
                OB2.AlignmentObject(targetName: $0.targetName, targetUrl: $0.targetURL, targetDescription: $0.targetDescription,
                                    targetFramework: $0.targetFramework, targetCode: $0.targetCode)
            })
    }

    func assertion(_ award: Award) throws -> OB2.Assertion {
        let id = try award.requireID()
        var evidence: [OB2.Evidence] = []
        if award.evidenceURL != nil || award.narrative != nil {
            evidence.append(OB2.Evidence(id: award.evidenceURL, narrative: award.narrative))
        }
        return OB2.Assertion(
            id: url(.assertion(id)),
            recipient: OB2.IdentityObject(type: "email", hashed: true, salt: award.salt, identity: award.identityHash),
            badge: url(.badge(award.$badgeClass.id)), issuedOn: award.issuedOn, expires: award.expires,
            image: url(.assertionImage(id)), evidence: evidence)
    }

    func revoked(_ award: Award) throws -> OB2.RevokedAssertion {
        OB2.RevokedAssertion(id: url(.assertion(try award.requireID())), revocationReason: award.revocationReason)
    }

    func revocationList(of organisationID: UUID, revoked: [Award]) throws -> OB2.RevocationList {
        OB2.RevocationList(
            id: url(.revocationList(organisationID)), issuer: url(.issuer(organisationID)),
            revokedAssertions: try revoked.map { .init(id: url(.assertion(try $0.requireID())), revocationReason: $0.revocationReason) })
    }

    /// The formats an award's image can be downloaded in. An SVG badge class has no PNG version
    /// (Blason does not rasterise vector images); a PNG one is offered in both.
    func bakedFormats(for badgeClass: BadgeClass) -> [BadgeImageFormat] {
        badgeClass.imageType == BadgeImageFormat.svg.mimeType ? [.svg] : [.png, .svg]
    }

    /// The badge image with the assertion baked in.
    func bakedImage(_ award: Award, badgeClass: BadgeClass, format: BadgeImageFormat) throws -> Data {
        let assertion = try assertion(award)
        let payload = String(decoding: OB2.json(assertion), as: UTF8.self)
        let isSVG = badgeClass.imageType == BadgeImageFormat.svg.mimeType
        switch (format, isSVG) {
        case (.png, false):
            return try PNGBaker.bake(badgeClass.imageData, text: payload)
        case (.svg, true):
            return try SVGBaker.bake(badgeClass.imageData, payload: payload, verify: nil)
        case (.svg, false):
            return try SVGBaker.bake(Self.svgWrapping(png: badgeClass.imageData), payload: payload, verify: nil)
        case (.png, true):
            throw BlasonError.notFound
        }
    }

    /// An SVG that shows a PNG badge image, so PNG badge classes can be baked as SVG too.
    static func svgWrapping(png: Data) throws -> Data {
        let info = try BadgeImage.inspect(png)
        let width = Int(info.width), height = Int(info.height)
        let svg = """
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)">\
        <image width="\(width)" height="\(height)" xlink:href="data:image/png;base64,\(png.base64EncodedString())"/></svg>
        """
        return Data(svg.utf8)
    }
}
