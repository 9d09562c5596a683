import Foundation

extension VerificationRun {
    static let maxStatusEntries = 4

    /// Whether the issuer has revoked (or suspended) the credential, from its `credentialStatus`:
    /// a W3C `BitstringStatusListEntry` or a `1EdTechRevocationList`. See `BadgeVerifier` for what
    /// passes when the status cannot be read.
    func checkStatus(_ credential: JSONValue) async {
        guard let status = credential["credentialStatus"], !status.asArray.isEmpty else {
            pass("revocation", "the credential declares no status list, so it cannot be revoked")
            return
        }
        guard !session.isOffline else {
            pass("revocation", "status not checked: no network access allowed")
            return
        }
        let entries = status.asArray
        guard entries.count <= Self.maxStatusEntries else {
            fail("revocation", "the credential has \(entries.count) status entries, more than the \(Self.maxStatusEntries) this verifier reads")
            return
        }
        for entry in entries {
            let types = entry["type"]?.asArray.compactMap(\.stringValue) ?? []
            if types.contains("BitstringStatusListEntry") {
                await step("revocation") { try await checkBitstringStatus(entry, of: credential) }
            } else if types.contains("1EdTechRevocationList") {
                await step("revocation") { try await checkRevocationList(entry, of: credential) }
            } else {
                pass("revocation", "status not checked: the status method \(FetchSession.shortened(types.joined(separator: ", "), limit: 60)) "
                    + "is not supported")
            }
        }
    }

    /// W3C Bitstring Status List 1.0: the bit at `statusListIndex` of the list credential, itself
    /// verified (proof, issuer, dates) before it is believed.
    private func checkBitstringStatus(_ entry: JSONValue, of credential: JSONValue) async throws {
        let purpose = entry["statusPurpose"]?.stringValue ?? "revocation"
        guard let listURL = entry["statusListCredential"]?.stringValue else {
            throw VerificationFailure("revocation", "the status entry names no statusListCredential")
        }
        // The specification writes the index as a string; some issuers write a number.
        var index: Int?
        switch entry["statusListIndex"] {
        case .string(let text)?: index = Int(text)
        case .int(let number)?: index = number
        default: index = nil
        }
        guard let index, index >= 0 else {
            throw VerificationFailure("revocation", "the status entry's statusListIndex is not a non-negative integer")
        }
        let list = try await verifiedStatusList(at: listURL, issuerID: Self.issuerID(of: credential))
        let subject = list["credentialSubject"]?.asArray.first
        let purposes = subject?["statusPurpose"]?.asArray.compactMap(\.stringValue) ?? []
        guard purposes.contains(purpose) else {
            throw VerificationFailure("revocation", "the status list at \(listURL) is not a \(purpose) list")
        }
        guard let encoded = subject?["encodedList"]?.stringValue, let bits = OB3.StatusList.decode(encoded) else {
            throw VerificationFailure("revocation", "the status list at \(listURL) has no readable encodedList")
        }
        guard index < bits.bits.count * 8 else {
            throw VerificationFailure("revocation", "the status index \(index) is beyond the end of the list at \(listURL)")
        }
        guard !bits.isSet(index) else {
            revoked = true
            throw VerificationFailure("revocation", purpose == "suspension"
                ? "the issuer has suspended this credential" : "the issuer has \(purpose == "revocation" ? "revoked" : "flagged (\(purpose))") this credential")
        }
        pass("revocation", "not \(purpose == "suspension" ? "suspended" : "revoked") (status list \(FetchSession.shortened(listURL)), index \(index))")
    }

    /// Fetches and verifies a status list credential with the same rules as a badge, sharing this
    /// run's fetch budget; it must come from the same issuer as the credential it speaks for.
    private func verifiedStatusList(at url: String, issuerID: String?) async throws -> JSONValue {
        let resource = try await session.fetch(url, accept: "application/vc+ld+json, application/ld+json, application/vc+jwt, application/json;q=0.9",
                                               what: "the status list", check: "revocation")
        guard resource.status == 200 else {
            throw VerificationFailure("revocation", "the status list at \(url) answered HTTP \(resource.status)")
        }
        let child = VerificationRun(options: options, session: session)
        let list = await child.verifyOB3Document(resource.body, role: .statusList)
        let authentic = child.checks.contains { $0.id == "signature" && $0.passed }
        if let failure = child.checks.first(where: { !$0.passed }) ?? (authentic ? nil : child.checks.last) {
            throw VerificationFailure("revocation", "the status list at \(url) cannot be trusted: \(failure.message)")
        }
        guard let list, authentic else {
            throw VerificationFailure("revocation", "the status list at \(url) cannot be trusted")
        }
        guard let listIssuer = Self.issuerID(of: list), listIssuer == issuerID else {
            throw VerificationFailure("revocation", "the status list at \(url) is issued by \(Self.issuerID(of: list) ?? "nobody"), "
                + "not by the credential's issuer")
        }
        return list
    }

    /// 1EdTech Revocation List: a document listing revoked credential ids. It may carry no proof
    /// of its own; then it is trusted as what the issuer's URL serves.
    private func checkRevocationList(_ entry: JSONValue, of credential: JSONValue) async throws {
        guard let url = entry["id"]?.stringValue else {
            throw VerificationFailure("revocation", "the 1EdTechRevocationList entry has no id (the list's URL)")
        }
        let list = try await session.fetchJSON(url, what: "the revocation list", check: "revocation")
        if let listIssuer = Self.issuerID(of: list), listIssuer != Self.issuerID(of: credential) {
            throw VerificationFailure("revocation", "the revocation list at \(url) is issued by \(listIssuer), not by the credential's issuer")
        }
        let revokedIDs = (list["revokedCredentials"]?.asArray ?? []).compactMap { $0.stringValue ?? $0["id"]?.stringValue }
        if let id = credential["id"]?.stringValue, revokedIDs.contains(id) {
            revoked = true
            throw VerificationFailure("revocation", "the issuer has revoked this credential")
        }
        pass("revocation", "not revoked (revocation list \(FetchSession.shortened(url)))")
    }
}
