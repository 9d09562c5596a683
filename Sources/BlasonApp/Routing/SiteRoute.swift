import BlasonCore
import Foundation
import OpenBadges

/// Every URL the site links to. Views and controllers build links from here only, so a path is
/// spelled once and a renamed route cannot leave a dead link behind.
enum SiteRoute: Equatable, Sendable {
    case home
    case healthz
    case stylesheet
    case signIn
    case signUp
    case signOut

    case dashboard
    case organisationNew
    case organisationSwitch
    case administration
    case organisationSettings
    case members
    case memberRole(UUID)
    case memberRemove(UUID)
    case tokens
    case tokenRevoke(UUID)
    case auditLog
    case auditCSV
    case programmeAudit(String)
    case programmeAuditCSV(String)

    case badgeClasses
    case badgeClassNew
    case badgeClass(UUID)
    case badgeClassEdit(UUID)
    case badgeClassArchive(UUID)

    case issuerTools
    case award(badgeClass: UUID)
    case awards
    case awardDetail(UUID)
    case awardRevoke(UUID)

    case awardResend(UUID)
    case issueJob(UUID)
    case network
    case reports
    case help
    case accessibility
    case unsubscribe(UUID, String, String)

    // Earners: e-mail links, their space, their public page.
    case claim(UUID, String)
    case claimAction(UUID, String, EarnerAction)
    case passport
    case passportAward(UUID, EarnerAction)
    case passportProfileToggle(UUID)
    case passportSignIn
    case passportLink(String)
    case passwordForgot
    case passwordReset(String)
    case signOutEverywhere
    case passportEmails
    case passportEmailVerify
    case passportSettings
    case passportPassword
    case passportExport
    case passportDelete
    case earnerProfile(String)
    case mailOutbox
    case mailTemplates

    // Applications
    case applicationsSetup(UUID)
    case applyPage(UUID)
    case applyQRCode(UUID, String)
    case applicationConfirm(String)
    case applicantView(UUID, String)
    case applicantAction(UUID, String, String)
    case reviews
    case review(UUID)
    case reviewAction(UUID, String)
    case applicationFile(UUID, UUID)
    case reviewerJoin(String)

    // Network and endorsements
    case networkAction(String)
    case partnershipAction(UUID, String)
    case endorsementAction(UUID, String)
    case endorsementRequestAction(UUID, String)
    case endorsementTemplate(UUID?)
    case externalEndorsement(String)
    case endorsement(UUID)
    case externalEndorser(UUID)

    // Programmes and sharing
    case programmes
    case programme(String)
    case programmeJoin(String)
    case programmeReview(String)
    case programmeSubmission(String, UUID)
    case programmeSubmissionAction(String, UUID, String)
    case programmeDashboard(String)
    case programmeExport(String)
    case shareBadge
    case shares
    case shareAction(UUID, String)

    // Public, stable URLs: Open Badges ids and their human pages (content negotiation).
    case issuer(UUID)
    case issuerLogo(UUID)
    case revocationList(UUID)
    case badge(UUID)
    case badgeImage(UUID)
    case assertion(UUID)
    case assertionImage(UUID)
    case assertionBaked(UUID, BadgeImageFormat)
    case assertionSigned(UUID)
    case assertionSignedBaked(UUID)

    // Open Badges 3.0: the issuer Profile with its keys, achievements, credentials, status lists.
    case ob3Issuer(UUID)
    case ob3IssuerKeys(UUID)
    case ob3StatusList(UUID, Int)
    case ob3Achievement(UUID)
    case ob3Credential(UUID)
    case ob3CredentialJWT(UUID)
    case ob3CredentialBaked(UUID, BadgeImageFormat)
    case ob3Endorsement(UUID)
    case ob2PublicKey(UUID)
    case verify

    var path: String {
        switch self {
        case .home: "/"
        case .healthz: "/healthz"
        case .stylesheet: "/styles/blason.css"
        case .signIn: "/sign-in"
        case .signUp: "/sign-up"
        case .signOut: "/sign-out"
        case .dashboard: "/dashboard"
        case .organisationNew: "/organisations/new"
        case .organisationSwitch: "/organisations/switch"
        case .administration: "/admin"
        case .organisationSettings: "/admin/organisation"
        case .members: "/admin/members"
        case .memberRole(let id): "/admin/members/\(id.uuidString.lowercased())/role"
        case .memberRemove(let id): "/admin/members/\(id.uuidString.lowercased())/remove"
        case .tokens: "/admin/tokens"
        case .auditLog: "/admin/audit"
        case .auditCSV: "/admin/audit.csv"
        case .programmeAudit(let key): "/programmes/\(key)/audit"
        case .programmeAuditCSV(let key): "/programmes/\(key)/audit.csv"
        case .tokenRevoke(let id): "/admin/tokens/\(id.uuidString.lowercased())/revoke"
        case .issueJob(let id): "/issuer/jobs/\(id.uuidString.lowercased())"
        case .badgeClasses: "/creator/badge-classes"
        case .badgeClassNew: "/creator/badge-classes/new"
        case .badgeClass(let id): "/creator/badge-classes/\(id.uuidString.lowercased())"
        case .badgeClassEdit(let id): "/creator/badge-classes/\(id.uuidString.lowercased())/edit"
        case .badgeClassArchive(let id): "/creator/badge-classes/\(id.uuidString.lowercased())/archive"
        case .issuerTools: "/issuer"
        case .award(let id): "/issuer/badge-classes/\(id.uuidString.lowercased())/award"
        case .awards: "/issuer/awards"
        case .awardDetail(let id): "/issuer/awards/\(id.uuidString.lowercased())"
        case .awardRevoke(let id): "/issuer/awards/\(id.uuidString.lowercased())/revoke"
        case .awardResend(let id): "/issuer/awards/\(id.uuidString.lowercased())/resend"
        case .claim(let id, let token): "/claim/\(id.uuidString.lowercased())/\(token)"
        case .claimAction(let id, let token, let action): "/claim/\(id.uuidString.lowercased())/\(token)/\(action.rawValue)"
        case .passport: "/passport"
        case .passportAward(let id, let action): "/passport/awards/\(id.uuidString.lowercased())/\(action.rawValue)"
        case .passportProfileToggle(let id): "/passport/awards/\(id.uuidString.lowercased())/profile"
        case .passportSignIn: "/passport/sign-in"
        case .passportLink(let token): "/passport/link/\(token)"
        case .passwordForgot: "/password/forgot"
        case .passwordReset(let token): "/password/reset/\(token)"
        case .signOutEverywhere: "/sign-out/everywhere"
        case .passportEmails: "/passport/emails"
        case .passportEmailVerify: "/passport/emails/verify"
        case .passportSettings: "/passport/settings"
        case .passportPassword: "/passport/password"
        case .passportExport: "/passport/export.zip"
        case .passportDelete: "/passport/delete"
        case .earnerProfile(let key): "/earners/\(key)"
        case .applicationsSetup(let id): "/creator/badge-classes/\(id.uuidString.lowercased())/applications"
        case .applyPage(let id): "/apply/\(id.uuidString.lowercased())"
        case .applyQRCode(let id, let ext): "/apply/\(id.uuidString.lowercased())/qr.\(ext)"
        case .applicationConfirm(let token): "/applications/confirm/\(token)"
        case .applicantView(let id, let token): "/applications/\(id.uuidString.lowercased())/\(token)"
        case .applicantAction(let id, let token, let action): "/applications/\(id.uuidString.lowercased())/\(token)/\(action)"
        case .reviews: "/reviews"
        case .review(let id): "/reviews/\(id.uuidString.lowercased())"
        case .reviewAction(let id, let action): "/reviews/\(id.uuidString.lowercased())/\(action)"
        case .applicationFile(let id, let question): "/reviews/\(id.uuidString.lowercased())/files/\(question.uuidString.lowercased())"
        case .reviewerJoin(let token): "/reviewers/join/\(token)"
        case .networkAction(let action): "/network/\(action)"
        case .partnershipAction(let id, let action): "/network/partnerships/\(id.uuidString.lowercased())/\(action)"
        case .endorsementAction(let id, let action): "/network/endorsements/\(id.uuidString.lowercased())/\(action)"
        case .endorsementRequestAction(let id, let action): "/network/requests/\(id.uuidString.lowercased())/\(action)"
        case .endorsementTemplate(let id): id.map { "/network/templates/\($0.uuidString.lowercased())" } ?? "/network/templates"
        case .externalEndorsement(let token): "/endorse/\(token)"
        case .endorsement(let id): "/endorsements/\(id.uuidString.lowercased())"
        case .externalEndorser(let id): "/endorsements/\(id.uuidString.lowercased())/endorser"
        case .programmes: "/programmes"
        case .programme(let key): "/programmes/\(key)"
        case .programmeJoin(let key): "/programmes/\(key)/join"
        case .programmeReview(let key): "/programmes/\(key)/review"
        case .programmeSubmission(let key, let id): "/programmes/\(key)/submissions/\(id.uuidString.lowercased())"
        case .programmeSubmissionAction(let key, let id, let action): "/programmes/\(key)/submissions/\(id.uuidString.lowercased())/\(action)"
        case .programmeDashboard(let key): "/programmes/\(key)/dashboard"
        case .programmeExport(let key): "/programmes/\(key)/export.csv"
        case .shareBadge: "/network/shares/new"
        case .shares: "/network/shares"
        case .shareAction(let id, let action): "/network/shares/\(id.uuidString.lowercased())/\(action)"
        case .mailOutbox: "/admin/mail"
        case .mailTemplates: "/admin/mail-templates"
        case .network: "/network"
        case .reports: "/reports"
        case .help: "/help"
        case .accessibility: "/accessibility"
        case .unsubscribe(let user, let kind, let mac): "/unsubscribe/\(user.uuidString.lowercased())/\(kind)/\(mac)"
        case .issuer(let id): "/issuers/\(id.uuidString.lowercased())"
        case .issuerLogo(let id): "/issuers/\(id.uuidString.lowercased())/logo"
        case .revocationList(let id): "/issuers/\(id.uuidString.lowercased())/revocations"
        case .badge(let id): "/badges/\(id.uuidString.lowercased())"
        case .badgeImage(let id): "/badges/\(id.uuidString.lowercased())/image"
        case .assertion(let id): "/assertions/\(id.uuidString.lowercased())"
        case .assertionImage(let id): "/assertions/\(id.uuidString.lowercased())/image"
        case .assertionBaked(let id, let format): "/assertions/\(id.uuidString.lowercased())/baked.\(format.fileExtension)"
        case .assertionSigned(let id): "/assertions/\(id.uuidString.lowercased())/signed.jws"
        case .assertionSignedBaked(let id): "/assertions/\(id.uuidString.lowercased())/signed.png"
        case .ob3Issuer(let id): "/ob3/issuers/\(id.uuidString.lowercased())"
        case .ob3IssuerKeys(let id): "/ob3/issuers/\(id.uuidString.lowercased())/jwks.json"
        case .ob3StatusList(let id, let page): "/ob3/issuers/\(id.uuidString.lowercased())/status/\(page)"
        case .ob3Achievement(let id): "/ob3/achievements/\(id.uuidString.lowercased())"
        case .ob3Credential(let id): "/ob3/credentials/\(id.uuidString.lowercased())"
        case .ob3CredentialJWT(let id): "/ob3/credentials/\(id.uuidString.lowercased())/credential.jwt"
        case .ob3CredentialBaked(let id, let format): "/ob3/credentials/\(id.uuidString.lowercased())/baked.\(format.fileExtension)"
        case .ob3Endorsement(let id): "/ob3/endorsements/\(id.uuidString.lowercased())"
        case .ob2PublicKey(let id): "/keys/\(id.uuidString.lowercased())"
        case .verify: "/verify"
        }
    }

    /// The absolute URL under the public origin, as published in Open Badges documents.
    func absolute(_ publicURL: String) -> String {
        publicURL + path
    }
}

/// Route patterns for registration, kept beside the enum so both change together.
enum RoutePattern {
    static let id = "id"
}
