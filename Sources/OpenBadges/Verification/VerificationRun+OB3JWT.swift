import Foundation

extension VerificationRun {
    static let jwtAlgorithms = ["EdDSA", "ES256", "RS256"]

    /// An OB 3.0 credential secured as a VC-JWT (OB 3.0 §8.2): the VCDM 2.0 native form, where
    /// the payload is the credential with JWT claims added, or the older form with a `vc` claim.
    func verifyOB3JWT(_ jws: CompactJWS, role: OB3Role = .badge) async {
        let credential = jws.payload["vc"] ?? jws.payload
        if role == .badge {
            format = .ob3JWT
            collectOB3Details(credential)
        }
        guard await step("signature", { try jws.checkAlgorithm(allowed: Self.jwtAlgorithms) }),
              await step("document", { try checkOB3Document(credential, role: role) }) else { return }
        let algorithm = jws.algorithm ?? ""
        var key: VerificationKey?
        guard await step("issuer-key", {
            key = try await jwtKey(kid: jws.header["kid"]?.stringValue, issuerID: Self.issuerID(of: credential))
        }), let key else { return }
        guard key.algorithm == algorithm else {
            fail("signature", "the JWT says \(algorithm) but the issuer's key is a \(key.algorithm) key")
            return
        }
        guard key.verify(signature: jws.signature, input: jws.signingInput) else {
            fail("signature", "the \(algorithm) signature does not match: the credential was altered after signing, or signed with another key")
            return
        }
        pass("signature", "\(algorithm) signature valid")
        checkJSONLD(credential)
        await step("claims") {
            try checkJWTClaims(jws.payload, credential: credential)
            pass("claims", "the JWT claims (iss, jti, sub, nbf, exp) agree with the credential")
        }
        checkValidityPeriod(credential)
        guard role == .badge else { return }
        checkOB3Recipient(credential)
        await checkStatus(credential)
    }

    /// OB 3.0 §8.2.4.1: `iss`, `jti`, `nbf` and `sub` are required and must say what the
    /// credential says; `exp` too when present; and the token's own dates must hold `now`.
    private func checkJWTClaims(_ payload: JSONValue, credential: JSONValue) throws {
        for claim in ["iss", "jti", "nbf", "sub"] where payload[claim] == nil {
            throw VerificationFailure("claims", "the JWT lacks the required claim \(claim)")
        }
        guard payload["iss"]?.stringValue == Self.issuerID(of: credential) else {
            throw VerificationFailure("claims", "the JWT's iss is not the credential's issuer id")
        }
        guard let id = credential["id"]?.stringValue, payload["jti"]?.stringValue == id else {
            throw VerificationFailure("claims", "the JWT's jti is not the credential's id")
        }
        let subject = credential["credentialSubject"]?.asArray.first?["id"]?.stringValue
        if let subject, payload["sub"]?.stringValue != subject {
            throw VerificationFailure("claims", "the JWT's sub is not the credential subject's id")
        }
        guard let notBefore = payload["nbf"]?.numberValue else {
            throw VerificationFailure("claims", "the JWT's nbf is not a number")
        }
        if let validFrom = credential["validFrom"]?.stringValue.flatMap(OB3.parseDateTime),
           Int(notBefore.rounded(.down)) != Int(validFrom.timeIntervalSince1970.rounded(.down)) {
            throw VerificationFailure("claims", "the JWT's nbf is not the credential's validFrom")
        }
        var expiry: Double?
        if let exp = payload["exp"] {
            guard let value = exp.numberValue else { throw VerificationFailure("claims", "the JWT's exp is not a number") }
            expiry = value
            if let validUntil = credential["validUntil"]?.stringValue.flatMap(OB3.parseDateTime),
               Int(value.rounded(.down)) != Int(validUntil.timeIntervalSince1970.rounded(.down)) {
                throw VerificationFailure("claims", "the JWT's exp is not the credential's validUntil")
            }
        }
        if let expiry, expiry < now.timeIntervalSince1970 {
            throw VerificationFailure("expiry", "the JWT expired on \(OB3.dateTime(Date(timeIntervalSince1970: expiry)))")
        }
        // A minute's grace for clocks that disagree, as the independent verifier allows.
        if notBefore > now.timeIntervalSince1970 + 60 {
            throw VerificationFailure("not-before", "the JWT is not valid before \(OB3.dateTime(Date(timeIntervalSince1970: notBefore)))")
        }
    }
}
