import BlasonCore
import BlasonPersistence
import Fluent
import Foundation

/// Badge classes of an organisation: create, edit, archive.
struct BadgeClassService {
    let db: any Database
    var clock: Clock = .system

    /// Validates texts and image together so that a form shows every problem at once.
    func create(organisationID: UUID, draft: BadgeClassDraft, image: Data?) async throws -> BadgeClass {
        var issues: [FieldIssue] = []
        let valid = collect(&issues) { () throws(BlasonError) -> BadgeClassDraft in try draft.validated() }
        let checked: (data: Data, format: BadgeImageFormatName)?
        if let image, !image.isEmpty {
            checked = ImageCheck.validate(image, field: "image").map { ($0.data, $0.format.mimeType) }.value(recording: &issues)
        } else {
            issues.append(FieldIssue(field: "image", problem: .imageMissing))
            checked = nil
        }
        guard issues.isEmpty, let valid, let checked else { throw BlasonError.invalid(issues) }
        let badgeClass = BadgeClass(organisationID: organisationID, draft: valid, imageData: checked.data, imageType: checked.format)
        try await db.transactionRetrying { db in
            try await badgeClass.create(on: db)
            if draft.signedAssertions { try await BadgeClassService(db: db).setSignedAssertions(badgeClass.requireID(), true) }
            try await AuditLog(db: db, clock: clock).record("badge-class.created", organisation: organisationID, object: "badge-class",
                                                            id: badgeClass.id, detail: badgeClass.nameFR)
        }
        return badgeClass
    }

    func signedAssertions(_ badgeClassID: UUID) async throws -> Bool {
        try await BadgeClassOption.find(badgeClassID, on: db)?.signedAssertions ?? false
    }

    func setSignedAssertions(_ badgeClassID: UUID, _ value: Bool) async throws {
        if let option = try await BadgeClassOption.find(badgeClassID, on: db) {
            option.signedAssertions = value
            try await option.save(on: db)
        } else if value {
            try await BadgeClassOption(badgeClassID: badgeClassID, signedAssertions: true).create(on: db)
        }
    }

    func update(_ badgeClass: BadgeClass, draft: BadgeClassDraft, image: Data?) async throws {
        var issues: [FieldIssue] = []
        let valid = collect(&issues) { () throws(BlasonError) -> BadgeClassDraft in try draft.validated() }
        var checked: (data: Data, format: BadgeImageFormatName)?
        if let image, !image.isEmpty {
            checked = ImageCheck.validate(image, field: "image").map { ($0.data, $0.format.mimeType) }.value(recording: &issues)
        }
        guard issues.isEmpty, let valid else { throw BlasonError.invalid(issues) }
        badgeClass.apply(valid)
        if let checked {
            badgeClass.imageData = checked.data
            badgeClass.imageType = checked.format
        }
        try await db.transactionRetrying { db in
            try await badgeClass.save(on: db)
            try await BadgeClassService(db: db).setSignedAssertions(badgeClass.requireID(), draft.signedAssertions)
            try await AuditLog(db: db, clock: clock).record("badge-class.edited", organisation: badgeClass.$organisation.id, object: "badge-class",
                                                            id: badgeClass.id, detail: badgeClass.nameFR)
        }
    }

    func archive(_ badgeClass: BadgeClass, at now: Date) async throws {
        guard !badgeClass.isArchived else { return }
        badgeClass.archivedAt = now
        try await db.transactionRetrying { db in
            try await badgeClass.save(on: db)
            try await AuditLog(db: db, clock: clock).record("badge-class.archived", organisation: badgeClass.$organisation.id, object: "badge-class",
                                                            id: badgeClass.id, detail: badgeClass.nameFR)
        }
    }

    /// A badge class of `organisationID`; another organisation's badge class is "not found", not "forbidden",
    /// so ids cannot be probed across tenants.
    func find(_ id: UUID, in organisationID: UUID?) async throws -> BadgeClass {
        guard let badgeClass = try await BadgeClass.find(id, on: db),
              organisationID == nil || badgeClass.$organisation.id == organisationID else {
            throw BlasonError.notFound
        }
        return badgeClass
    }

    func list(organisationID: UUID?, includeArchived: Bool = true) async throws -> [BadgeClass] {
        var query = BadgeClass.query(on: db).with(\.$organisation)
        if let organisationID { query = query.filter(\.$organisation.$id == organisationID) }
        if !includeArchived { query = query.filter(\.$archivedAt == nil) }
        return try await query.sort(\.$createdAt).all()
    }

    private func collect<T>(_ issues: inout [FieldIssue], _ body: () throws(BlasonError) -> T) -> T? {
        do { return try body() } catch {
            if case .invalid(let found) = error { issues += found }
            return nil
        }
    }
}

typealias BadgeImageFormatName = String
