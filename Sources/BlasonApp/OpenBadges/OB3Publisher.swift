import BlasonCore
import Crypto
import BlasonPersistence
import Fluent
import Foundation
import OpenBadges

/// Builds and signs the Open Badges 3.0 documents Blason publishes. Like Open Badges 2.0 they are
/// in French, the programme's language. Every document is signed with the key that was in use on
/// its date, so fetching it again after a rotation gives the same bytes (Ed25519 is deterministic).
struct OB3Publisher {
    let publicURL: String
    let db: any Database
    let keys: KeyService
    let endorsements: EndorsementService

    func url(_ route: SiteRoute) -> String { route.absolute(publicURL) }

    /// How many status bits one published list holds; larger issuers get several lists.
    static let statusListBits = OB3.StatusList.minimumBits

    // MARK: Profiles and achievements

    /// The verification method id of a key: under the Profile's id, as verifiers require.
    func verificationMethodID(_ key: SigningKey) throws -> String {
        url(.ob3Issuer(key.$organisation.id)) + "#key-" + (try key.requireID()).uuidString.lowercased()
    }

    func verificationMethods(_ organisationID: UUID) async throws -> [OB3.VerificationMethod] {
        var all = try await keys.all(organisationID)
        if !all.contains(where: { $0.algorithm == .ed25519 }) {
            all.append(try await keys.active(organisationID, .ed25519))
        }
        return try all.map { key in
            let jwk = KeyService.jwk(key)
            let id = try verificationMethodID(key)
            if key.algorithm == .ed25519, let x = jwk["x"], let raw = JOSEBase64URL.decode(x),
               let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) {
                return OB3.VerificationMethod(id: id, controller: url(.ob3Issuer(key.$organisation.id)), key: .multikey(Multikey.encode(publicKey)))
            }
            return OB3.VerificationMethod(id: id, controller: url(.ob3Issuer(key.$organisation.id)), key: .jwk(jwk))
        }
    }

    func profile(_ organisation: Organisation, withKeys: Bool = false) async throws -> OB3.Profile {
        let id = try organisation.requireID()
        return OB3.Profile(
            id: url(.ob3Issuer(id)), name: organisation.name, url: organisation.website ?? url(.issuer(id)),
            email: organisation.contactEmail, description: organisation.descriptionFR.isEmpty ? nil : organisation.descriptionFR,
            imageURL: organisation.logoData == nil ? nil : url(.issuerLogo(id)),
            verificationMethods: withKeys ? try await verificationMethods(id) : [])
    }

    /// The issuer's Profile document: its keys, and the endorsements of the organisation.
    func profileDocument(_ organisation: Organisation) async throws -> JSONValue {
        var document = try await profile(organisation, withKeys: true).document
        let published = try await self.endorsements.published(organisation: organisation.requireID())
        let signed = try await endorsementCredentials(published)
        if !signed.isEmpty { document["endorsement"] = .array(signed) }
        return document
    }

    /// The JWK Set of the issuer: every key, active and retired, by its verification method id.
    func jwks(_ organisationID: UUID) async throws -> JSONValue {
        var all = try await keys.all(organisationID)
        if all.isEmpty { all = [try await keys.active(organisationID, .ed25519)] }
        return ["keys": .array(try all.map { key in
            var jwk = JSONValue.object(KeyService.jwk(key).mapValues { .string($0) })
            jwk["kid"] = .string(try verificationMethodID(key))
            jwk["use"] = "sig"
            return jwk
        })]
    }

    func achievement(_ badgeClass: BadgeClass, issuer: OB3.Profile) throws -> OB3.Achievement {
        let id = try badgeClass.requireID()
        return OB3.Achievement(
            id: url(.ob3Achievement(id)), name: badgeClass.nameFR, description: badgeClass.descriptionFR,
            criteriaNarrative: badgeClass.criteriaFR.isEmpty ? nil : badgeClass.criteriaFR, criteriaURL: badgeClass.criteriaURL,
            imageURL: url(.badgeImage(id)),
            alignments: badgeClass.alignments.map {
                OB3.Achievement.Alignment(targetName: $0.targetName, targetURL: $0.targetURL, targetDescription: $0.targetDescription,
                                          targetFramework: $0.targetFramework, targetCode: $0.targetCode)
            },
            tags: badgeClass.tags, creator: issuer, language: "fr")
    }

    /// The Achievement document, with the badge class's current endorsements.
    func achievementDocument(_ badgeClass: BadgeClass) async throws -> JSONValue {
        guard let organisation = try await Organisation.find(badgeClass.$organisation.id, on: db) else { throw BlasonError.notFound }
        var document = try achievement(badgeClass, issuer: try await profile(organisation)).document
        let published = try await self.endorsements.published(badgeClass: badgeClass.requireID(), asOf: nil)
        let signed = try await endorsementCredentials(published)
        if !signed.isEmpty { document["endorsement"] = .array(signed) }
        return document
    }

    // MARK: Credentials

    /// The award's `OpenBadgeCredential`, unsigned. Badge class endorsements made after the award
    /// do not show on it, as for Open Badges 2.0.
    func credential(_ award: Award) async throws -> JSONValue {
        let badgeClass = try await award.$badgeClass.get(on: db)
        guard let organisation = try await Organisation.find(award.$organisation.id, on: db) else { throw BlasonError.notFound }
        try await StatusAllocator(db: db).ensure(award)
        let basis = try await credentialBasis(badgeClass, organisation: organisation)
        return try credential(award, basis: basis, endorsements: try await achievementEndorsements(badgeClass, issuedOn: award.issuedOn))
    }

    /// What the credentials of one badge class share.
    struct CredentialBasis {
        var badgeClass: BadgeClass
        var issuer: OB3.Profile
        var achievement: OB3.Achievement
    }

    func credentialBasis(_ badgeClass: BadgeClass, organisation: Organisation) async throws -> CredentialBasis {
        let issuer = try await profile(organisation)
        return CredentialBasis(badgeClass: badgeClass, issuer: issuer, achievement: try achievement(badgeClass, issuer: issuer))
    }

    /// The signed endorsements of the badge class an award issued on `issuedOn` carries.
    func achievementEndorsements(_ badgeClass: BadgeClass, issuedOn: Date) async throws -> [JSONValue] {
        let published = try await self.endorsements.published(badgeClass: badgeClass.requireID(),
                                                              asOf: issuedOn.addingTimeInterval(0.000_999))
        return try await endorsementCredentials(published)
    }

    /// The unsigned credential from what was loaded: no database work, so many can be built at once.
    func credential(_ award: Award, basis: CredentialBasis, endorsements: [JSONValue]) throws -> JSONValue {
        let id = try award.requireID()
        var evidence: [OB3.Evidence] = []
        if award.evidenceURL != nil || award.narrative != nil {
            evidence.append(OB3.Evidence(id: award.evidenceURL, narrative: award.narrative))
        }
        let credential = OB3.Credential(
            id: url(.ob3Credential(id)), name: basis.badgeClass.nameFR, issuer: basis.issuer, validFrom: award.issuedOn,
            validUntil: award.expires, identifier: OB3.Identifier(identityHash: award.identityHash, salt: award.salt),
            achievement: basis.achievement, evidence: evidence,
            status: statusEntry(award.$organisation.id, index: award.statusIndex ?? 0),
            achievementEndorsements: endorsements, subjectID: "urn:uuid:" + id.uuidString.lowercased())
        return credential.json
    }

    /// The credential as a VC-JWT signed with the issuer's key of `algorithm`.
    func jwt(_ award: Award, algorithm: SigningKey.Algorithm = .ed25519) async throws -> String {
        let key = try await keys.signingKey(award.$organisation.id, algorithm, at: award.issuedOn)
        return try await VCJWT.sign(credential: try await credential(award), key: try joseKey(key), kid: try verificationMethodID(key))
    }

    func statusEntry(_ organisationID: UUID, index: Int) -> OB3.StatusEntry {
        OB3.StatusEntry(listCredential: url(.ob3StatusList(organisationID, index / Self.statusListBits)), index: index % Self.statusListBits)
    }

    // MARK: Signing

    func signDataIntegrity(_ document: JSONValue, organisationID: UUID, date: Date) async throws -> JSONValue {
        try await credentialSigner(organisationID, at: date).sign(document)
    }

    func joseKey(_ key: SigningKey) throws -> JOSESigningKey {
        switch try keys.privateKey(key) {
        case .ed25519(let privateKey): .ed25519(privateKey)
        case .p256(let privateKey): .es256(privateKey)
        case .rsa(let privateKey): .rs256(privateKey)
        }
    }
}
