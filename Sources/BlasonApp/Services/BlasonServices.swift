import BlasonCore
import Fluent
import OpenBadges
import Vapor

/// App-wide settings and collaborators, reachable from requests, commands and tests alike.
struct BlasonServices: Sendable {
    let configuration: BlasonConfiguration
    let clock: Clock
    let masterKey: MasterKey
    var hooks = ApplicationHooks()
    var awardHooks = AwardHooks()
    /// What "Vérifier un badge" fetches with; nil means HTTP within the configured policy.
    var badgeFetcher: (any BadgeFetcher)?

    func awards(_ db: any Database) -> AwardService {
        AwardService(db: db, clock: clock, configuration: configuration, hooks: awardHooks)
    }

    var publicURL: String { configuration.publicURL }
    var publisher: OB2Publisher { OB2Publisher(publicURL: configuration.publicURL) }

    func keys(_ db: any Database) -> KeyService {
        KeyService(db: db, clock: clock, masterKey: masterKey)
    }

    func issueJobs(_ db: any Database) -> IssueJobService {
        IssueJobService(db: db, clock: clock, configuration: configuration, hooks: awardHooks, credentials: ob3(db))
    }

    func ob3(_ db: any Database) -> OB3Publisher {
        OB3Publisher(publicURL: configuration.publicURL, db: db, keys: keys(db),
                     endorsements: EndorsementService(db: db, clock: clock, configuration: configuration))
    }
}

extension Application {
    private struct ServicesKey: StorageKey {
        typealias Value = BlasonServices
    }

    var blason: BlasonServices {
        get {
            guard let services = storage[ServicesKey.self] else { fatalError("configure(_:_:) must run before Blason services are used") }
            return services
        }
        set { storage[ServicesKey.self] = newValue }
    }

    var passwordHasher: PasswordHasher { PasswordHasher(cost: blason.configuration.bcryptCost, pool: threadPool) }
}

extension Request {
    var blason: BlasonServices { application.blason }
    var accounts: AccountService { AccountService(db: db, hasher: application.passwordHasher, clock: application.blason.clock) }
    var organisations: OrganisationService { OrganisationService(db: db, clock: application.blason.clock) }
    var badgeClasses: BadgeClassService { BadgeClassService(db: db, clock: application.blason.clock) }
    var awards: AwardService { application.blason.awards(db) }
    var applicationForms: ApplicationFormService {
        ApplicationFormService(db: db, clock: application.blason.clock, configuration: application.blason.configuration)
    }
    var applications: ApplicationService {
        ApplicationService(db: db, clock: application.blason.clock, configuration: application.blason.configuration, hooks: application.blason.hooks,
                           awardHooks: application.blason.awardHooks)
    }
    var keys: KeyService { application.blason.keys(db) }
    var ob3: OB3Publisher { application.blason.ob3(db) }
    var issueJobs: IssueJobService { application.blason.issueJobs(db) }
    var shares: ShareService { ShareService(db: db, clock: application.blason.clock, configuration: application.blason.configuration) }
    var programmes: ProgrammeService { ProgrammeService(db: db) }
    var submissions: SubmissionService {
        SubmissionService(db: db, clock: application.blason.clock, configuration: application.blason.configuration, awardHooks: application.blason.awardHooks)
    }
    var network: NetworkService { NetworkService(db: db, clock: application.blason.clock, configuration: application.blason.configuration) }
    var endorsements: EndorsementService {
        EndorsementService(db: db, clock: application.blason.clock, configuration: application.blason.configuration)
    }
    var reviews: ApplicationReviewService {
        ApplicationReviewService(db: db, clock: application.blason.clock, configuration: application.blason.configuration, hooks: application.blason.hooks,
                                 awardHooks: application.blason.awardHooks)
    }
}

/// bcrypt runs on the thread pool: at cost 12 it takes a quarter of a second, which must not
/// stall the event loop that serves everyone else.
struct PasswordHasher: Sendable {
    let cost: Int
    let pool: NIOThreadPool

    func hash(_ password: String) async throws -> String {
        try await pool.runIfActive { [cost] in try Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, hash: String) async throws -> Bool {
        try await pool.runIfActive { try Bcrypt.verify(password, created: hash) }
    }
}
