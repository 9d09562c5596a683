import Foundation

extension VerificationRun {
    /// An OB 2.0 assertion given as JSON. Only hosted assertions can be verified from JSON: the
    /// copy in hand proves nothing, the issuer's server answering at the assertion's id does.
    func verifyOB2Assertion(_ assertion: JSONValue, fetchedFrom origin: FetchOrigin?) async {
        collectOB2Details(assertion)
        switch Self.ob2VerificationType(assertion) {
        case "hosted":
            format = .ob2Hosted
            await verifyOB2Hosted(assertion, fetchedFrom: origin)
        case "signed":
            format = .ob2Signed
            fail("signature", "this assertion is signed: it must be verified from its JWS (the signed token), not from its JSON")
        default:
            fail("document", "the assertion's verification type must be hosted or signed")
        }
    }

    /// `hosted` or `signed`, from the 2.0 names and the JSON-LD expanded ones badgecheck writes.
    static func ob2VerificationType(_ assertion: JSONValue) -> String? {
        switch assertion["verification"]?["type"]?.asArray.first?.stringValue?.lowercased() {
        case "hosted", "hostedbadge": "hosted"
        case "signed", "signedbadge": "signed"
        default: nil
        }
    }

    func collectOB2Details(_ assertion: JSONValue) {
        recipient = assertion["recipient"]?["identity"]?.stringValue
        issuedOn = assertion["issuedOn"]?.stringValue.flatMap(Self.ob2Date)
        expires = assertion["expires"]?.stringValue.flatMap(Self.ob2Date)
    }

    /// OB 2.0 DateTime: ISO 8601 with a time zone, or (for older issuers) a plain date.
    static func ob2Date(_ text: String) -> Date? {
        if let date = OB3.parseDateTime(text) { return date }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return text.count == 10 ? formatter.date(from: text) : nil
    }

    /// The badge class and its issuer, fetched (or embedded), with the right types. Returns the
    /// issuer profile.
    func fetchOB2BadgeClassAndIssuer(_ assertion: JSONValue) async throws -> JSONValue {
        let badge: JSONValue
        switch assertion["badge"] {
        case .string(let url): badge = try await session.fetchJSON(url, what: "the badge class", check: "badge-class")
        case .some(.object(let members)): badge = .object(members)
        default: throw VerificationFailure("badge-class", "the assertion names no badge class")
        }
        guard badge["type"]?.asArray.contains("BadgeClass") == true else {
            throw VerificationFailure("badge-class", "the assertion's badge is not a BadgeClass")
        }
        badgeName = badge["name"]?.stringValue
        pass("badge-class", "badge class \(FetchSession.shortened(badgeName ?? badge["id"]?.stringValue ?? "(unnamed)"))")
        let issuer: JSONValue
        switch badge["issuer"] {
        case .string(let url): issuer = try await session.fetchJSON(url, what: "the issuer profile", check: "issuer")
        case .some(.object(let members)): issuer = .object(members)
        default: throw VerificationFailure("issuer", "the badge class names no issuer")
        }
        let types = issuer["type"]?.asArray.compactMap(\.stringValue) ?? []
        guard types.contains("Issuer") || types.contains("Profile") else {
            throw VerificationFailure("issuer", "the badge class's issuer is not an Issuer profile")
        }
        if let url = badge["issuer"]?.stringValue, issuer["id"]?.stringValue != url {
            throw VerificationFailure("issuer", "the issuer profile at \(url) has another id")
        }
        issuerID = issuer["id"]?.stringValue
        issuerName = issuer["name"]?.stringValue
        pass("issuer", "issued by \(FetchSession.shortened(issuerName ?? issuerID ?? "(unnamed)"))")
        return issuer
    }

    /// The assertion's `expires` against `now`.
    func checkOB2Expiry(_ assertion: JSONValue) {
        guard let text = assertion["expires"]?.stringValue else {
            pass("expiry", "no expiry date")
            return
        }
        guard let date = Self.ob2Date(text) else { fail("expiry", "the expiry date is not a date"); return }
        if date < now {
            fail("expiry", "the badge expired on \(OB3.dateTime(date))")
        } else {
            pass("expiry", "valid until \(OB3.dateTime(date))")
        }
    }

    /// The recipient, when the user said whom the badge should belong to: an e-mail identity,
    /// plain or hashed (`sha256$`) with its salt.
    func checkOB2Recipient(_ assertion: JSONValue) {
        guard let expected = options.expectedRecipient else { return }
        let recipient = assertion["recipient"]
        guard let identity = recipient?["identity"]?.stringValue else {
            fail("recipient", "the assertion has no recipient identity")
            return
        }
        guard recipient?["type"]?.stringValue == "email" else {
            fail("recipient", "the recipient is identified by \(recipient?["type"]?.stringValue ?? "nothing"), not an e-mail address")
            return
        }
        let hashed = recipient?["hashed"]?.boolValue ?? (recipient?["hashed"]?.stringValue == "true")
        let object = OB2.IdentityObject(type: "email", hashed: hashed, salt: recipient?["salt"]?.stringValue, identity: identity)
        if object.matches(email: expected) {
            pass("recipient", "awarded to \(expected)")
        } else {
            fail("recipient", "the badge was not awarded to \(expected)")
        }
    }
}
