import BlasonCore
import BlasonPersistence
import Fluent
import Foundation

/// Organisations, their profile and their members.
struct OrganisationService {
    let db: any Database
    var clock: Clock = .system

    private func audit(_ db: any Database) -> AuditLog { AuditLog(db: db, clock: clock) }

    /// Creates the organisation and makes `creatorID` its admin, in one transaction.
    func create(_ draft: OrganisationDraft, logo: Data?, creatorID: UUID?) async throws -> Organisation {
        var issues: [FieldIssue] = []
        let valid: OrganisationDraft.Valid?
        do { valid = try draft.validated() } catch { if case .invalid(let found) = error { issues += found }; valid = nil }
        let checkedLogo = logo.map { ImageCheck.validate($0, field: "logo").value(recording: &issues) } ?? nil
        if let valid, try await Organisation.query(on: db).filter(\.$slug == valid.slug.value).first() != nil {
            issues.append(FieldIssue(field: "slug", problem: .slugTaken(valid.slug.value)))
        }
        guard issues.isEmpty, let valid else { throw BlasonError.invalid(issues) }
        do {
            return try await db.transactionRetrying { db in
                let organisation = Organisation(draft: valid)
                if let checkedLogo {
                    organisation.logoData = checkedLogo.data
                    organisation.logoType = checkedLogo.format.mimeType
                }
                try await organisation.create(on: db)
                if let creatorID {
                    try await Membership(userID: creatorID, organisationID: organisation.requireID(), role: .admin).create(on: db)
                }
                try await audit(db).record("organisation.created", organisation: organisation.id, object: "organisation", id: organisation.id,
                                           detail: organisation.name)
                return organisation
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw BlasonError.invalid("slug", .slugTaken(valid.slug.value))
        }
    }

    func update(_ organisation: Organisation, draft: OrganisationDraft, logo: Data?, findable: Bool) async throws {
        var issues: [FieldIssue] = []
        var edited = draft
        edited.slug = organisation.slug
        let valid: OrganisationDraft.Valid?
        do { valid = try edited.validated() } catch { if case .invalid(let found) = error { issues += found }; valid = nil }
        let checkedLogo = logo.map { ImageCheck.validate($0, field: "logo").value(recording: &issues) } ?? nil
        guard issues.isEmpty, let valid else { throw BlasonError.invalid(issues) }
        organisation.apply(valid)
        organisation.findable = findable
        if let checkedLogo {
            organisation.logoData = checkedLogo.data
            organisation.logoType = checkedLogo.format.mimeType
        }
        try await db.transactionRetrying { db in
            try await organisation.save(on: db)
            try await audit(db).record("organisation.settings-changed", organisation: organisation.id, object: "organisation", id: organisation.id,
                                       detail: organisation.name)
        }
    }

    /// Finds an organisation by slug, id, or public Profile URL (as the command line accepts).
    func find(_ reference: String) async throws -> Organisation {
        if let id = ObjectReference.uuid(reference), let organisation = try await Organisation.find(id, on: db) {
            return organisation
        }
        guard let organisation = try await Organisation.query(on: db).filter(\.$slug == reference).first() else {
            throw BlasonError.notFound
        }
        return organisation
    }

    func members(of organisationID: UUID) async throws -> [Membership] {
        try await Membership.query(on: db).filter(\.$organisation.$id == organisationID).with(\.$user).all()
            .sorted { $0.user.name.localizedCompare($1.user.name) == .orderedAscending }
    }

    func addMember(email: String, role: Role, to organisationID: UUID) async throws {
        guard let address = EmailAddress(email) else { throw BlasonError.invalid("email", .invalidEmail(email)) }
        guard let user = try await User.query(on: db).filter(\.$email == address.value).first() else {
            throw BlasonError.invalid("email", .unknownUser(address.value))
        }
        let userID = try user.requireID()
        if try await Membership.query(on: db).filter(\.$user.$id == userID).filter(\.$organisation.$id == organisationID).first() != nil {
            throw BlasonError.invalid("email", .alreadyMember)
        }
        try await db.transactionRetrying { db in
            let membership = Membership(userID: userID, organisationID: organisationID, role: role)
            try await membership.create(on: db)
            try await audit(db).record("member.added", organisation: organisationID, object: "membership", id: membership.id,
                                       detail: "\(user.name) — \(role.rawValue)")
        }
    }

    /// Changes a role; an organisation never loses its last admin, or nobody could manage it any more.
    func changeRole(membershipID: UUID, in organisationID: UUID, to role: Role) async throws {
        try await db.transactionRetrying { db in
            let membership = try await Self.membership(membershipID, in: organisationID, db)
            if membership.role == .admin, role != .admin { try await Self.ensureAnotherAdmin(besides: membership, db) }
            let before = membership.role
            membership.role = role
            try await membership.save(on: db)
            let name = try await User.find(membership.$user.id, on: db)?.name ?? ""
            try await audit(db).record("member.role-changed", organisation: organisationID, object: "membership", id: membership.id,
                                       detail: "\(name) — \(before.rawValue) → \(role.rawValue)")
        }
    }

    func removeMember(membershipID: UUID, from organisationID: UUID) async throws {
        try await db.transactionRetrying { db in
            let membership = try await Self.membership(membershipID, in: organisationID, db)
            if membership.role == .admin { try await Self.ensureAnotherAdmin(besides: membership, db) }
            try await membership.delete(on: db)
            let name = try await User.find(membership.$user.id, on: db)?.name ?? ""
            try await audit(db).record("member.removed", organisation: organisationID, object: "membership", id: membership.id,
                                       detail: "\(name) — \(membership.role.rawValue)")
        }
    }

    private static func membership(_ id: UUID, in organisationID: UUID, _ db: any Database) async throws -> Membership {
        guard let membership = try await Membership.find(id, on: db), membership.$organisation.id == organisationID else {
            throw BlasonError.notFound
        }
        return membership
    }

    private static func ensureAnotherAdmin(besides membership: Membership, _ db: any Database) async throws {
        let admins = try await Membership.query(on: db)
            .filter(\.$organisation.$id == membership.$organisation.id)
            .filter(\.$roleName == Role.admin.rawValue)
            .count()
        if admins <= 1 { throw BlasonError.conflict(.lastAdmin) }
    }
}

/// Reads the ids the command line and the API accept: a bare UUID or any URL ending with one.
enum ObjectReference {
    static func uuid(_ reference: String) -> UUID? {
        let trimmed = reference.trimmingCharacters(in: .whitespaces)
        if let id = UUID(uuidString: trimmed) { return id }
        guard let url = URLComponents(string: trimmed), url.scheme != nil else { return nil }
        return url.path.split(separator: "/").reversed().lazy.compactMap { UUID(uuidString: String($0)) }.first
    }
}
