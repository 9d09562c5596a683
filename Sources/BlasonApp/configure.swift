import BlasonCore
import BlasonPersistence
import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Logging
import SQLKit
import Vapor

/// Sets up a Blason application: database, migrations, sessions, middleware and routes. Used by
/// `blason serve`, by the other commands (without serving) and by the tests.
public func configure(_ app: Application, _ configuration: BlasonConfiguration, clock: Clock = .system, migrate: Bool = true,
                      background: Bool = false) async throws {
    var services = BlasonServices(configuration: configuration, clock: clock, masterKey: try MasterKey.load(configuration.masterKey, logger: app.logger))
    ProgrammeHooks.install(on: &services)
    app.blason = services
    app.logger.logLevel = configuration.logLevel

    switch configuration.database {
    case .sqlite(let path):
        app.databases.use(.sqlite(.file(path), maxConnectionsPerEventLoop: 1, connectionPoolTimeout: .seconds(30)), as: .sqlite)
    case .postgres(let url):
        var postgres = try SQLPostgresConfiguration(url: url)
        // Loopback and private networks do not need TLS; anything else is the operator's choice in the URL.
        if !url.contains("sslmode=") { postgres.coreConfiguration.tls = .disable }
        // A database that does not answer makes requests fail within seconds (503), not hang.
        postgres.coreConfiguration.options.connectTimeout = .seconds(5)
        app.databases.use(.postgres(configuration: postgres, maxConnectionsPerEventLoop: 4, connectionPoolTimeout: .seconds(5)), as: .psql)
    }
    app.sessions.use(.fluent)
    app.migrations.add(SessionRecord.migration)
    for migration in BlasonMigrations.all { app.migrations.add(migration) }

    if case .sqlite = configuration.database, let sql = app.db as? any SQLDatabase {
        // WAL (persistent in the file) lets readers work while one writer commits, so the command
        // line can run beside the server.
        try await sql.raw("PRAGMA journal_mode=WAL").run()
        // The other settings belong to each connection: the pool keeps one per event loop for
        // the life of the application, so each is set once here.
        // - synchronous=NORMAL: in WAL mode the file cannot be corrupted by a crash either way;
        //   FULL only adds an fsync to every commit (most of a small write's time), whose absence
        //   may lose the last commits on power loss, not on a crash of the process.
        // - busy_timeout: SQLiteNIO's own busy handler retries at once, forever, so a connection
        //   waiting for another's write (of this process or of a command beside it) burns a core
        //   the writer needs; SQLite's timed handler sleeps between tries. Writes of this process
        //   do not wait on each other this way: see `transactionRetrying`.
        for eventLoop in app.eventLoopGroup.makeIterator() {
            guard let connection = app.databases.database(logger: app.logger, on: eventLoop) as? any SQLDatabase else { continue }
            try await connection.raw("PRAGMA synchronous=NORMAL").run()
            try await connection.raw("PRAGMA busy_timeout=10000").run()
        }
    }
    if migrate {
        try await SharedDatabase.migrate(app)
    }

    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    ContentConfiguration.global.use(encoder: encoder, for: .json)
    ContentConfiguration.global.use(decoder: decoder, for: .json)

    app.routes.defaultMaxBodySize = "12mb"
    app.sessions.configuration.cookieName = "blason_session"
    app.sessions.configuration.cookieFactory = { sessionID in
        HTTPCookies.Value(string: sessionID.string, expires: Date().addingTimeInterval(14 * 24 * 3600), maxAge: nil, domain: nil, path: "/",
                          isSecure: configuration.isHTTPS, isHTTPOnly: true, sameSite: .lax)
    }
    app.middleware = Middlewares()
    app.middleware.use(SecurityHeadersMiddleware(isHTTPS: configuration.isHTTPS))
    app.middleware.use(BlasonErrorMiddleware())
    app.middleware.use(RequestDeadlineMiddleware(seconds: 60))
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(ContextMiddleware())
    try routes(app)
    // A route nobody has said who may call is a route nobody has checked: refuse to start.
    let unruled = AuthorisationMatrix.mismatches(app.routes).unruled
    guard unruled.isEmpty else { throw AuthorisationMatrix.MissingRules(routes: unruled) }
    if background {
        // Only the serving process delivers mail and runs periodic jobs; commands and tests drive them directly.
        app.lifecycle.use(OutboxService())
        app.lifecycle.use(SchedulerService())
        app.lifecycle.use(IssueJobRunner())
    }
}

func routes(_ app: Application) throws {
    try app.register(collection: SiteController())
    try app.register(collection: AccountController())
    try app.register(collection: OrganisationController())
    try app.register(collection: BadgeClassController())
    try app.register(collection: IssuingController())
    try app.register(collection: OpenBadgesController())
    try app.register(collection: OB3Controller())
    try app.register(collection: VerifyController())
    try app.register(collection: APIController())
    try app.register(collection: ClaimController())
    try app.register(collection: PassportController())
    try app.register(collection: MailAdminController())
    try app.register(collection: ApplicationSetupController())
    try app.register(collection: ApplyController())
    try app.register(collection: ReviewController())
    try app.register(collection: ApplicationsAPIController())
    try app.register(collection: NetworkController())
    try app.register(collection: NetworkAPIController())
    try app.register(collection: ExternalEndorsementController())
    try app.register(collection: ShareController())
    try app.register(collection: ProgrammeController())
    try app.register(collection: ProgrammeAPIController())
    try app.register(collection: AuditController())
    try app.register(collection: UnsubscribeController())
}
