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
            "BLASON_PORT": "9000", "BLASON_MASTER_KEY": "QmxhcyBvbiB0ZXN0IG1hc3RlciBrZXkgMzIgYnl0ZXM=", "BLASON_VERIFY_HOSTS": "badges.example.net, *.x",
        ])
        #expect(configuration.verifyHosts == ["badges.example.net", "*.x"])
        #expect(configuration.verifyFetchPolicy.allows("https://badges.example.org/ob3/issuers/1"), "its own public host")
        #expect(configuration.verifyFetchPolicy.allows("http://127.0.0.1:9/x"))
        #expect(!configuration.verifyFetchPolicy.allows("http://10.0.0.1/x"), "nothing else unless allowed")
        #expect(!configuration.verifyFetchPolicy.allows("file:///etc/passwd"))
        #expect(configuration.publicURL == "https://badges.example.org")
        #expect(configuration.port == 9000)
        #expect(configuration.isHTTPS)
        #expect(configuration.databaseDescription == "PostgreSQL postgres://u:***@db.example.org:5432/blason")
        #expect(try BlasonConfiguration.load(environment: ["BLASON_DATABASE_URL": "sqlite:///var/lib/blason/b.sqlite"]).database == .sqlite(path: "/var/lib/blason/b.sqlite"))
    }

    @Test func postgreSQLNeedsTheMasterKey() {
        #expect(throws: ConfigurationError.self) {
            try BlasonConfiguration.load(environment: ["BLASON_DATABASE_URL": "postgres://u:p@db.example.org/blason"])
        }
        do {
            _ = try BlasonConfiguration.load(environment: ["BLASON_DATABASE_URL": "postgres://u:p@db.example.org/blason"])
        } catch {
            #expect(error.variable == "BLASON_MASTER_KEY")
        }
    }

    @Test(arguments: [
        ("BLASON_PORT", "eighty"), ("BLASON_PORT", "70000"), ("BLASON_PUBLIC_URL", "badges.example.org"),
        ("BLASON_PUBLIC_URL", "ftp://x.org"), ("BLASON_DATABASE_URL", "mysql://x"), ("BLASON_BCRYPT_COST", "2"),
        ("BLASON_LOG_LEVEL", "loud"), ("BLASON_DATABASE_URL", "sqlite:"), ("BLASON_MASTER_KEY", "c2hvcnQ="),
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
