import BlasonCore
import BlasonMail
import Foundation
import Logging

/// Every setting Blason reads, read once at start from the environment. A missing or malformed
/// value stops the start with a message that names the variable.
public struct BlasonConfiguration: Sendable {
    public enum DatabaseSetting: Sendable, Equatable {
        /// The embedded default: one file, WAL mode.
        case sqlite(path: String)
        /// Production: a PostgreSQL URL (`postgres://user:pass@host:port/db`).
        case postgres(url: String)
    }

    /// Where the key that encrypts signing keys at rest comes from.
    public enum MasterKeySetting: Sendable, Equatable {
        /// 32 bytes given by the operator (`BLASON_MASTER_KEY`, base64).
        case provided(Data)
        /// The embedded default: a key generated on first start and kept in this file (mode 0600).
        case file(path: String)
    }

    /// The origin under which every public URL (Open Badges ids included) is published, without trailing slash.
    public var publicURL: String
    public var hostname: String
    public var port: Int
    public var database: DatabaseSetting
    /// bcrypt work factor for passwords (4…31); lower only in tests.
    public var bcryptCost: Int
    public var logLevel: Logger.Level
    /// How long an API token created without an explicit lifetime stays valid.
    public var apiTokenLifetimeDays: Int
    /// Where e-mail goes; nil keeps every message in the outbox (the embedded default).
    public var smtp: SMTPConfiguration?
    /// The sender of Blason's e-mails.
    public var mailFrom: MailAddress
    /// How long the personal links sent by e-mail stay usable.
    public var linkLifetimeDays: Int
    /// Outbox delivery: how often to look for due messages, the first retry delay (doubled each
    /// time, at most an hour), and after how long a claimed but unfinished message is retried.
    public var mailPollMilliseconds: Int
    public var mailRetryBaseSeconds: Int
    public var mailClaimTimeoutSeconds: Int
    /// From which hour (Europe/Paris) the daily endorsement digest goes out.
    public var digestHour: Int
    public var masterKey: MasterKeySetting
    /// Hosts the badge verifier may fetch from besides loopback and the public URL's host
    /// (`BLASON_VERIFY_HOSTS`, comma-separated; `*` for any).
    public var verifyHosts: [String] = []
    /// Days a proposal waits for its earner before it is withdrawn and its recipient's address
    /// erased (`BLASON_RETENTION_PROPOSAL_DAYS`).
    public var retentionProposalDays = 180
    /// Days an account whose address was never confirmed is kept (`BLASON_RETENTION_UNVERIFIED_DAYS`);
    /// accounts that belong to an organisation are kept.
    public var retentionUnverifiedAccountDays = 30

    /// What "Vérifier un badge" may fetch.
    public var verifyFetchPolicy: FetchPolicy {
        verifyHosts.contains("*") ? FetchPolicy(.any) : .standard(publicURL: publicURL, extraHosts: verifyHosts)
    }

    public init(publicURL: String, hostname: String = "127.0.0.1", port: Int = 8080, database: DatabaseSetting,
                bcryptCost: Int = 12, logLevel: Logger.Level = .info, apiTokenLifetimeDays: Int = 365,
                smtp: SMTPConfiguration? = nil, mailFrom: MailAddress? = nil, linkLifetimeDays: Int = 90,
                mailPollMilliseconds: Int = 500, mailRetryBaseSeconds: Int = 5, mailClaimTimeoutSeconds: Int = 120, digestHour: Int = 8,
                masterKey: MasterKeySetting? = nil) {
        self.publicURL = publicURL
        self.hostname = hostname
        self.port = port
        self.database = database
        self.bcryptCost = bcryptCost
        self.logLevel = logLevel
        self.apiTokenLifetimeDays = apiTokenLifetimeDays
        self.smtp = smtp
        let host = URLComponents(string: publicURL)?.host ?? "localhost"
        self.mailFrom = mailFrom ?? MailAddress("no-reply@\(host.contains(".") ? host : host + ".localdomain")", name: "Blason")
        self.linkLifetimeDays = linkLifetimeDays
        self.mailPollMilliseconds = mailPollMilliseconds
        self.mailRetryBaseSeconds = mailRetryBaseSeconds
        self.mailClaimTimeoutSeconds = mailClaimTimeoutSeconds
        self.digestHour = digestHour
        switch (masterKey, database) {
        case (let given?, _): self.masterKey = given
        case (nil, .sqlite(let path)): self.masterKey = .file(path: path + ".master-key")
        // Only reachable when built in code (tests): `load` requires the variable with PostgreSQL.
        case (nil, .postgres): self.masterKey = .provided(Data((0..<32).map { _ in UInt8.random(in: 0...255) }))
        }
    }

    /// The host name used in Message-IDs.
    public var mailDomain: String { URLComponents(string: publicURL)?.host ?? "localhost" }

    /// Session cookies are marked `Secure` only when the public site is served over HTTPS.
    public var isHTTPS: Bool { publicURL.hasPrefix("https://") }

    /// Reads `BLASON_*` variables. `hostname`/`port` given on the command line win over the environment.
    public static func load(environment env: [String: String] = ProcessInfo.processInfo.environment,
                            hostname hostnameOverride: String? = nil, port portOverride: Int? = nil) throws(ConfigurationError) -> BlasonConfiguration {
        let hostname = hostnameOverride ?? env["BLASON_HOSTNAME"].nonEmpty ?? "127.0.0.1"
        let port: Int
        if let portOverride {
            port = portOverride
        } else if let raw = env["BLASON_PORT"].nonEmpty {
            guard let value = Int(raw), (1...65535).contains(value) else {
                throw ConfigurationError(variable: "BLASON_PORT", problem: "must be a port number between 1 and 65535, got \"\(raw)\"")
            }
            port = value
        } else {
            port = 8080
        }
        guard (1...65535).contains(port) else {
            throw ConfigurationError(variable: "--port", problem: "must be between 1 and 65535, got \(port)")
        }

        var publicURL = env["BLASON_PUBLIC_URL"].nonEmpty ?? "http://\(hostname.contains(":") ? "[\(hostname)]" : hostname):\(port)"
        while publicURL.hasSuffix("/") { publicURL.removeLast() }
        guard let components = URLComponents(string: publicURL), let scheme = components.scheme,
              ["http", "https"].contains(scheme), components.host?.isEmpty == false,
              components.query == nil, components.fragment == nil else {
            throw ConfigurationError(variable: "BLASON_PUBLIC_URL", problem: "must be an absolute http(s) URL such as https://badges.example.org, got \"\(publicURL)\"")
        }

        let database: DatabaseSetting
        switch env["BLASON_DATABASE_URL"].nonEmpty {
        case nil:
            database = .sqlite(path: "blason.sqlite")
        case let url? where url.hasPrefix("postgres://") || url.hasPrefix("postgresql://"):
            guard let parsed = URLComponents(string: url), parsed.host?.isEmpty == false else {
                throw ConfigurationError(variable: "BLASON_DATABASE_URL", problem: "is not a valid PostgreSQL URL (postgres://user:password@host:port/database)")
            }
            database = .postgres(url: url)
        case let url? where url.hasPrefix("sqlite:"):
            var path = String(url.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path = String(path.dropFirst(2)) }
            guard !path.isEmpty else {
                throw ConfigurationError(variable: "BLASON_DATABASE_URL", problem: "sqlite: needs a file path, e.g. sqlite:///var/lib/blason/blason.sqlite")
            }
            database = .sqlite(path: path)
        case let url?:
            throw ConfigurationError(variable: "BLASON_DATABASE_URL", problem: "must start with postgres:// or sqlite:, got \"\(url.prefix(20))…\"")
        }

        let bcryptCost = try integer(env, "BLASON_BCRYPT_COST", default: 12, range: 4...31)
        let tokenDays = try integer(env, "BLASON_API_TOKEN_DAYS", default: 365, range: 1...3650)
        let logLevel: Logger.Level
        if let raw = env["BLASON_LOG_LEVEL"].nonEmpty {
            guard let level = Logger.Level(rawValue: raw.lowercased()) else {
                throw ConfigurationError(variable: "BLASON_LOG_LEVEL", problem: "must be one of trace, debug, info, notice, warning, error, critical")
            }
            logLevel = level
        } else {
            logLevel = .info
        }
        var smtp: SMTPConfiguration?
        if let raw = env["BLASON_SMTP_URL"].nonEmpty {
            do {
                smtp = try SMTPConfiguration(url: raw)
            } catch {
                throw ConfigurationError(variable: "BLASON_SMTP_URL", problem: "\(error.message) (e.g. smtp+starttls://user:password@mail.example.org:587)")
            }
        }
        var mailFrom: MailAddress?
        if let raw = env["BLASON_MAIL_FROM"].nonEmpty {
            let parsed = RecipientList.parseLine(raw)
            guard case .success(let recipient) = parsed else {
                throw ConfigurationError(variable: "BLASON_MAIL_FROM", problem: "must be an address or Name <address>, got \"\(raw)\"")
            }
            mailFrom = MailAddress(recipient.email.value, name: recipient.name ?? "Blason")
        }
        var masterKey: MasterKeySetting?
        if let raw = env["BLASON_MASTER_KEY"].nonEmpty {
            let padded = raw.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
                .padding(toLength: ((raw.count + 3) / 4) * 4, withPad: "=", startingAt: 0)
            guard let data = Data(base64Encoded: padded), data.count == 32 else {
                throw ConfigurationError(variable: "BLASON_MASTER_KEY", problem: "must be 32 random bytes in base64 (e.g. the output of `openssl rand -base64 32`)")
            }
            masterKey = .provided(data)
        } else if case .postgres = database {
            throw ConfigurationError(variable: "BLASON_MASTER_KEY", problem: "is required with PostgreSQL: 32 random bytes in base64 (`openssl rand -base64 32`), kept apart from the database backups")
        }
        var configuration = BlasonConfiguration(
            publicURL: publicURL, hostname: hostname, port: port, database: database, bcryptCost: bcryptCost, logLevel: logLevel,
            apiTokenLifetimeDays: tokenDays, smtp: smtp, mailFrom: mailFrom,
            linkLifetimeDays: try integer(env, "BLASON_LINK_DAYS", default: 90, range: 1...3650),
            mailPollMilliseconds: try integer(env, "BLASON_MAIL_POLL_MS", default: 500, range: 50...600_000),
            mailRetryBaseSeconds: try integer(env, "BLASON_MAIL_RETRY_SECONDS", default: 5, range: 1...3600),
            mailClaimTimeoutSeconds: try integer(env, "BLASON_MAIL_CLAIM_TIMEOUT", default: 120, range: 5...86_400),
            digestHour: try integer(env, "BLASON_DIGEST_HOUR", default: 8, range: 0...23), masterKey: masterKey)
        configuration.verifyHosts = BadgeVerification.hosts(env["BLASON_VERIFY_HOSTS"])
        configuration.retentionProposalDays = try integer(env, "BLASON_RETENTION_PROPOSAL_DAYS", default: 180, range: 1...3650)
        configuration.retentionUnverifiedAccountDays = try integer(env, "BLASON_RETENTION_UNVERIFIED_DAYS", default: 30, range: 1...3650)
        return configuration
    }

    private static func integer(_ env: [String: String], _ name: String, default value: Int, range: ClosedRange<Int>) throws(ConfigurationError) -> Int {
        guard let raw = env[name].nonEmpty else { return value }
        guard let number = Int(raw), range.contains(number) else {
            throw ConfigurationError(variable: name, problem: "must be a whole number from \(range.lowerBound) to \(range.upperBound), got \"\(raw)\"")
        }
        return number
    }
}

/// A setting that cannot be used, with the name of the variable to fix.
public struct ConfigurationError: Error, CustomStringConvertible, Equatable {
    public var variable: String
    public var problem: String

    public var description: String { "Configuration error: \(variable) \(problem)" }
}

extension Optional where Wrapped == String {
    var nonEmpty: String? {
        guard let self, !self.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return self
    }
}

extension BlasonConfiguration {
    /// Where mail goes, for the start-up log line.
    public var mailDescription: String {
        guard let smtp else { return "none (messages stay in the outbox: Administration › Courriels envoyés)" }
        return "SMTP \(smtp.host):\(smtp.port) (\(smtp.security.rawValue))"
    }

    /// Where the data lives, without the password of a PostgreSQL URL.
    public var databaseDescription: String {
        switch database {
        case .sqlite(let path): return "SQLite \(path)"
        case .postgres(let url):
            guard var components = URLComponents(string: url) else { return "PostgreSQL" }
            components.password = components.password == nil ? nil : "***"
            return "PostgreSQL \(components.string ?? "")"
        }
    }
}
