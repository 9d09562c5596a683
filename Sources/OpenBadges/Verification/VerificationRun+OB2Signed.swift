import Foundation

extension VerificationRun {
    /// OB 2.0 signed verification: an RS256 JWS whose payload is the assertion, signed with the
    /// key at `verification.creator`, which must belong to the badge's issuer; revocation from
    /// the issuer's `revocationList`.
    func verifyOB2Signed(_ jws: CompactJWS) async {
        let assertion = jws.payload
        collectOB2Details(assertion)
        guard await step("signature", { try jws.checkAlgorithm(allowed: ["RS256"]) }) else { return }
        guard Self.ob2VerificationType(assertion) == "signed" else {
            fail("signature", "the assertion inside the JWS does not declare signed verification")
            return
        }
        guard let creator = assertion["verification"]?["creator"]?.stringValue else {
            fail("issuer-key", "the assertion does not say which key signed it (verification.creator)")
            return
        }
        var issuer: JSONValue = .null
        let completed = await step("signature") {
            let keyDocument = try await session.fetchJSON(creator, what: "the signing key", check: "issuer-key")
            guard keyDocument["id"]?.stringValue == creator, let pem = keyDocument["publicKeyPem"]?.stringValue else {
                throw VerificationFailure("issuer-key", "the document at \(creator) is not the CryptographicKey it should be")
            }
            let key = try VerificationKey(rsaPEM: pem)
            guard key.verify(signature: jws.signature, input: jws.signingInput) else {
                throw VerificationFailure("signature", "the RS256 signature does not match: the assertion was altered after signing, "
                    + "or signed with another key")
            }
            pass("signature", "RS256 signature valid")
            issuer = try await fetchOB2BadgeClassAndIssuer(assertion)
            try checkKeyOwner(keyDocument, creator: creator, issuer: issuer)
            try await checkOB2RevocationList(issuer, assertion: assertion)
        }
        guard completed else { return }
        checkOB2Expiry(assertion)
        checkOB2Recipient(assertion)
    }

    /// The key's `owner` is the issuer, or the issuer lists the key as its `publicKey`.
    private func checkKeyOwner(_ key: JSONValue, creator: String, issuer: JSONValue) throws {
        let issuerID = issuer["id"]?.stringValue
        let listed = issuer["publicKey"]?.asArray.contains { $0.stringValue == creator || $0["id"]?.stringValue == creator } ?? false
        guard listed || (issuerID != nil && key["owner"]?.stringValue == issuerID) else {
            throw VerificationFailure("issuer-key", "the signing key \(FetchSession.shortened(creator)) does not belong to the issuer "
                + "\(issuerID ?? "(unknown)")")
        }
        pass("issuer-key", "the signing key belongs to the issuer (\(FetchSession.shortened(creator)))")
    }

    private func checkOB2RevocationList(_ issuer: JSONValue, assertion: JSONValue) async throws {
        guard let url = issuer["revocationList"]?.stringValue else {
            pass("revocation", "the issuer publishes no revocation list")
            return
        }
        let list = try await session.fetchJSON(url, what: "the revocation list", check: "revocation")
        guard list["type"]?.asArray.contains("RevocationList") == true else {
            throw VerificationFailure("revocation", "the issuer's revocation list at \(url) is not a RevocationList")
        }
        let id = assertion["id"]?.stringValue
        let entry = list["revokedAssertions"]?.asArray.first { $0.stringValue == id || $0["id"]?.stringValue == id }
        if let entry {
            revoked = true
            let reason = entry["revocationReason"]?.stringValue.map { " (\(FetchSession.shortened($0)))" } ?? ""
            throw VerificationFailure("revocation", "the issuer has revoked this badge" + reason)
        }
        pass("revocation", "not revoked (revocation list \(FetchSession.shortened(url)))")
    }
}
