import BlasonCore
import BlasonPersistence
import Fluent
import Vapor

/// The audit log: an organisation's admins read their organisation's, a programme's operator
/// reads the programme's; both as a page (the latest events) and as a CSV file (all of them).
struct AuditController: RouteCollection {
    /// The page shows the latest events; the export has every one.
    static let pageSize = 200

    func boot(routes: any RoutesBuilder) throws {
        routes.get("admin", "audit") { try await organisationLog($0, csv: false) }
        routes.get("admin", "audit.csv") { try await organisationLog($0, csv: true) }
        routes.get("programmes", ":key", "audit") { try await programmeLog($0, csv: false) }
        routes.get("programmes", ":key", "audit.csv") { try await programmeLog($0, csv: true) }
    }

    func organisationLog(_ req: Request, csv: Bool) async throws -> Response {
        let current = try req.requireOrganisation(.admin)
        let query = AuditEvent.query(on: req.db).filter(\.$organisationID == current.organisationID)
        return try await respond(req, query, csv: csv, title: "\(req.t(.auditTitle)) · \(current.organisationName)",
                                 csvRoute: .auditCSV, fileName: current.organisationSlug)
    }

    func programmeLog(_ req: Request, csv: Bool) async throws -> Response {
        let referential = try await req.programmes.referential(key: req.parameters.get("key") ?? "")
        try req.requireOperator(referential.programme)
        let query = AuditEvent.query(on: req.db).filter(\.$programmeKey == referential.programme.key)
        return try await respond(req, query, csv: csv, title: "\(req.t(.auditTitle)) · \(referential.programme.name.text(in: req.context.language))",
                                 csvRoute: .programmeAuditCSV(referential.programme.key), fileName: referential.programme.key)
    }

    private func respond(_ req: Request, _ query: QueryBuilder<AuditEvent>, csv: Bool, title: String, csvRoute: SiteRoute,
                         fileName: String) async throws -> Response {
        let sorted = query.sort(\.$occurredAt, .descending).sort(\.$id)
        if csv {
            let response = Response(status: .ok, body: .init(string: AuditPages.csv(try await sorted.all())))
            response.headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
            response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(fileName)-journal.csv\"")
            return response
        }
        let events = try await sorted.limit(Self.pageSize).all()
        return HTMLResponse.make(AuditPages.log(events, csvRoute: csvRoute, page: PageContext(request: req, title: title)))
    }
}
