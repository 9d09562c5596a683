import BlasonCore
import BlasonPersistence
import Fluent
import Foundation
import OpenBadges
import Vapor

/// What the `blason` command line does, on the same services as the web app. Every method returns
/// the text to print on standard output (JSON where the command promises JSON).
public struct AdminOperations: Sendable {
    let app: Application

    public init(app: Application) {
        self.app = app
    }

    private var db: any Database { app.db }
    private var publisher: OB2Publisher { app.blason.publisher }

    /// Creates an account; with `organisation`, also joins it (creating it when no organisation has
    /// that slug or name) with `role` (admin by default).
    public func createUser(email: String, password: String, name: String?, organisation: String?, role: String?) async throws -> String {
        let chosenRole: Role?
        if let role {
            guard let parsed = Role(rawValue: role) else { throw BlasonError.invalid("role", .notAllowedValue(role)) }
            // A role is held in an organisation: without one it would be silently dropped.
            guard organisation != nil else { throw CommandLineProblem.roleWithoutOrganisation }
            chosenRole = parsed
        } else {
            chosenRole = organisation == nil ? nil : .admin
        }
        let displayName = name ?? String(email.split(separator: "@").first ?? "")
        return try await db.transactionRetrying { db in
            let accounts = AccountService(db: db, hasher: app.passwordHasher, clock: app.blason.clock)
            // The operator vouches for the address of an account made on the command line.
            let user = try await accounts.signUp(email: email, password: password, name: displayName, language: .fr, verified: true)
            var result: [String: String] = ["id": try user.requireID().uuidString.lowercased(), "email": user.email]
            if let organisation, let chosenRole {
                let service = OrganisationService(db: db)
                let existing = try? await service.find(organisation)
                let byName = try await Organisation.query(on: db).filter(\.$name == organisation).first()
                let target: Organisation
                if let found = existing ?? byName {
                    target = found
                    try await service.addMember(email: user.email, role: chosenRole, to: try found.requireID())
                } else {
                    target = try await service.create(OrganisationDraft(name: organisation, slug: "", contactEmail: user.email), logo: nil, creatorID: nil)
                    try await Membership(userID: try user.requireID(), organisationID: try target.requireID(), role: chosenRole).create(on: db)
                }
                result["organisation"] = target.slug
                result["role"] = chosenRole.rawValue
            }
            return Self.json(result)
        }
    }

    /// Creates a badge class from the command line and returns its Open Badges 2.0 BadgeClass.
    public func createBadgeClass(organisation: String, name: String, description: String, criteria: String, imagePath: String,
                                 nameEN: String? = nil, descriptionEN: String? = nil, criteriaEN: String? = nil, signed: Bool = false) async throws -> String {
        let owner = try await Self.lookUp("organisation", organisation) { try await OrganisationService(db: db).find(organisation) }
        guard let image = FileManager.default.contents(atPath: imagePath) else {
            throw BlasonError.invalid("image", .imageMalformed("cannot read \(imagePath)"))
        }
        let draft = BadgeClassDraft(name: LocalizedText(fr: name, en: nameEN), description: LocalizedText(fr: description, en: descriptionEN),
                                    criteria: LocalizedText(fr: criteria, en: criteriaEN), signedAssertions: signed)
        let badgeClass = try await BadgeClassService(db: db).create(organisationID: owner.requireID(), draft: draft, image: image)
        return String(decoding: OB2.json(try publisher.badgeClass(badgeClass)), as: UTF8.self)
    }

    struct BadgeClassLine: Encodable {
        let id, org, name, url: String
        let archived: Bool
    }

    /// One JSON object per line: id, org, name, hosted URL, archived.
    public func listBadgeClasses(organisation: String?) async throws -> [String] {
        let organisationID = try await organisation.asyncMap { reference in
            try await Self.lookUp("organisation", reference) { try await OrganisationService(db: db).find(reference).requireID() }
        }
        return try await BadgeClassService(db: db).list(organisationID: organisationID).map { badgeClass in
            String(decoding: OB2.json(BadgeClassLine(
                id: try badgeClass.requireID().uuidString.lowercased(), org: badgeClass.organisation.slug, name: badgeClass.nameFR,
                url: publisher.url(.badge(try badgeClass.requireID())), archived: badgeClass.isArchived)), as: UTF8.self)
        }
    }

    /// Awards a badge class to one person and returns the Open Badges 2.0 Assertion (its id is the hosted URL).
    public func issue(badge: String, email: String, name: String?, evidence: String?, language: String? = nil, propose: Bool = false,
                      format: String = "ob2") async throws -> String {
        guard ["ob2", "ob3", "ob3-jwt"].contains(format) else { throw BlasonError.invalid("format", .notAllowedValue(format)) }
        let badgeClass = try await Self.lookUp("badge class", badge) {
            guard let id = ObjectReference.uuid(badge) else { throw BlasonError.notFound }
            return try await BadgeClassService(db: db).find(id, in: nil)
        }
        guard let address = EmailAddress(email) else { throw BlasonError.invalid("email", .invalidEmail(email)) }
        var chosen: Language?
        if let language {
            guard let parsed = Language(rawValue: language) else { throw BlasonError.invalid("language", .notAllowedValue(language)) }
            chosen = parsed
        }
        let draft = AwardDraft(recipients: [Recipient(email: address, name: name)], issuedOn: app.blason.clock.now, evidenceURL: evidence,
                               language: chosen, kind: propose ? .proposed : .issued)
        let awards = try await app.blason.awards(db).issue(badgeClass, draft: draft, issuedBy: nil)
        switch format {
        case "ob3": return String(decoding: try await app.blason.ob3(db).signedCredential(awards[0]).jsonData(pretty: true), as: UTF8.self)
        case "ob3-jwt": return try await app.blason.ob3(db).jwt(awards[0])
        default: return String(decoding: OB2.json(try publisher.assertion(awards[0])), as: UTF8.self)
        }
    }

    public func revoke(award reference: String, reason: String) async throws -> String {
        let service = app.blason.awards(db)
        let award = try await Self.lookUp("award", reference) {
            guard let id = ObjectReference.uuid(reference) else { throw BlasonError.notFound }
            return try await service.find(id, in: nil)
        }
        try await service.revoke(award, reason: reason)
        return String(decoding: OB2.json(try publisher.revoked(award)), as: UTF8.self)
    }

    static func json(_ object: [String: String]) -> String {
        String(decoding: OB2.json(object), as: UTF8.self)
    }

    /// Runs a lookup by id or hosted URL, naming what was looked for when nothing matches: the web's
    /// "this page does not exist" tells an operator nothing about which argument was wrong.
    static func lookUp<T>(_ kind: String, _ reference: String, _ find: () async throws -> T) async throws -> T {
        do { return try await find() } catch BlasonError.notFound { throw CommandLineProblem.noMatch(kind: kind, reference: reference) }
    }
}

/// Mistakes only the command line can make, described for the operator who typed them.
enum CommandLineProblem: Error, CustomStringConvertible {
    case noMatch(kind: String, reference: String)
    case roleWithoutOrganisation

    var description: String {
        switch self {
        case .noMatch(let kind, let reference): "no \(kind) matches “\(reference)” (give its id or its hosted URL)"
        case .roleWithoutOrganisation: "--role needs --org: a role is held in an organisation"
        }
    }
}

/// A failure as the command line prints it: one English sentence, no stack.
public func describeForCommandLine(_ error: any Error) -> String {
    let failure = Failure(error, localizer: Localizer(language: .en))
    if let configuration = error as? ConfigurationError { return configuration.description }
    if let problem = error as? CommandLineProblem { return "error: \(problem)" }
    if failure.status == .internalServerError { return "error: \(error)" }
    return "error: " + ([failure.title] + failure.details).joined(separator: " ")
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
