@testable import BlasonApp
import BlasonPersistence
import Fluent
import Testing

@Suite("Configuration read once at start")
struct ConfigurationTests {
    @Test func defaults() throws {
        let configuration = try BlasonConfiguration.load(environment: [:])
        #expect(configuration.publicURL == "http://127.0.0.1:8080")
        #expect(configuration.database == .sqlite(path: "blason.sqlite"))
        #expect(configuration.bcryptCost == 12)
        #expect(!configuration.isHTTPS)
    }

    @Test func explicitSettings() throws {
        let configuration = try BlasonConfiguration.load(environment: [
            "BLASON_PUBLIC_URL": "https://badges.example.org/", "BLASON_DATABASE_URL": "postgres://u:p@db.example.org:5432/blason",
            "BLASON_PORT": "9000",
        ])
        #expect(configuration.publicURL == "https://badges.example.org")
        #expect(configuration.port == 9000)
        #expect(configuration.isHTTPS)
        #expect(configuration.databaseDescription == "PostgreSQL postgres://u:***@db.example.org:5432/blason")
        #expect(try BlasonConfiguration.load(environment: ["BLASON_DATABASE_URL": "sqlite:///var/lib/blason/b.sqlite"]).database == .sqlite(path: "/var/lib/blason/b.sqlite"))
    }

    @Test(arguments: [
        ("BLASON_PORT", "eighty"), ("BLASON_PORT", "70000"), ("BLASON_PUBLIC_URL", "badges.example.org"),
        ("BLASON_PUBLIC_URL", "ftp://x.org"), ("BLASON_DATABASE_URL", "mysql://x"), ("BLASON_BCRYPT_COST", "2"),
        ("BLASON_LOG_LEVEL", "loud"), ("BLASON_DATABASE_URL", "sqlite:"),
    ])
    func badValuesNameTheirVariable(_ variable: String, _ value: String) {
        do {
            _ = try BlasonConfiguration.load(environment: [variable: value])
            Issue.record("\(variable)=\(value) was accepted")
        } catch {
            #expect(error.variable == variable)
            #expect(error.description.contains(variable))
        }
    }
}

@Suite("Demo data")
struct DemoTests {
    @Test func demoSeedsTwoStructuresOnce() async throws {
        try await TestApp.run { app in
            let operations = AdminOperations(app: app)
            let first = try await operations.seedDemo()
            #expect(first.contains("demo@blason.test"))
            _ = try await operations.seedDemo()
            #expect(try await Organisation.query(on: app.db).count() == 3)
            #expect(try await Award.query(on: app.db).count() == 5)
            let client = WebClient(app)
            try await client.get("/sign-in")
            #expect(try await client.post("/sign-in", [("email", "demo@blason.test"), ("password", "demo-blason-2026")]).status == .seeOther)
        }
    }
}
