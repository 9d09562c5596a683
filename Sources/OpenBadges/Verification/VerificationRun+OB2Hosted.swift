import Foundation

extension VerificationRun {
    /// OB 2.0 hosted verification: the assertion is what its id (an http(s) URL) serves, and
    /// that URL must be within the issuer's domain.
    func verifyOB2Hosted(_ presented: JSONValue, fetchedFrom origin: FetchOrigin?) async {
        guard let id = presented["id"]?.stringValue, id.hasPrefix("https://") || id.hasPrefix("http://") else {
            fail("hosted", "a hosted assertion's id must be the http(s) URL where it is published")
            return
        }
        var hosted = presented
        var status = origin?.status ?? 200
        if origin?.url != id {
            // What the user brought is only a copy: the issuer's server says what the assertion is.
            do {
                let resource = try await session.fetch(id, accept: "application/ld+json, application/json;q=0.9",
                                                       what: "the hosted assertion", check: "hosted")
                status = resource.status
                guard status == 200 || status == 410 else {
                    fail("hosted", "the assertion's URL \(id) answered HTTP \(status): the issuer does not host it")
                    return
                }
                guard let json = try? JSONValue(data: resource.body), case .object = json else {
                    if status == 410 { return markOB2Revoked(nil) }
                    fail("hosted", "the assertion's URL \(id) does not serve a JSON assertion")
                    return
                }
                hosted = json
            } catch let failure as VerificationFailure {
                return record(failure)
            } catch {
                return fail("hosted", "\(error)")
            }
        }
        guard hosted["id"]?.stringValue == id else {
            fail("hosted", "the document at \(id) has another id: it is not the assertion published there")
            return
        }
        if status == 410 || hosted["revoked"]?.boolValue == true {
            pass("hosted", "the issuer answers for the assertion at \(id)")
            return markOB2Revoked(hosted["revocationReason"]?.stringValue)
        }
        guard Self.ob2VerificationType(hosted) == "hosted", hosted["type"]?.asArray.contains("Assertion") == true else {
            fail("hosted", "the document at \(id) is not a hosted Assertion")
            return
        }
        collectOB2Details(hosted)
        let issuer: JSONValue
        do {
            issuer = try await fetchOB2BadgeClassAndIssuer(hosted)
        } catch let failure as VerificationFailure {
            return record(failure)
        } catch {
            return fail("issuer", "\(error)")
        }
        guard Self.isInVerificationScope(id, issuer: issuer) else {
            fail("hosted", "the assertion is published at \(id), outside the domains the issuer allows for its badges")
            return
        }
        pass("hosted", "published by the issuer at \(id)")
        pass("revocation", "not revoked (the issuer still serves the assertion)")
        checkOB2Expiry(hosted)
        checkOB2Recipient(hosted)
    }

    private func markOB2Revoked(_ reason: String?) {
        revoked = true
        fail("revocation", "the issuer has revoked this badge" + (reason.map { " (\(FetchSession.shortened($0)))" } ?? ""))
    }

    /// OB 2.0 hosted verification scope: the issuer's `verification.startsWith` prefixes or
    /// `allowedOrigins`, by default the origin of the issuer's own id. Without it, anyone could
    /// host an assertion of a badge they do not own.
    static func isInVerificationScope(_ url: String, issuer: JSONValue) -> Bool {
        let policy = issuer["verification"]
        let prefixes = policy?["startsWith"]?.asArray.compactMap(\.stringValue) ?? []
        if !prefixes.isEmpty { return prefixes.contains { url.hasPrefix($0) } }
        guard let host = origin(of: url) else { return false }
        let allowed = policy?["allowedOrigins"]?.asArray.compactMap(\.stringValue) ?? []
        if !allowed.isEmpty { return allowed.contains { $0.lowercased() == host || $0.lowercased() == host.split(separator: ":").first.map(String.init) } }
        return issuer["id"]?.stringValue.flatMap(origin(of:)) == host
    }

    /// host[:port], lowercased.
    private static func origin(of url: String) -> String? {
        guard let components = URLComponents(string: url), let host = components.host?.lowercased(), !host.isEmpty else { return nil }
        return components.port.map { "\(host):\($0)" } ?? host
    }
}
