@testable import BlasonApp
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("Security headers and the session cookie")
struct SecurityHeadersTests {
    @Test func pagesAllowOnlyTheSitesOwnScriptsAndStyles() async throws {
        try await TestApp.run { app in
            let client = try await Scenario.organisationAdmin(app)
            let badge = try await Scenario.badgeClass(client, image: Fixtures.squareSVG, imageType: "image/svg+xml")
            let id = badge.uuidString.lowercased()
            for path in ["/", "/badges/\(id)", "/nowhere-to-be-found", "/sign-in"] {
                let response = try await WebClient(app).get(path, headers: ["Accept": "text/html"])
                let policy = try #require(response.headers.first(name: "Content-Security-Policy"), "\(path)")
                #expect(policy == SecurityHeadersMiddleware.pagePolicy, "\(path)")
                #expect(!policy.contains("unsafe-inline") && !policy.contains("unsafe-eval"))
                #expect(policy.contains("script-src 'self'") && policy.contains("frame-ancestors 'none'"))
                #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff", "\(path)")
                #expect(response.headers.first(name: "X-Frame-Options") == "DENY", "\(path)")
                #expect(response.headers.first(name: "Referrer-Policy") == "strict-origin-when-cross-origin", "\(path)")
                #expect(response.headers.first(name: "Strict-Transport-Security") == nil, "no HSTS on an http:// site")
            }
            // The uploaded SVG is an image on the page, never inline markup, and served locked down.
            let page = try await WebClient(app).get("/badges/\(id)", headers: ["Accept": "text/html"]).body.string
            #expect(!page.contains("<svg"))
            #expect(page.contains("<img src=\"/badges/\(id)/image\""))
            let image = try await WebClient(app).get("/badges/\(id)/image")
            #expect(image.headers.contentType?.subType == "svg+xml")
            let imagePolicy = try #require(image.headers.first(name: "Content-Security-Policy"))
            #expect(imagePolicy.contains("default-src 'none'") && imagePolicy.contains("sandbox") && !imagePolicy.contains("script"))
            // Documents that are not pages run nothing if opened in a browser.
            let json = try await WebClient(app).get("/badges/\(id)", headers: ["Accept": "application/ld+json"])
            #expect(json.headers.first(name: "Content-Security-Policy") == SecurityHeadersMiddleware.documentPolicy)
        }
    }

    @Test func theSessionCookieIsHTTPOnlyLaxAndRenewedAtSignIn() async throws {
        try await TestApp.run { app in
            _ = try await Scenario.organisationAdmin(app, email: "lea@structure.test")
            let visitor = WebClient(app)
            let form = try await visitor.get("/sign-in")
            let before = try #require(visitor.sessionCookie)
            let cookie = try #require(form.headers.first(name: .setCookie))
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "\(cookie)")
            #expect(!cookie.contains("Secure"), "not on an http:// site")
            let signedIn = try await visitor.post("/sign-in", [("email", "lea@structure.test"), ("password", "correct horse battery")])
            #expect(signedIn.status == .seeOther)
            let after = try #require(visitor.sessionCookie)
            #expect(after != before, "a session id planted before sign-in is worth nothing after it")
        }
    }
}
