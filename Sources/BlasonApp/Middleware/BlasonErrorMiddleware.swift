import BlasonCore
import FluentPostgresDriver
import FluentSQLiteDriver
import Vapor

/// Maps every error to a response at the edge: `application/problem+json` under `/api`, an HTML
/// page in the visitor's language elsewhere. Unexpected errors are logged and shown as a bare 500,
/// never with their internals.
struct BlasonErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            var failure = Failure(error, localizer: request.t)
            if failure.status == .internalServerError {
                // Unexpected errors can quote data (a database constraint, a value): no address leaves.
                request.logger.error("\(LogRedaction.emails(in: String(reflecting: error)))")
            }
            if request.url.path.hasPrefix("/api/") {
                return failure.withRetryAfter(failure.problemResponse(instance: request.url.path))
            }
            var actions: [(SiteRoute, Catalogue.Key)] = []
            if failure.code.hasPrefix("link-") {
                // Badge links lead back to the passport; the others (applications, outside endorsers,
                // reviewers) belong to people who may have no badge and no passport at all.
                let path = request.url.path
                if path.hasPrefix("/claim/") || path.hasPrefix("/passport/") {
                    actions = [(.passportSignIn, .passportSignInTitle)]
                } else if failure.code == "link-expired" {
                    failure.details = [request.t(.linkExpiredGenericText)]
                } else if failure.code == "link-alreadyUsed" {
                    failure.details = [request.t(.linkUsedGenericText)]
                }
            }
            let page = ErrorPage.render(ErrorPage.Model(status: failure.status, message: failure.title, details: failure.details,
                                                        actions: actions.map { ($0.0.path, request.t($0.1)) }),
                                        page: PageContext(request: request, title: request.t(.errorTitle)))
            return failure.withRetryAfter(HTMLResponse.make(page, status: failure.status))
        }
    }
}

/// An error reduced to what a person or a client may see.
struct Failure {
    var status: HTTPResponseStatus
    var title: String
    var details: [String] = []
    var issues: [FieldIssue] = []
    var code: String
    /// Seconds a client should wait before trying again (429 and 503 answers).
    var retryAfter: Int?
    let t: Localizer

    init(_ error: any Error, localizer t: Localizer) {
        self.t = t
        switch error {
        case let error as BlasonError:
            switch error {
            case .invalid(let issues):
                status = .unprocessableEntity
                title = t(.formErrorsTitle)
                details = issues.map(t.issue)
                self.issues = issues
                code = "invalid"
            case .notFound:
                status = .notFound; title = t(.error404); code = "not-found"
            case .forbidden:
                status = .forbidden; title = t(.error403); code = "forbidden"
            case .unauthenticated:
                status = .unauthorized; title = t(.error401); code = "unauthenticated"
            case .conflict(let problem):
                status = .conflict; title = t(.error409); details = [t.problem(problem)]; code = "conflict"
            case .tooManyAttempts(let seconds):
                let minutes = max(1, (seconds + 59) / 60)
                status = .tooManyRequests
                title = t.pick("Trop de tentatives. Réessayez dans \(minutes) minute\(minutes > 1 ? "s" : "").",
                               "Too many attempts. Try again in \(minutes) minute\(minutes > 1 ? "s" : "").")
                code = "too-many-attempts"
                retryAfter = seconds
            case .csrfRejected:
                status = .forbidden; title = t(.csrfError); code = "csrf"
            case .link(let problem):
                code = "link-\(problem.rawValue)"
                switch problem {
                case .invalid: status = .notFound; title = t(.linkInvalidTitle); details = [t(.linkInvalidText)]
                case .expired: status = .gone; title = t(.linkExpiredTitle); details = [t(.linkExpiredText)]
                case .alreadyUsed: status = .conflict; title = t(.linkUsedTitle); details = [t(.linkUsedText)]
                case .mismatch: status = .badRequest; title = t(.linkMismatchTitle); details = [t(.linkMismatchText)]
                case .otherAccount: status = .forbidden; title = t(.linkOtherAccountTitle); details = [t(.linkOtherAccountText)]
                }
            }
        case let error as DecodingError:
            status = .badRequest
            title = t(.error400)
            details = [Self.describe(error, t)]
            code = "bad-request"
        case let error as any AbortError:
            status = error.status
            code = "http-\(error.status.code)"
            switch error.status {
            case .notFound: title = t(.error404)
            case .unauthorized: title = t(.error401)
            case .forbidden: title = t(.error403)
            case .payloadTooLarge: title = t(.error413)
            case .badRequest, .unsupportedMediaType, .unprocessableEntity:
                title = t(.error400)
                details = [error.reason]
            default: title = error.status.code >= 500 ? t(.error500) : error.reason
            }
        case let error as SQLiteError where error.reason == .full:
            // Disk full (or the database at its size limit): the transaction was rolled back whole.
            status = .insufficientStorage
            title = t(.error507)
            code = "storage-full"
        case let error where Self.meansDatabaseUnavailable(error):
            // The database restarting or unreachable: nothing was done, and trying again soon will work.
            status = .serviceUnavailable
            title = t(.error503)
            code = "unavailable"
            retryAfter = 5
        default:
            status = .internalServerError
            title = t(.error500)
            code = "internal"
        }
    }

    /// Errors of the connection rather than of the statement: refused, reset or closed
    /// connections, a pool that could not lend one in time, and the server's own "shutting down",
    /// "starting up" and connection-exception states (SQLSTATE classes 08 and 57P).
    static func meansDatabaseUnavailable(_ error: any Error) -> Bool {
        if error is ConnectionPoolTimeoutError || error is RequestDeadlineMiddleware.Exceeded { return true }
        guard let error = error as? PSQLError else { return false }
        switch error.code {
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .poolClosed, .uncleanShutdown:
            return true
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            return state.hasPrefix("08") || state.hasPrefix("57P")
        default:
            return false
        }
    }

    /// A decoding error names the field and the expected type, never the Swift internals.
    static func describe(_ error: DecodingError, _ t: Localizer) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .typeMismatch(let type, let context):
            return t.pick("« \(path(context)) » : type attendu \(Self.jsonType(type)).", "“\(path(context))”: expected \(Self.jsonType(type)).")
        case .valueNotFound(let type, let context):
            return t.pick("« \(path(context)) » : valeur \(Self.jsonType(type)) manquante.", "“\(path(context))”: missing \(Self.jsonType(type)) value.")
        case .keyNotFound(let key, let context):
            let full = (path(context).isEmpty ? "" : path(context) + ".") + key.stringValue
            return t.pick("« \(full) » est obligatoire.", "“\(full)” is required.")
        case .dataCorrupted(let context):
            return t.pick("données illisibles\(path(context).isEmpty ? "" : " à « \(path(context)) »").", "unreadable data\(path(context).isEmpty ? "" : " at “\(path(context))”").")
        @unknown default:
            return t(.error400)
        }
    }

    private static func jsonType(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "string"
        case is Int.Type, is Double.Type: "number"
        case is Bool.Type: "boolean"
        default: String(describing: type).contains("Array") ? "array" : "object"
        }
    }

    /// A 429 or a 503 says when to come back.
    func withRetryAfter(_ response: Response) -> Response {
        if let retryAfter { response.headers.replaceOrAdd(name: .retryAfter, value: String(retryAfter)) }
        return response
    }

    /// RFC 9457 problem details, with the broken rules listed for clients to show next to fields.
    func problemResponse(instance: String) -> Response {
        struct Problem: Encodable {
            struct Item: Encodable {
                let field: String?
                let line: Int?
                let detail: String
            }
            let type: String
            let title: String
            let status: Int
            let detail: String?
            let instance: String
            let errors: [Item]?
        }
        let body = Problem(
            type: "https://blason.dev/problems/\(code)", title: title, status: Int(status.code),
            detail: details.isEmpty ? nil : details.joined(separator: " "), instance: instance,
            errors: issues.isEmpty ? nil : issues.map { .init(field: $0.field, line: $0.line, detail: t.issue($0)) })
        let response = Response(status: status)
        response.headers.contentType = HTTPMediaType(type: "application", subType: "problem+json", parameters: ["charset": "utf-8"])
        response.body = .init(data: (try? JSONEncoder().encode(body)) ?? Data())
        return response
    }
}
