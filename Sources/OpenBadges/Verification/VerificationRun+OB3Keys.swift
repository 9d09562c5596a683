import Crypto
import Foundation

extension VerificationRun {
    /// The Ed25519 key of a Data Integrity `verificationMethod`: a `did:key` offline, or a method
    /// published in the issuer's own document (its id, without the fragment, must be the issuer's
    /// id: a key published by anyone else cannot vouch for this issuer).
    func dataIntegrityKey(method: String, issuerID: String?) async throws -> Curve25519.Signing.PublicKey {
        if method.hasPrefix("did:key:") {
            let key = try didKey(method, issuerID: issuerID)
            guard case .ed25519(let ed25519) = key else { throw VerificationFailure("issuer-key", "the did:key is not an Ed25519 key") }
            return ed25519
        }
        let document = Self.withoutFragment(method)
        guard let issuerID, document == issuerID else {
            throw VerificationFailure("issuer-key", "the key \(FetchSession.shortened(method)) is not published under the issuer's id "
                + "\(issuerID ?? "(none)"): a key from elsewhere cannot vouch for this issuer")
        }
        let key = try await publishedKey(method, documentURL: document, issuerID: issuerID)
        guard case .ed25519(let ed25519) = key else {
            throw VerificationFailure("issuer-key", "the key \(FetchSession.shortened(method)) is not an Ed25519 key, as eddsa-rdfc-2022 needs")
        }
        pass("issuer-key", "the key is published in the issuer's profile (\(FetchSession.shortened(method)))")
        return ed25519
    }

    /// The key of a VC-JWT `kid`: a `did:key` offline, or a JWK, JWK Set or profile fetched from the
    /// kid's URL, which must be the issuer's id or on the same origin (scheme, host and port).
    func jwtKey(kid: String?, issuerID: String?) async throws -> VerificationKey {
        guard let kid, !kid.isEmpty else {
            throw VerificationFailure("issuer-key", "the JWT header has no kid, so the issuer's key cannot be found "
                + "(a key inside the token itself would prove nothing)")
        }
        if kid.hasPrefix("did:key:") { return try didKey(kid, issuerID: issuerID) }
        let document = Self.withoutFragment(kid)
        guard let issuerID, let location = Self.ownership(of: document, issuerID: issuerID) else {
            throw VerificationFailure("issuer-key", "the key \(FetchSession.shortened(kid)) is not published by the issuer "
                + "\(issuerID ?? "(none)"): a key from elsewhere cannot vouch for this issuer")
        }
        let key = try await publishedKey(kid, documentURL: document, issuerID: issuerID)
        pass("issuer-key", "the key is published \(location) (\(FetchSession.shortened(kid)))")
        return key
    }

    /// A `did:key`; when the issuer is itself a DID, the key must be that DID's.
    private func didKey(_ method: String, issuerID: String?) throws -> VerificationKey {
        let did = Self.withoutFragment(method)
        if let issuerID, issuerID.hasPrefix("did:"), issuerID != did {
            throw VerificationFailure("issuer-key", "the key \(FetchSession.shortened(did)) is not the issuer's DID \(FetchSession.shortened(issuerID))")
        }
        let key: Curve25519.Signing.PublicKey
        do {
            key = try Multikey.publicKey(fromDIDKey: method)
        } catch {
            throw VerificationFailure("issuer-key", "the did:key \(FetchSession.shortened(did)) is not an Ed25519 did:key (\(error))")
        }
        pass("issuer-key", issuerID == did
             ? "the key is the issuer's own did:key"
             : "the key is a did:key: it proves the credential is unchanged, not that \(issuerID ?? "the issuer") holds the key")
        return .ed25519(key)
    }

    /// Where a key document is, relative to the issuer: its own document, or its origin.
    private static func ownership(of document: String, issuerID: String) -> String? {
        if document == issuerID { return "in the issuer's profile" }
        guard let key = URLComponents(string: document), let issuer = URLComponents(string: issuerID),
              let scheme = key.scheme?.lowercased(), ["http", "https"].contains(scheme), scheme == issuer.scheme?.lowercased(),
              let host = key.host?.lowercased(), !host.isEmpty, host == issuer.host?.lowercased(), key.port == issuer.port else {
            return nil
        }
        return "on the issuer's own site"
    }

    /// Fetches the document at `documentURL` and finds `id` in it: the document itself as a JWK,
    /// a JWK Set entry, or a verification method of a profile or DID document.
    private func publishedKey(_ id: String, documentURL: String, issuerID: String) async throws -> VerificationKey {
        let document = try await session.fetchJSON(documentURL, what: "the issuer's key document", check: "issuer-key")
        if document["kty"] != nil { return try VerificationKey(jwk: document) }
        if let keys = document["keys"]?.arrayValue {
            // Only a lone key that names no kid stands for the kid asked: on a host shared by several
            // issuers, any other key there could belong to someone else.
            let match = keys.first { $0["kid"]?.stringValue == id } ?? (keys.count == 1 && keys[0]["kid"] == nil ? keys.first : nil)
            guard let match else { throw VerificationFailure("issuer-key", "the JWK Set at \(documentURL) has no key \(FetchSession.shortened(id))") }
            return try VerificationKey(jwk: match)
        }
        if issuerName == nil, document["id"]?.stringValue == issuerID, self.issuerID == issuerID { issuerName = document["name"]?.stringValue }
        var candidates = [document]
        for member in ["verificationMethod", "assertionMethod", "publicKey"] {
            candidates += document[member]?.asArray ?? []
        }
        let method = candidates.first { candidate in
            guard let candidateID = candidate["id"]?.stringValue else { return false }
            return candidateID == id || (candidateID.hasPrefix("#") && documentURL + candidateID == id)
        }
        guard let method else {
            throw VerificationFailure("issuer-key", "the key \(FetchSession.shortened(id)) is not in the document at \(documentURL)")
        }
        // A profile or DID document on the same site must still be the issuer's own (a shared platform
        // hosts many issuers' profiles side by side).
        let owner = method["controller"]?.stringValue ?? document["id"]?.stringValue
        if let owner, owner != issuerID, documentURL != issuerID {
            throw VerificationFailure("issuer-key", "the key \(FetchSession.shortened(id)) belongs to \(FetchSession.shortened(owner)), "
                + "not to the issuer \(FetchSession.shortened(issuerID))")
        }
        if let multikey = method["publicKeyMultibase"]?.stringValue { return try VerificationKey(multikey: multikey) }
        if let jwk = method["publicKeyJwk"] { return try VerificationKey(jwk: jwk) }
        throw VerificationFailure("issuer-key", "the key \(FetchSession.shortened(id)) has neither publicKeyMultibase nor publicKeyJwk")
    }

    static func withoutFragment(_ url: String) -> String {
        url.firstIndex(of: "#").map { String(url[..<$0]) } ?? url
    }
}
