import Foundation
import OpenBadges
import Testing

@Suite("Open Badges 2.0 documents")
struct OB2DocumentTests {
    @Test func recipientHashMatchesTheSpecification() {
        // sha256("alice@example.org" + "deadsea"), as 1EdTech's validator computes it.
        let identity = OB2.IdentityObject.hashedEmail("alice@example.org", salt: "deadsea")
        #expect(identity.identity == "sha256$c934fdacc6242be0277a284970416aa9bfa583241fb85094bc96c504ee0abd4e")
        #expect(identity.matches(email: "Alice@Example.org"))
        #expect(!identity.matches(email: "bob@example.org"))
    }

    @Test func assertionEncodesWithContextAndTimestamps() throws {
        let assertion = OB2.Assertion(
            id: "https://badges.example.org/assertions/1",
            recipient: .hashedEmail("a@example.org", salt: "s"),
            badge: "https://badges.example.org/badges/1",
            issuedOn: Date(timeIntervalSince1970: 1_700_000_000),
            evidence: [OB2.Evidence(id: "https://example.org/e", narrative: "Fait.")])
        let json = try #require(try JSONSerialization.jsonObject(with: OB2.json(assertion)) as? [String: Any])
        #expect(json["@context"] as? String == "https://w3id.org/openbadges/v2")
        #expect(json["type"] as? String == "Assertion")
        #expect(json["issuedOn"] as? String == "2023-11-14T22:13:20Z")
        #expect((json["verification"] as? [String: Any])?["type"] as? String == "hosted")
        #expect(json["expires"] == nil)
        #expect(json["revoked"] == nil)
        #expect(String(decoding: OB2.json(assertion), as: UTF8.self).contains("https://badges.example.org/assertions/1"), "slashes are not escaped")
    }
}
