import BlasonCore
import BlasonPersistence
import Fluent
import Vapor

/// Who is asking and in which language, resolved once per request by `ContextMiddleware`.
struct RequestContext: Sendable {
    struct Membership: Sendable {
        let organisationID: UUID
        let organisationName: String
        let organisationSlug: String
        let role: Role
    }

    var language: Language = .default
    var userID: UUID?
    var userName: String?
    var userEmail: String?
    /// Every organisation the user belongs to, for the switcher.
    var memberships: [Membership] = []
    /// The organisation the user is acting for (chosen in the switcher, else the first one).
    var current: Membership?
    /// Whether the user reviews some badge class's applications as a jury member or outside reviewer.
    var reviewsApplications = false

    var localizer: Localizer { Localizer(language: language) }
}

extension Request {
    private struct ContextKey: StorageKey {
        typealias Value = RequestContext
    }

    var context: RequestContext {
        get { storage[ContextKey.self] ?? RequestContext() }
        set { storage[ContextKey.self] = newValue }
    }

    var t: Localizer { context.localizer }

    /// The signed-in user's id, or 401.
    func requireUserID() throws -> UUID {
        guard let id = context.userID else { throw BlasonError.unauthenticated }
        return id
    }

    /// The current organisation, provided the user holds `role` (or admin) in it, or any role when
    /// `role` is nil; 401/403 otherwise.
    func requireOrganisation(_ role: Role?) throws -> RequestContext.Membership {
        _ = try requireUserID()
        guard let current = context.current else { throw BlasonError.forbidden }
        if let role, !current.role.grants(role) { throw BlasonError.forbidden }
        return current
    }

    /// Whether the user is an admin of `organisationID` (whichever organisation is current).
    func administers(_ organisationID: UUID) -> Bool {
        context.memberships.contains { $0.organisationID == organisationID && $0.role == .admin }
    }

    /// The anti-forgery token of this session, created on first use. Only pages with forms ask
    /// for it, so anonymous visitors of public pages never get a session row.
    func csrfToken() -> String {
        if let token = session.data["csrf"] { return token }
        let token = SecureToken.make()
        session.data["csrf"] = token
        return token
    }

    /// A one-time message shown on the next page (after a redirect).
    func flash(_ message: String) {
        session.data["flash"] = message
    }

    func takeFlash() -> String? {
        guard hasSession, let message = session.data["flash"] else { return nil }
        session.data["flash"] = nil
        return message
    }
}

extension Request {
    /// A UUID path parameter; anything that is not one cannot name an object, so it is "not found".
    func idParameter(_ name: String = "id") throws -> UUID {
        guard let raw = parameters.get(name), let id = UUID(uuidString: raw) else { throw BlasonError.notFound }
        return id
    }
}

extension UUID {
    /// The form used in every URL and API response.
    var lowercased: String { uuidString.lowercased() }
}

extension Request {
    /// Signs `userID` in under a new session id, so an id planted before sign-in (session
    /// fixation) is worth nothing afterwards; the old record is deleted.
    func signIn(userID: UUID) async throws {
        if let old = session.id {
            try await application.sessions.driver.deleteSession(old, for: self).get()
        }
        session.id = nil
        session.data = SessionData()
        session.data["user"] = userID.uuidString
        session.data["csrf"] = SecureToken.make()
    }
}
