// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "blason",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "blason", targets: ["blason"]),
        .library(name: "OpenBadges", targets: ["OpenBadges"]),
        .library(name: "BlasonCore", targets: ["BlasonCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/JohnSundell/Ink.git", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV.git", from: "0.10.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.7.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.24.0"),
    ],
    targets: [
        // The domain: rules, value types and errors, free of any framework.
        .target(
            name: "BlasonCore",
            dependencies: [
                .product(name: "SwiftCSV", package: "SwiftCSV"),
            ]
        ),
        // Open Badges data, hashing, baking and image checks, usable by anyone.
        .target(
            name: "OpenBadges",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "JWTKit", package: "jwt-kit"),
            ],
            // JSON-LD contexts for Verifiable Credentials 2.0 and Open Badges 3.0: never fetched.
            resources: [.copy("Resources/Contexts")]
        ),
        // E-mail: MIME messages and an SMTP client (STARTTLS, implicit TLS, AUTH PLAIN/LOGIN) on SwiftNIO.
        .target(
            name: "BlasonMail",
            dependencies: [
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // Fluent models and numbered migrations; portable between SQLite and PostgreSQL.
        .target(
            name: "BlasonPersistence",
            dependencies: [
                "BlasonCore",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
            ]
        ),
        // The Vapor application: configuration, routes, controllers, views, API.
        .target(
            name: "BlasonApp",
            dependencies: [
                "BlasonCore",
                "OpenBadges",
                "BlasonPersistence",
                "BlasonMail",
                "BlasonQR",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "Ink", package: "Ink"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            resources: [.copy("Resources/openapi.json")]
        ),
        .executableTarget(
            name: "blason",
            dependencies: [
                "BlasonApp",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                // The signing benchmark builds keys itself.
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "JWTKit", package: "jwt-kit"),
            ]
        ),
        .target(name: "BlasonQR"),
        // Fuzzing: the parsers strangers' input reaches (`scripts/fuzz`), and a replayer of inputs.
        .target(name: "BlasonFuzzTargets", dependencies: ["BlasonCore", "OpenBadges"]),
        .executableTarget(name: "blason-fuzz", dependencies: ["BlasonFuzzTargets"]),
        .testTarget(name: "BlasonCoreTests", dependencies: ["BlasonCore", .product(name: "SwiftCSV", package: "SwiftCSV")]),
        // Inputs that once broke a parser, replayed through the fuzz targets.
        .testTarget(name: "FuzzRegressionTests", dependencies: ["BlasonFuzzTargets"], resources: [.copy("Corpus")]),
        .testTarget(
            name: "OpenBadgesTests",
            dependencies: ["OpenBadges"],
            // Test vectors and the W3C RDFC-1.0 and JSON-LD toRdf conformance suites.
            resources: [.copy("Resources")]
        ),
        .testTarget(name: "BlasonQRTests", dependencies: ["BlasonQR", "BlasonTestSupport"]),
        // Shared by the test targets: the SMTP test server (e2e/smtp_sink.py) and loopback sockets.
        .target(name: "BlasonTestSupport", path: "Tests/BlasonTestSupport"),
        .testTarget(name: "BlasonMailTests", dependencies: ["BlasonMail", "BlasonTestSupport"]),
        .testTarget(
            name: "BlasonAppTests",
            dependencies: [
                "BlasonApp",
                "BlasonTestSupport",
                .product(name: "VaporTesting", package: "vapor"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
