import BlasonCore
import BlasonPersistence
import Foundation
import OpenBadges

/// Builds the Open Badges 2.0 documents Blason publishes, all under the public URL. Open Badges 2.0
/// has one language per document: Blason publishes French, the programme's language.
struct OB2Publisher: Sendable {
    let publicURL: String

    func url(_ route: SiteRoute) -> String { route.absolute(publicURL) }

    func profile(_ organisation: Organisation, endorsements: [Endorsement] = [], publicKeys: [UUID] = []) throws -> OB2.Profile {
        let id = try organisation.requireID()
        var profile = OB2.Profile(
            id: url(.issuer(id)), name: organisation.name,
            url: organisation.website ?? url(.issuer(id)), email: organisation.contactEmail,
            description: organisation.descriptionFR.isEmpty ? nil : organisation.descriptionFR,
            image: organisation.logoData == nil ? nil : url(.issuerLogo(id)),
            revocationList: url(.revocationList(id)),
            endorsement: endorsements.compactMap { $0.id.map { url(.endorsement($0)) } })
        if !publicKeys.isEmpty { profile.publicKey = publicKeys.map { url(.ob2PublicKey($0)) } }
        return profile
    }

    /// The BadgeClass as published for awards made at `asOf` (nil: now): endorsements of a badge class
    /// show on awards issued after they were made, so each award names the moment it was made.
    func badgeClass(_ badgeClass: BadgeClass, endorsements: [Endorsement] = [], asOf: Date? = nil) throws -> OB2.BadgeClass {
        let id = try badgeClass.requireID()
        return OB2.BadgeClass(
            id: badgeURL(id, asOf: asOf), name: badgeClass.nameFR, description: badgeClass.descriptionFR,
            image: url(.badgeImage(id)),
            criteria: OB2.Criteria(id: badgeClass.criteriaURL, narrative: badgeClass.criteriaFR.isEmpty ? nil : badgeClass.criteriaFR),
            issuer: url(.issuer(badgeClass.$organisation.id)),
            tags: badgeClass.tags,
            alignment: badgeClass.alignments.map {
                OB2.AlignmentObject(targetName: $0.targetName, targetUrl: $0.targetURL, targetDescription: $0.targetDescription,
                                    targetFramework: $0.targetFramework, targetCode: $0.targetCode)
            },
            endorsement: endorsements.compactMap { $0.id.map { url(.endorsement($0)) } })
    }

    /// `/badges/{id}`, or `/badges/{id}?asOf=MILLISECONDS` for the badge class as an award made then saw it.
    func badgeURL(_ id: UUID, asOf: Date?) -> String {
        guard let asOf else { return url(.badge(id)) }
        return url(.badge(id)) + "?asOf=\(Int64((asOf.timeIntervalSince1970 * 1000).rounded(.down)))"
    }

    func endorsement(_ endorsement: Endorsement) throws -> OB2.Endorsement {
        let id = try endorsement.requireID()
        let subject = endorsement.$subjectBadgeClass.id.map { url(.badge($0)) } ?? url(.issuer(endorsement.$subjectOrganisation.id))
        let issuer = endorsement.$endorser.id.map { url(.issuer($0)) } ?? url(.externalEndorser(id))
        return OB2.Endorsement(id: url(.endorsement(id)), claim: .init(id: subject, endorsementComment: endorsement.comment),
                               issuer: issuer, issuedOn: endorsement.publishedAt ?? endorsement.createdAt ?? Date())
    }

    /// The Profile of someone outside the platform who endorsed: their name and affiliation, no e-mail in clear.
    func externalEndorser(_ endorsement: Endorsement) throws -> OB2.Profile {
        let id = try endorsement.requireID()
        return OB2.Profile(id: url(.externalEndorser(id)), name: endorsement.externalName ?? "", url: url(.externalEndorser(id)),
                           email: nil, description: endorsement.externalAffiliation, type: "Profile")
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
            badge: badgeURL(award.$badgeClass.id, asOf: award.issuedOn), issuedOn: award.issuedOn, expires: award.expires,
            image: url(.assertionImage(id)), evidence: evidence)
    }

    func revoked(_ award: Award) throws -> OB2.Revoked {
        .assertion(id: url(.assertion(try award.requireID())), revocationReason: award.revocationReason)
    }

    /// Signed copies are named by `urn:uuid:` (the hosted URL verifies by hosting), so both are listed.
    func revocationList(of organisationID: UUID, revoked: [Award], signedBadgeClasses: Set<UUID> = []) throws -> OB2.RevocationList {
        var entries: [OB2.RevocationList.Entry] = []
        for award in revoked {
            let id = try award.requireID()
            entries.append(.init(id: url(.assertion(id)), revocationReason: award.revocationReason))
            if signedBadgeClasses.contains(award.$badgeClass.id) {
                entries.append(.init(id: Self.signedID(id), revocationReason: award.revocationReason))
            }
        }
        return OB2.RevocationList(id: url(.revocationList(organisationID)), issuer: url(.issuer(organisationID)), revokedAssertions: entries)
    }

    static func signedID(_ awardID: UUID) -> String { "urn:uuid:" + awardID.uuidString.lowercased() }

    /// The assertion as signed: named by URN, verified by the issuer's key.
    func signedAssertion(_ award: Award, keyID: UUID) throws -> OB2.Assertion {
        var assertion = try assertion(award)
        assertion.id = Self.signedID(try award.requireID())
        assertion.verification = OB2.VerificationObject(type: "SignedBadge", creator: url(.ob2PublicKey(keyID)))
        return assertion
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
