import Foundation
import JWTKit

/// Open Badges 3.0 credentials secured as VC-JWT (OB 3.0 §8.2, VCDM 2.0 with JOSE).
public enum VCJWT {
    /// The JWT claims of an OB 3.0 credential, in the VCDM 2.0 native form: the credential itself
    /// is the payload, plus `iss` = issuer id, `jti` = credential id, `sub` = credentialSubject.id
    /// (or, when absent, the credential id), `nbf` = validFrom in seconds, `exp` = validUntil in
    /// seconds when present, and `iat` = `nbf`.
    ///
    /// Throws when the credential lacks an id, an issuer id or a readable `validFrom`: OB 3.0
    /// makes `iss`, `jti` and `nbf` required, and a verifier compares them with the credential.
    public static func claims(of credential: JSONValue) throws -> JSONValue {
        guard case .object = credential else { throw JOSEError("the credential is not a JSON object") }
        guard let id = credential["id"]?.stringValue else { throw JOSEError("the credential has no id") }
        guard let issuer = issuerID(of: credential) else { throw JOSEError("the credential has no issuer id") }
        guard let validFromText = credential["validFrom"]?.stringValue,
              let validFrom = OB3.parseDateTime(validFromText) else {
            throw JOSEError("the credential has no readable validFrom")
        }
        var claims = credential
        // A JWT is secured by its signature; an embedded proof would be a second, unrelated one.
        claims["proof"] = nil
        claims["iss"] = .string(issuer)
        claims["jti"] = .string(id)
        claims["sub"] = .string(credential["credentialSubject"]?["id"]?.stringValue ?? id)
        let notBefore = Int(validFrom.timeIntervalSince1970.rounded(.down))
        claims["nbf"] = .int(notBefore)
        claims["iat"] = .int(notBefore)
        if let validUntilText = credential["validUntil"]?.stringValue {
            guard let validUntil = OB3.parseDateTime(validUntilText) else {
                throw JOSEError("the credential's validUntil is not a date-time")
            }
            claims["exp"] = .int(Int(validUntil.timeIntervalSince1970.rounded(.down)))
        }
        return claims
    }

    /// The credential as a compact JWS with header `{"alg":…,"kid":kid,"typ":"vc+jwt"}`, signed
    /// with jwt-kit. `kid` should name the key where verifiers can find it (a URL under the
    /// issuer's id, with a fragment, or a `did:key`).
    public static func sign(credential: JSONValue, key: JOSESigningKey, kid: String) async throws -> String {
        let payload = JOSEPayload(try claims(of: credential))
        let collection = try await key.keyCollection(kid: kid)
        var header = JWTHeader()
        header.alg = key.algorithm
        header.kid = kid
        header.typ = "vc+jwt"
        return try await collection.sign(payload, kid: JWKIdentifier(string: kid), header: header)
    }

    /// The issuer's id, whether the issuer is written as a string or as a Profile object.
    static func issuerID(of credential: JSONValue) -> String? {
        if let id = credential["issuer"]?.stringValue { return id }
        return credential["issuer"]?["id"]?.stringValue
    }
}
