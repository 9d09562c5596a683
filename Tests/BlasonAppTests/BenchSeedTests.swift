@testable import BlasonApp
import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import OpenBadges
import Testing
import Vapor

/// `blason bench-seed` writes awards with SQL of its own rather than through Fluent: they must be
/// the same rows Fluent writes, public at their hosted URL, and leave the status list consistent.
@Suite("blason bench-seed")
struct BenchSeedTests {
    @Test func seededAwardsAreRealAwards() async throws {
        try await TestApp.run { app in
            let issuer = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(issuer)
            try await EarnerTests.award(issuer, badge, "avant@example.org")
            let operations = AdminOperations(app: app)

            // More rows than one statement takes, so that statements are chained in a transaction.
            let seeded = try await operations.benchSeed(organisation: "structure-test", badge: badge.uuidString, count: 2_500, total: nil, sample: 10)
            #expect(seeded.inserted == 2_500)
            #expect(seeded.total == 2_501)
            #expect(seeded.sample.count == 10)
            let topUp = try await operations.benchSeed(organisation: "structure-test", badge: badge.uuidString, count: nil, total: 2_600, sample: 5)
            #expect(topUp.inserted == 99 && topUp.total == 2_600)
            try await EarnerTests.award(issuer, badge, "apres@example.org")

            // Fluent reads them back whole, and every award keeps its own bit in the status list.
            let awards = try await Award.query(on: app.db).filter(\.$badgeClass.$id == badge).all()
            #expect(awards.count == 2_601)
            #expect(Set(awards.compactMap(\.statusIndex)).count == 2_601)
            let id = try #require(UUID(uuidString: seeded.sample[3]))
            let award = try #require(try await Award.find(id, on: app.db))
            #expect(award.kind == .issued && award.earnerState == .pending && award.isPublic && !award.isRevoked)
            #expect(OB2.IdentityObject(type: "email", hashed: true, salt: award.salt, identity: award.identityHash).matches(email: award.recipientEmail))

            // The hosted assertion, read by its one-query path, is the document Fluent's model gives.
            let response = try await issuer.get("/assertions/\(seeded.sample[3])", headers: ["Accept": "application/ld+json"])
            #expect(response.status == .ok)
            #expect(response.body.string == String(decoding: OB2.json(try app.blason.publisher.assertion(award)), as: UTF8.self))

            // Only badge classes of the named organisation can be seeded.
            await #expect(throws: BlasonError.self) {
                try await operations.benchSeed(organisation: "region-normandie", badge: badge.uuidString, count: 1, total: nil, sample: 0)
            }
        }
    }
}
