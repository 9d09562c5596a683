import Foundation

/// Where a document came from, when it was fetched: an OB 2.0 hosted assertion is only
/// authentic as the answer of its own URL.
struct FetchOrigin {
    var url: String
    var status: Int
}

extension VerificationRun {
    static let badgeAccept = "application/ld+json, application/json;q=0.9, application/vc+jwt;q=0.9, application/jwt;q=0.8, "
        + "image/png;q=0.8, image/svg+xml;q=0.8, text/plain;q=0.5"

    func verifyURL(_ url: String, depth: Int) async {
        guard depth <= BadgeVerifier.maxDepth else {
            fail("input", "the badge nests documents too deeply (more than \(BadgeVerifier.maxDepth) levels)")
            return
        }
        await step("input") {
            let resource = try await session.fetch(url, accept: Self.badgeAccept, what: "the badge", check: "input")
            guard resource.status == 200 || resource.status == 410 else {
                throw VerificationFailure("input", "the badge at \(url) answered HTTP \(resource.status)")
            }
            await verifyBytes(resource.body, fetchedFrom: FetchOrigin(url: url, status: resource.status), depth: depth)
        }
    }

    /// Recognises the input by its content (never by a file name or media type, which the holder
    /// controls as much as the content).
    func verifyBytes(_ data: Data, fetchedFrom origin: FetchOrigin?, depth: Int) async {
        guard !data.isEmpty else { fail("input", "the input is empty"); return }
        // Gone is an answer only OB 2.0 hosted assertions give meaning to (revoked).
        if let origin, origin.status == 410, (try? JSONValue(data: data)).flatMap(Self.ob2Assertion) == nil {
            fail("input", "the badge at \(origin.url) is gone (HTTP 410)")
            return
        }
        if PNGFile.hasSignature(data) {
            await verifyPNG(data, depth: depth)
        } else if Self.looksLikeMarkup(data) {
            await verifySVG(data, depth: depth)
        } else if let text = String(data: data, encoding: .utf8) {
            // Editors on some systems start UTF-8 files with a byte-order mark.
            let trimmed = text.trimmingCharacters(in: CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}")))
            await verifyText(trimmed, fetchedFrom: origin, fromImage: false, depth: depth)
        } else {
            fail("input", "the input is neither a PNG or SVG image nor UTF-8 text")
        }
    }

    func verifyText(_ text: String, fetchedFrom origin: FetchOrigin?, fromImage: Bool, depth: Int) async {
        if text.hasPrefix("{") {
            let json: JSONValue
            do {
                json = try JSONValue(data: Data(text.utf8))
            } catch {
                fail("document", "the input is not well-formed JSON (\(error))")
                return
            }
            await verifyJSON(json, fetchedFrom: origin, depth: depth)
        } else if CompactJWS.looksLikeCompactJWS(text) {
            await verifyJWS(text, depth: depth)
        } else if fromImage, text.hasPrefix("https://") || text.hasPrefix("http://") {
            await verifyURL(text, depth: depth + 1)
        } else if text.hasPrefix("[") {
            fail("document", "the input is a JSON array, not a badge")
        } else {
            fail("input", "the input is not a badge: expected JSON, a compact JWS or JWT, or a baked PNG or SVG image"
                + (fromImage ? " (or a URL baked into the image)" : ""))
        }
    }

    func verifyJSON(_ json: JSONValue, fetchedFrom origin: FetchOrigin?, depth: Int) async {
        guard case .object = json else { fail("document", "the document is not a JSON object"); return }
        let contexts = json["@context"]?.asArray.compactMap(\.stringValue) ?? []
        let types = json["type"]?.asArray.compactMap(\.stringValue) ?? []
        if contexts.contains(OB3.credentialsContext) || types.contains("VerifiableCredential") {
            format = .ob3DataIntegrity
            await verifyOB3DataIntegrity(json)
        } else if let assertion = Self.ob2Assertion(json) {
            await verifyOB2Assertion(assertion, fetchedFrom: origin)
        } else {
            fail("format", "the document is neither an Open Badges 2.0 assertion nor a Verifiable Credential")
        }
    }

    func verifyJWS(_ text: String, depth: Int) async {
        let jws: CompactJWS
        do {
            jws = try CompactJWS(text)
        } catch let failure as VerificationFailure {
            record(failure)
            return
        } catch {
            fail("document", "\(error)")
            return
        }
        let payload = jws.payload
        let contexts = (payload["vc"] ?? payload)["@context"]?.asArray.compactMap(\.stringValue) ?? []
        let types = (payload["vc"] ?? payload)["type"]?.asArray.compactMap(\.stringValue) ?? []
        if payload["vc"] != nil || contexts.contains(OB3.credentialsContext) || types.contains("VerifiableCredential") {
            format = .ob3JWT
            await verifyOB3JWT(jws)
        } else if Self.ob2Assertion(payload) != nil {
            format = .ob2Signed
            await verifyOB2Signed(jws)
        } else {
            fail("format", "the JWS payload is neither an Open Badges 2.0 assertion nor a Verifiable Credential")
        }
    }

    /// The JSON as an OB 2.0 assertion, recognised by its context or type.
    static func ob2Assertion(_ json: JSONValue) -> JSONValue? {
        guard case .object = json else { return nil }
        let contexts = json["@context"]?.asArray.compactMap(\.stringValue) ?? []
        let types = json["type"]?.asArray.compactMap(\.stringValue) ?? []
        // Not `? json : nil`: JSONValue takes `nil` as JSON null, which would make every object match.
        guard contexts.contains(OB2.context) || types.contains("Assertion") else { return nil }
        return json
    }

    /// Starts with `<` once a byte-order mark and blanks are skipped: XML, perhaps SVG.
    static func looksLikeMarkup(_ data: Data) -> Bool {
        var bytes = data.prefix(1024)[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        return bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) } == UInt8(ascii: "<")
    }
}
