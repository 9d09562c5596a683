import Foundation

/// What an OB 3.0 document is being verified as: the badge itself, or the status list that says
/// whether the badge is revoked (a credential too, with its own proof, but no status of its own).
enum OB3Role {
    case badge
    case statusList

    var expectedTypes: [String] {
        switch self {
        case .badge: ["OpenBadgeCredential", "AchievementCredential", "EndorsementCredential"]
        case .statusList: ["BitstringStatusListCredential"]
        }
    }
}

extension VerificationRun {
    static let jwtClaimNames: Set<String> = ["iss", "sub", "aud", "exp", "nbf", "iat", "jti"]

    static func issuerID(of credential: JSONValue) -> String? {
        credential["issuer"]?.stringValue ?? credential["issuer"]?["id"]?.stringValue
    }

    /// The credential's structure: a VCDM 2.0 context first, only contexts bundled with this
    /// library (they are never fetched), and the expected types.
    func checkOB3Document(_ credential: JSONValue, role: OB3Role) throws {
        guard case .object = credential else { throw VerificationFailure("document", "the credential is not a JSON object") }
        let contexts = credential["@context"]?.asArray ?? []
        guard contexts.first == .string(OB3.credentialsContext) else {
            throw VerificationFailure("context", "the credential's first @context must be \(OB3.credentialsContext)")
        }
        for case .string(let url) in contexts where BundledContexts.files[url] == nil {
            throw VerificationFailure("context", "the context \(FetchSession.shortened(url)) is not one this verifier knows "
                + "(contexts are never fetched, so its terms cannot be checked)")
        }
        let types = credential["type"]?.asArray.compactMap(\.stringValue) ?? []
        guard types.contains("VerifiableCredential") else {
            throw VerificationFailure("document", "the credential's type does not include VerifiableCredential")
        }
        guard types.contains(where: role.expectedTypes.contains) else {
            throw VerificationFailure("document", "the credential's type does not include \(role.expectedTypes.joined(separator: " or "))")
        }
        guard let id = Self.issuerID(of: credential), !id.isEmpty else {
            throw VerificationFailure("document", "the credential names no issuer id")
        }
        if let validFrom = credential["validFrom"], validFrom.stringValue.flatMap(OB3.parseDateTime) == nil {
            throw VerificationFailure("document", "the credential's validFrom is not a date-time")
        }
        if let validUntil = credential["validUntil"], validUntil.stringValue.flatMap(OB3.parseDateTime) == nil {
            throw VerificationFailure("document", "the credential's validUntil is not a date-time")
        }
    }

    /// The badge's name, issuer, recipient and dates, for the verdict.
    func collectOB3Details(_ credential: JSONValue) {
        let subject = credential["credentialSubject"]?.asArray.first
        badgeName = subject?["achievement"]?["name"]?.stringValue ?? credential["name"]?.stringValue
        issuerID = Self.issuerID(of: credential)
        issuerName = credential["issuer"]?["name"]?.stringValue
        recipient = subject?["id"]?.stringValue ?? subject?["identifier"]?.asArray.first?["identityHash"]?.stringValue
        issuedOn = credential["validFrom"]?.stringValue.flatMap(OB3.parseDateTime)
        expires = credential["validUntil"]?.stringValue.flatMap(OB3.parseDateTime)
    }

    /// `validFrom` and `validUntil` against `now`.
    func checkValidityPeriod(_ credential: JSONValue) {
        let validFrom = credential["validFrom"]?.stringValue.flatMap(OB3.parseDateTime)
        let validUntil = credential["validUntil"]?.stringValue.flatMap(OB3.parseDateTime)
        if let validFrom, validFrom > now {
            fail("not-before", "the credential is not valid before \(OB3.dateTime(validFrom))")
        }
        if let validUntil, validUntil < now {
            fail("expiry", "the credential expired on \(OB3.dateTime(validUntil))")
        } else {
            pass("expiry", validUntil.map { "valid until \(OB3.dateTime($0))" } ?? "no expiry date")
        }
    }

    /// The recipient, when the user said whom the badge should belong to: an `emailAddress`
    /// identifier of the credential subject, hashed (`sha256$` with its salt) or plain.
    func checkOB3Recipient(_ credential: JSONValue) {
        guard let expected = options.expectedRecipient else { return }
        let identifiers = (credential["credentialSubject"]?.asArray.first?["identifier"]?.asArray ?? [])
            .filter { $0["identityType"]?.stringValue == "emailAddress" }
        guard !identifiers.isEmpty else {
            fail("recipient", "the credential does not identify its recipient by e-mail address")
            return
        }
        let matches = identifiers.contains { identifier in
            guard let identity = identifier["identityHash"]?.stringValue else { return false }
            let hashed = identifier["hashed"]?.boolValue ?? identity.hasPrefix("sha256$")
            return OB2.IdentityObject(type: "email", hashed: hashed, salt: identifier["salt"]?.stringValue, identity: identity)
                .matches(email: expected)
        }
        if matches {
            pass("recipient", "awarded to \(expected)")
        } else {
            fail("recipient", "the badge was not awarded to \(expected)")
        }
    }

    /// Safe-mode JSON-LD processing with the bundled contexts: every term defined, nothing
    /// dropped. Data Integrity does this as part of canonicalization; a JWT gets it here, so that
    /// both forms make the same claims about the document.
    func checkJSONLD(_ credential: JSONValue) {
        var document = credential
        for claim in Self.jwtClaimNames { document[claim] = nil }
        do {
            _ = try JSONLD.toRDF(document, options: .safe)
            pass("context", "valid JSON-LD with the bundled contexts")
        } catch {
            fail("context", "the credential is not valid JSON-LD with the bundled contexts (\(error))")
        }
    }

    /// Verifies an OB 3.0 document fetched as a status list, or given as a badge, in either form.
    /// Returns the credential when it was read far enough to have one.
    func verifyOB3Document(_ data: Data, role: OB3Role) async -> JSONValue? {
        guard let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines) else {
            fail("document", "the document is not UTF-8 text")
            return nil
        }
        if text.hasPrefix("{") {
            guard let json = try? JSONValue(data: Data(text.utf8)) else {
                fail("document", "the document is not well-formed JSON")
                return nil
            }
            await verifyOB3DataIntegrity(json, role: role)
            return json
        }
        guard CompactJWS.looksLikeCompactJWS(text) else {
            fail("document", "the document is neither JSON nor a compact JWT")
            return nil
        }
        do {
            let jws = try CompactJWS(text)
            await verifyOB3JWT(jws, role: role)
            return jws.payload["vc"] ?? jws.payload
        } catch let failure as VerificationFailure {
            record(failure)
        } catch {
            fail("document", "\(error)")
        }
        return nil
    }
}
