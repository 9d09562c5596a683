@testable import BlasonApp
import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Who calls a route in the authorisation test. "Alpha" owns every object the routes name.
enum MatrixIdentity: String, CaseIterable, Sendable {
    case anonymous
    case earner
    case alphaAdmin = "alpha admin"
    case alphaCreator = "alpha creator"
    case alphaIssuer = "alpha issuer"
    case alphaReviewer = "alpha reviewer"
    case betaAdmin = "admin of another organisation"
    case operatorReviewer = "programme operator's reviewer"

    /// The role held in Alpha, if any.
    var alphaRole: Role? {
        switch self {
        case .alphaAdmin: .admin
        case .alphaCreator: .creator
        case .alphaIssuer: .issuer
        case .alphaReviewer: .reviewer
        default: nil
        }
    }

    /// The role held in the identity's own organisation when it is not Alpha.
    var otherRole: Role? {
        switch self {
        case .betaAdmin: .admin
        case .operatorReviewer: .reviewer
        default: nil
        }
    }
}

/// Every kind of object a route can name, owned by the structure "Alpha", made through the forms
/// the way people make them; plus one signed-in client and one API token per identity.
struct MatrixWorld {
    static let password = "correct horse battery"

    var clients: [MatrixIdentity: WebClient] = [:]
    var tokens: [MatrixIdentity: String] = [:]
    /// Concrete path for each route with parameters, by route key ("POST /admin/members/:id/role").
    var paths: [String: String] = [:]
    /// For `.account` routes: whose object the path names.
    var owners: [String: MatrixIdentity] = [:]
    /// Text that only Alpha's members (and the earner, for their own address) may ever see.
    var markers: [String] = []
    /// Each identity's sign-in address (all share `password`).
    var emails: [MatrixIdentity: String] = [:]

    static func build(_ app: Application) async throws -> MatrixWorld {
        var world = MatrixWorld()
        let operations = AdminOperations(app: app)
        func signIn(_ email: String) async throws -> WebClient {
            let client = WebClient(app)
            try await client.get("/sign-in")
            #expect(try await client.post("/sign-in", [("email", email), ("password", password)]).status == .seeOther)
            try await client.get("/passport/settings")
            return client
        }
        func id(_ text: String?) -> String { text ?? "missing" }
        func lower(_ id: UUID?) -> String { id?.uuidString.lowercased() ?? "missing" }

        // Organisations: Alpha (the owner), Beta (a stranger), Gamma (asks Alpha things), the Region.
        let regionAdmin = try await ProgrammeScenario.regionReviewer(app, email: "direction@normandie.fr")
        let regionID = try await ProgrammeScenario.regionID(app)
        let alpha = try await ProgrammeScenario.structure(app, slug: "alpha", name: "Structure Alpha", badge: "Badge Alpha")
        world.clients[.alphaAdmin] = alpha.client
        let spareBadge = try await Scenario.badgeClass(alpha.client, name: "Badge Alpha de réserve")
        for role in ["creator", "issuer", "reviewer", "spare"] {
            _ = try await operations.createUser(email: "\(role)@alpha.example.org", password: password, name: "Membre \(role)",
                                                organisation: "alpha", role: role == "spare" ? "issuer" : role)
            world.markers.append("\(role)@alpha.example.org")
        }
        world.clients[.alphaCreator] = try await signIn("creator@alpha.example.org")
        world.clients[.alphaIssuer] = try await signIn("issuer@alpha.example.org")
        world.clients[.alphaReviewer] = try await signIn("reviewer@alpha.example.org")
        world.clients[.betaAdmin] = try await Scenario.organisationAdmin(app, email: "admin@beta.example.org", organisation: "Structure Beta", slug: "beta")
        let gamma = try await Scenario.organisationAdmin(app, email: "admin@gamma.example.org", organisation: "Structure Gamma", slug: "gamma")
        let gammaID = try #require(try await Organisation.query(on: app.db).filter(\.$slug == "gamma").first()?.id)
        _ = try await operations.createUser(email: "instruction@normandie.fr", password: password, name: "Inès Instructrice",
                                            organisation: NormandieProgramme.operatorSlug, role: "reviewer")
        world.clients[.operatorReviewer] = try await signIn("instruction@normandie.fr")
        _ = try await operations.createUser(email: "earner@private.example", password: password, name: "Eva Earner", organisation: nil, role: nil)
        let earnerClient = try await signIn("earner@private.example")
        world.clients[.earner] = earnerClient
        let anonymous = WebClient(app)
        try await anonymous.get("/sign-in")
        world.clients[.anonymous] = anonymous

        // Awards: two to the earner, two to private addresses (markers), one of them revoked later by the matrix.
        let admin = alpha.client
        try await EarnerTests.award(admin, alpha.badgeID, "earner@private.example")
        try await EarnerTests.award(admin, spareBadge, "earner@private.example")
        try await EarnerTests.award(admin, alpha.badgeID, "private-recipient@private.example\nrevoked-recipient@private.example")
        world.markers += ["private-recipient@private.example", "revoked-recipient@private.example"]
        func award(_ email: String, _ badge: UUID) async throws -> Award {
            try #require(try await Award.query(on: app.db).filter(\.$recipientEmail == email).filter(\.$badgeClass.$id == badge).first())
        }
        let earnerAward = try await award("earner@private.example", alpha.badgeID)
        let earnerSpare = try await award("earner@private.example", spareBadge)
        let privateAward = try await award("private-recipient@private.example", alpha.badgeID)
        let revokedAward = try await award("revoked-recipient@private.example", alpha.badgeID)
        let claim = try await Mailbox.latestLink(app, to: "private-recipient@private.example")
        // The earner's own address, verified by the claim link of their award.
        let earnerClaim = try await Mailbox.latestLink(app, to: "earner@private.example")
        try await earnerClient.get(earnerClaim)
        try await earnerClient.get("/passport/settings")
        try await earnerClient.get("/passport")
        let accepted = try await earnerClient.post("/passport/awards/\(lower(earnerAward.id))/accept", [])
        #expect(accepted.status == .seeOther, "\(accepted.status) \(accepted.body.string.prefix(500))")
        #expect(try await earnerClient.post("/passport/awards/\(lower(earnerAward.id))/profile", []).status == .seeOther)
        let earnerUser = try #require(try await User.query(on: app.db).filter(\.$email == "earner@private.example").first())

        // A bulk job, a signing key and the status list of Alpha's credentials.
        let job = IssueJob(organisationID: alpha.id, badgeClassID: alpha.badgeID, issuedBy: nil, awardedBy: nil, draftJSON: "{}", total: 0, createdAt: Date())
        try await job.create(on: app.db)
        let key = try await app.blason.keys(app.db).active(alpha.id, .rs256)
        try await BadgeClassService(db: app.db).setSignedAssertions(alpha.badgeID, true)
        let alphaOrganisation = try #require(try await Organisation.find(alpha.id, on: app.db))
        alphaOrganisation.logoData = Fixtures.squarePNG
        alphaOrganisation.logoType = "image/png"
        try await alphaOrganisation.save(on: app.db)

        // Applications: a person applies for Badge Alpha (with a file).
        try await ApplicationScenario.open(admin, badge: alpha.badgeID, method: .single, fields: [("outside_reviewers", "outside@private.example")])
        let reviewerInvitation = try await Mailbox.latestLink(app, to: "outside@private.example")
        let application = try await ApplicationScenario.submitted(app, badge: alpha.badgeID, email: "applicant@private.example")
        _ = try await ApplicationScenario.apply(app, badge: alpha.badgeID, email: "unconfirmed@private.example")
        let confirmation = try await Mailbox.latestLink(app, to: "unconfirmed@private.example")
        world.markers += ["applicant@private.example", "unconfirmed@private.example", "outside@private.example"]
        let applicantLink = try await Mailbox.latestLink(app, to: "applicant@private.example")
        let form = try await ApplicationScenario.form(app, badge: alpha.badgeID)

        // Network: Alpha partners with the Region; Gamma asks Alpha to be its partner; Alpha endorses the Region;
        // the Region asks Alpha for an endorsement and shares one of its badges with Alpha; Alpha shares its own.
        try await admin.get("/network/partners/new?organisation=\(lower(regionID))")
        try await admin.post("/network/partners", [("organisation", regionID.uuidString)])
        let regionPartnership = try #require(try await Partnership.query(on: app.db).first())
        try await regionAdmin.get("/network")
        try await regionAdmin.post("/network/partnerships/\(lower(regionPartnership.id))/accept", [])
        try await gamma.get("/network/partners/new?organisation=\(lower(alpha.id))")
        try await gamma.post("/network/partners", [("organisation", alpha.id.uuidString)])
        let gammaPartnership = try #require(try await Partnership.query(on: app.db).filter(\.$requester.$id == gammaID).first())
        try await admin.get("/network")
        try await admin.post("/network/endorse", [("organisation", regionID.uuidString), ("comment", "Un partenaire fiable.")])
        let endorsement = try #require(try await Endorsement.query(on: app.db).filter(\.$endorser.$id == alpha.id).first())
        try await admin.post("/network/requests", [("email", "expert@private.example"), ("message", "Votre avis compte.")])
        let expertLink = try await Mailbox.latestLink(app, to: "expert@private.example")
        let expert = WebClient(app)
        try await expert.get(expertLink)
        try await expert.post(expertLink, [("name", "Dr Jeanne Roux"), ("affiliation", "Université de Caen"), ("comment", "Une structure exemplaire.")])
        let published = try #require(try await Endorsement.query(on: app.db).filter(\.$statusName == EndorsementStatus.awaitingApproval.rawValue).first())
        try await admin.get("/network")
        try await admin.post("/network/endorsements/\(lower(published.id))/approve", [])
        try await admin.post("/network/requests", [("email", "second-expert@private.example"), ("message", "Votre avis compte.")])
        let secondLink = try await Mailbox.latestLink(app, to: "second-expert@private.example")
        try await expert.get(secondLink)
        try await expert.post(secondLink, [("name", "Paul Second"), ("affiliation", "Lycée"), ("comment", "Très bien.")])
        let external = try #require(try await Endorsement.query(on: app.db).filter(\.$statusName == EndorsementStatus.awaitingApproval.rawValue).first())
        try await admin.get("/network")
        try await admin.post("/network/requests", [("email", "third-expert@private.example"), ("message", "Votre avis compte.")])
        let externalLink = try await Mailbox.latestLink(app, to: "third-expert@private.example")
        world.markers += ["expert@private.example", "second-expert@private.example", "third-expert@private.example"]
        try await regionAdmin.get("/network")
        try await regionAdmin.post("/network/requests", [("partner", alpha.id.uuidString), ("message", "Endossez-nous")])
        let request = try #require(try await EndorsementRequest.query(on: app.db).filter(\.$endorser.$id == alpha.id).first())
        try await admin.get("/network")
        try await admin.post("/network/templates", [("template_name", "Standard"), ("template_fr", "Badge reconnu par Alpha.")])
        let template = try #require(try await EndorsementTemplate.query(on: app.db).filter(\.$organisation.$id == alpha.id).first())
        try await admin.get("/network/shares/new")
        try await admin.post("/network/shares", [("badge_class", spareBadge.uuidString), ("mode", "link"), ("partners[]", regionID.uuidString)])
        let ownShare = try #require(try await BadgeShare.query(on: app.db).filter(\.$sharer.$id == alpha.id).first())
        let regionBadge = try #require(try await BadgeClass.query(on: app.db).filter(\.$organisation.$id == regionID).first())
        try await regionAdmin.get("/network/shares/new")
        try await regionAdmin.post("/network/shares", [("badge_class", lower(regionBadge.id)), ("mode", "link"), ("partners[]", alpha.id.uuidString)])
        let receivedShare = try #require(try await BadgeShare.query(on: app.db).filter(\.$sharer.$id == regionID).first())

        // The programme: Alpha submits its badge and applies for the participant badge.
        try await ProgrammeScenario.submit(alpha)
        let submission = try await ProgrammeScenario.submission(app, badge: alpha.badgeID)
        try await ProgrammeScenario.apply(app, alpha)

        // Links sent by e-mail: a password reset, a passport sign-in, an address to verify.
        try await anonymous.post("/password/forgot", [("email", "spare@alpha.example.org")])
        let reset = try await Mailbox.latestLink(app, to: "spare@alpha.example.org")
        try await anonymous.get("/passport/sign-in")
        try await anonymous.post("/passport/sign-in", [("email", "earner@private.example")])
        let passportLink = try await Mailbox.latestLink(app, to: "earner@private.example")
        try await earnerClient.get("/passport/emails")
        try await earnerClient.post("/passport/emails", [("email", "earner-second@private.example")])
        let verifyLink = try await Mailbox.latestLink(app, to: "earner-second@private.example")

        // API tokens, one per identity, and a spare one of Alpha's admin to revoke.
        let tokenService = TokenService(db: app.db, clock: app.blason.clock, lifetimeDays: 30)
        for identity in MatrixIdentity.allCases where identity != .anonymous {
            let email: String = switch identity {
            case .earner: "earner@private.example"
            case .alphaAdmin: alpha.email
            case .alphaCreator: "creator@alpha.example.org"
            case .alphaIssuer: "issuer@alpha.example.org"
            case .alphaReviewer: "reviewer@alpha.example.org"
            case .betaAdmin: "admin@beta.example.org"
            case .operatorReviewer: "instruction@normandie.fr"
            case .anonymous: ""
            }
            world.emails[identity] = email
            let user = try #require(try await User.query(on: app.db).filter(\.$email == email).first())
            world.tokens[identity] = try await tokenService.issue(userID: user.requireID(), name: "matrix").token
        }
        let alphaAdminUser = try #require(try await User.query(on: app.db).filter(\.$email == alpha.email).first())
        let spareToken = try await tokenService.issue(userID: alphaAdminUser.requireID(), name: "spare").record
        let spareMember = try #require(try await Membership.query(on: app.db).join(User.self, on: \Membership.$user.$id == \User.$id)
            .filter(User.self, \.$email == "spare@alpha.example.org").first())

        let unsubscribe = UnsubscribeLinks(masterKey: app.blason.masterKey).path(userID: try alphaAdminUser.requireID(), kind: EndorsementDigest.kind)
        let badge = lower(alpha.badgeID), job1 = lower(job.id), key0 = NormandieProgramme.key
        var paths: [String: String] = [
            "POST /admin/members/:id/role": "/admin/members/\(lower(spareMember.id))/role",
            "POST /admin/members/:id/remove": "/admin/members/\(lower(spareMember.id))/remove",
            "POST /admin/tokens/:id/revoke": "/admin/tokens/\(lower(spareToken.id))/revoke",
            "DELETE /api/v1/tokens/:id": "/api/v1/tokens/\(lower(spareToken.id))",
            "GET /creator/badge-classes/:id": "/creator/badge-classes/\(badge)",
            "GET /creator/badge-classes/:id/edit": "/creator/badge-classes/\(badge)/edit",
            "POST /creator/badge-classes/:id/edit": "/creator/badge-classes/\(badge)/edit",
            "POST /creator/badge-classes/:id/archive": "/creator/badge-classes/\(lower(spareBadge))/archive",
            "GET /issuer/badge-classes/:id/award": "/issuer/badge-classes/\(badge)/award",
            "POST /issuer/badge-classes/:id/award": "/issuer/badge-classes/\(badge)/award",
            "GET /issuer/jobs/:id": "/issuer/jobs/\(job1)",
            "GET /issuer/awards/:id": "/issuer/awards/\(lower(privateAward.id))",
            "POST /issuer/awards/:id/revoke": "/issuer/awards/\(lower(revokedAward.id))/revoke",
            "POST /issuer/awards/:id/resend": "/issuer/awards/\(lower(privateAward.id))/resend",
            "GET /password/reset/:token": reset, "POST /password/reset/:token": reset,
            "GET /unsubscribe/:user/:kind/:mac": unsubscribe, "POST /unsubscribe/:user/:kind/:mac": unsubscribe,
            "GET /claim/:id/:token": claim, "POST /claim/:id/:token/accept": claim + "/accept",
            "POST /claim/:id/:token/decline": claim + "/decline", "POST /claim/:id/:token/hide": claim + "/hide",
            "POST /passport/awards/:id/accept": "/passport/awards/\(lower(earnerAward.id))/accept",
            "POST /passport/awards/:id/decline": "/passport/awards/\(lower(earnerSpare.id))/decline",
            "POST /passport/awards/:id/hide": "/passport/awards/\(lower(earnerAward.id))/hide",
            "POST /passport/awards/:id/profile": "/passport/awards/\(lower(earnerAward.id))/profile",
            "GET /passport/link/:token": passportLink, "GET /passport/emails/verify": verifyLink,
            "GET /earners/:key": "/earners/\(id(earnerUser.profileKey))",
            "GET /creator/badge-classes/:id/applications": "/creator/badge-classes/\(badge)/applications",
            "POST /creator/badge-classes/:id/applications": "/creator/badge-classes/\(badge)/applications",
            "POST /creator/badge-classes/:id/applications/close": "/creator/badge-classes/\(badge)/applications/close",
            "GET /apply/:id": "/apply/\(badge)", "POST /apply/:id": "/apply/\(badge)",
            "GET /apply/:id/qr.svg": "/apply/\(badge)/qr.svg", "GET /apply/:id/qr.png": "/apply/\(badge)/qr.png",
            "GET /applications/confirm/:token": confirmation,
            "GET /applications/:id/:token": applicantLink, "POST /applications/:id/:token/resubmit": applicantLink + "/resubmit",
            "POST /applications/:id/:token/comment": applicantLink + "/comment",
            "GET /reviewers/join/:token": reviewerInvitation,
            "GET /reviews/:id/files/:question": "/reviews/\(lower(application.id))/files/\(lower(form.questions.last?.id))",
            "POST /network/partnerships/:id/accept": "/network/partnerships/\(lower(gammaPartnership.id))/accept",
            "POST /network/partnerships/:id/decline": "/network/partnerships/\(lower(gammaPartnership.id))/decline",
            "POST /network/partnerships/:id/end": "/network/partnerships/\(lower(gammaPartnership.id))/end",
            "POST /network/endorsements/:id/withdraw": "/network/endorsements/\(lower(endorsement.id))/withdraw",
            "POST /network/endorsements/:id/approve": "/network/endorsements/\(lower(external.id))/approve",
            "POST /network/endorsements/:id/decline": "/network/endorsements/\(lower(external.id))/decline",
            "POST /network/requests/:id/accept": "/network/requests/\(lower(request.id))/accept",
            "POST /network/requests/:id/decline": "/network/requests/\(lower(request.id))/decline",
            "POST /network/templates/:id": "/network/templates/\(lower(template.id))",
            "POST /network/templates/:id/delete": "/network/templates/\(lower(template.id))/delete",
            "GET /endorse/:token": externalLink, "POST /endorse/:token": externalLink,
            "POST /network/shares/:id/accept": "/network/shares/\(lower(receivedShare.id))/accept",
            "POST /network/shares/:id/decline": "/network/shares/\(lower(receivedShare.id))/decline",
            "POST /network/shares/:id/end": "/network/shares/\(lower(ownShare.id))/end",
            "GET /issuers/:id": "/issuers/\(lower(alpha.id))", "GET /issuers/:id/logo": "/issuers/\(lower(alpha.id))/logo",
            "GET /issuers/:id/revocations": "/issuers/\(lower(alpha.id))/revocations",
            "GET /badges/:id": "/badges/\(badge)", "GET /badges/:id/image": "/badges/\(badge)/image",
            "GET /keys/:id": "/keys/\(lower(key.id))",
            "GET /endorsements/:id": "/endorsements/\(lower(endorsement.id))",
            "GET /endorsements/:id/endorser": "/endorsements/\(lower(published.id))/endorser",
            "GET /network/partners/new": "/network/partners/new?organisation=\(lower(gammaID))",
            "GET /ob3/issuers/:id": "/ob3/issuers/\(lower(alpha.id))", "GET /ob3/issuers/:id/jwks.json": "/ob3/issuers/\(lower(alpha.id))/jwks.json",
            "GET /ob3/issuers/:id/status/:page": "/ob3/issuers/\(lower(alpha.id))/status/1",
            "GET /ob3/achievements/:id": "/ob3/achievements/\(badge)", "GET /ob3/endorsements/:id": "/ob3/endorsements/\(lower(endorsement.id))",
            "GET /api/v1/organisations/:slug": "/api/v1/organisations/alpha", "PATCH /api/v1/organisations/:slug": "/api/v1/organisations/alpha",
            "GET /api/v1/badge-classes/:id": "/api/v1/badge-classes/\(badge)",
            "GET /api/v1/awards/:id": "/api/v1/awards/\(lower(privateAward.id))",
            "POST /api/v1/awards/:id/revoke": "/api/v1/awards/\(lower(revokedAward.id))/revoke",
            "GET /api/v1/jobs/:id": "/api/v1/jobs/\(job1)",
            "GET /api/v1/applications/:id": "/api/v1/applications/\(lower(application.id))",
            "POST /api/v1/applications/:id/decision": "/api/v1/applications/\(lower(application.id))/decision",
            "POST /api/v1/applications/:id/votes": "/api/v1/applications/\(lower(application.id))/votes",
            "POST /api/v1/partnerships/:id/response": "/api/v1/partnerships/\(lower(gammaPartnership.id))/response",
            "DELETE /api/v1/partnerships/:id": "/api/v1/partnerships/\(lower(gammaPartnership.id))",
            "POST /api/v1/endorsements/:id/review": "/api/v1/endorsements/\(lower(external.id))/review",
            "DELETE /api/v1/endorsements/:id": "/api/v1/endorsements/\(lower(endorsement.id))",
            "POST /api/v1/endorsement-requests/:id/answer": "/api/v1/endorsement-requests/\(lower(request.id))/answer",
            "PUT /api/v1/endorsement-templates/:id": "/api/v1/endorsement-templates/\(lower(template.id))",
            "DELETE /api/v1/endorsement-templates/:id": "/api/v1/endorsement-templates/\(lower(template.id))",
        ]
        for suffix in ["", "/image", "/baked.png", "/baked.svg", "/signed.jws", "/signed.png"] {
            paths["GET /assertions/:id\(suffix)"] = "/assertions/\(lower(earnerAward.id))\(suffix)"
        }
        for suffix in ["", "/credential.jwt", "/baked.png", "/baked.svg"] {
            paths["GET /ob3/credentials/:id\(suffix)"] = "/ob3/credentials/\(lower(earnerAward.id))\(suffix)"
        }
        for suffix in ["", "/approve", "/return", "/reject", "/vote", "/comment"] {
            paths["\(suffix.isEmpty ? "GET" : "POST") /reviews/:id\(suffix)"] = "/reviews/\(lower(application.id))\(suffix)"
        }
        for suffix in ["", "/awards"] {
            paths["POST /api/v1/badge-classes/:id\(suffix)"] = "/api/v1/badge-classes/\(badge)\(suffix)"
            paths["GET /api/v1/badge-classes/:id\(suffix)"] = "/api/v1/badge-classes/\(badge)\(suffix)"
        }
        for route in ["GET /api/v1/badge-classes/:id/application-form", "PUT /api/v1/badge-classes/:id/application-form"] {
            paths[route] = "/api/v1/badge-classes/\(badge)/application-form"
        }
        paths["POST /api/v1/badge-classes/:id/application-form/close"] = "/api/v1/badge-classes/\(badge)/application-form/close"
        paths["POST /api/v1/badge-classes/:id/applications"] = "/api/v1/badge-classes/\(badge)/applications"
        for route in ["badge-classes", "applications", "directory", "partnerships", "endorsements", "endorsement-requests", "endorsement-templates"] {
            paths["GET /api/v1/organisations/:slug/\(route)"] = "/api/v1/organisations/alpha/\(route)"
            paths["POST /api/v1/organisations/:slug/\(route)"] = "/api/v1/organisations/alpha/\(route)"
        }
        let submissionPath = "/programmes/\(key0)/submissions/\(lower(submission.id))"
        paths["GET /programmes/:key/submissions/:id"] = submissionPath
        for action in ["accept", "info", "reject", "reply"] { paths["POST /programmes/:key/submissions/:id/\(action)"] = submissionPath + "/" + action }
        paths["GET /api/v1/programmes/:key/submissions/:id"] = "/api/v1" + submissionPath
        paths["POST /api/v1/programmes/:key/submissions/:id/review"] = "/api/v1" + submissionPath + "/review"
        paths["POST /api/v1/programmes/:key/submissions/:id/messages"] = "/api/v1" + submissionPath + "/messages"
        world.paths = paths
        world.owners = ["POST /admin/tokens/:id/revoke": .alphaAdmin, "DELETE /api/v1/tokens/:id": .alphaAdmin]
        for action in ["accept", "decline", "hide", "profile"] { world.owners["POST /passport/awards/:id/\(action)"] = .earner }
        return world
    }

    /// The concrete path of a route: its fixture, or its pattern with the programme's key.
    func path(for key: String) -> String? {
        if let path = paths[key] { return path }
        let pattern = String(key.split(separator: " ", maxSplits: 1)[1])
        let filled = pattern.replacingOccurrences(of: ":key", with: NormandieProgramme.key)
        return filled.contains(":") ? nil : filled
    }
}
