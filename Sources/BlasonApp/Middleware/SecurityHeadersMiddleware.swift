import Vapor

/// Headers every response carries, error pages included (this runs outermost).
///
/// Pages load scripts and styles only from the site itself, so neither `unsafe-inline` nor any
/// other source is allowed: an injected `<script>` or `style` attribute does nothing. Images may
/// come from elsewhere over HTTPS, as the verify page shows other platforms' badges. Responses
/// that set their own policy (uploaded SVG images, application attachments) keep it; any other
/// non-HTML response is locked down entirely, so a JSON or text body opened in a browser cannot
/// run anything either.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    static let pagePolicy = [
        "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: https:", "font-src 'self'",
        "connect-src 'self'", "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'", "object-src 'none'",
    ].joined(separator: "; ")
    static let documentPolicy = "default-src 'none'; frame-ancestors 'none'; sandbox"

    let isHTTPS: Bool

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let headers = response.headers
        if !headers.contains(name: "Content-Security-Policy") {
            let isPage = headers.contentType.map { $0.type == "text" && $0.subType == "html" } ?? false
            response.headers.replaceOrAdd(name: "Content-Security-Policy", value: isPage ? Self.pagePolicy : Self.documentPolicy)
        }
        if !headers.contains(name: "Referrer-Policy") {
            response.headers.replaceOrAdd(name: "Referrer-Policy", value: "strict-origin-when-cross-origin")
        }
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        if isHTTPS {
            response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000")
        }
        return response
    }
}
