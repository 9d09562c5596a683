import _CryptoExtras
import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import OpenBadges

/// Signed Open Badges 2.0 (JWS, RS256) for badge classes that offer them: the issuer's RSA key
/// signs, its public half is a `CryptographicKey` listed on the Profile.
struct OB2Signer {
    let publisher: OB2Publisher
    let keys: KeyService

    func jws(_ award: Award) async throws -> String {
        let key = try await keys.signingKey(award.$organisation.id, .rs256, at: award.issuedOn)
        guard case .rsa(let privateKey) = try keys.privateKey(key) else { throw BlasonError.notFound }
        let assertion = try publisher.signedAssertion(award, keyID: try key.requireID())
        return try await OB2JWS.sign(assertion: OB2.json(assertion), key: privateKey)
    }

    /// The RSA keys of the organisation (active and retired), for its Profile.
    func publicKeyIDs(_ organisationID: UUID) async throws -> [UUID] {
        try await keys.all(organisationID).filter { $0.algorithm == .rs256 }.compactMap(\.id)
    }

    func cryptographicKey(_ key: SigningKey) throws -> OB2.CryptographicKey {
        let jwk = KeyService.jwk(key)
        guard key.algorithm == .rs256, let n = jwk["n"].flatMap(JOSEBase64URL.decode), let e = jwk["e"].flatMap(JOSEBase64URL.decode) else {
            throw BlasonError.notFound
        }
        let publicKey = try _RSA.Signing.PublicKey(n: n, e: e)
        return OB2.CryptographicKey(id: publisher.url(.ob2PublicKey(try key.requireID())), owner: publisher.url(.issuer(key.$organisation.id)),
                                    publicKeyPem: publicKey.pemRepresentation)
    }
}
