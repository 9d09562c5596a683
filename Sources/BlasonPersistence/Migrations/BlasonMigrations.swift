import FluentKit

/// Every migration, in order. New ones are appended, never inserted: deployed databases record them by name.
public enum BlasonMigrations {
    public static let all: [any Migration] = [
        M0001_CreateUsers(),
        M0002_CreateOrganisations(),
        M0003_CreateMemberships(),
        M0004_CreateBadgeClasses(),
        M0005_CreateAwards(),
        M0006_CreateAPITokens(),
        M0007_SeedNormandieProgramme(),
        M0008_CreateEarnerTables(),
        M0009_CreateMailTables(),
        M0010_CreateApplications(),
        M0011_CreateNetwork(),
        M0012_CreateProgrammes(),
        M0013_CreateSigningKeys(),
        M0014_AddStatusLists(),
        M0015_AddSignedAssertions(),
        M0016_CreateIssueJobs(),
        M0017_CreateSignedCredentials(),
        M0018_CreateSignInFailures(),
        M0019_CreateAuditEvents(),
        M0020_AddAPITokenScopes(),
        M0021_CreateFormHits(),
        M0022_AddListUnsubscribe(),
    ]
}
