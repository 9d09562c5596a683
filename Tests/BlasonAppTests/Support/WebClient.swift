import Foundation
import NIOCore
import NIOHTTP1
import Testing
import Vapor
import VaporTesting

/// A minimal browser for HTTP tests: keeps cookies, reads the anti-forgery token from forms, posts
/// url-encoded and multipart forms.
final class WebClient: @unchecked Sendable {
    let app: Application
    private var cookies: [String: String] = [:]
    private(set) var csrf: String?
    var language: String?

    var sessionCookie: String? {
        get { cookies["blason_session"] }
        set { cookies["blason_session"] = newValue }
    }

    init(_ app: Application) {
        self.app = app
    }

    @discardableResult
    func get(_ path: String, headers extra: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        try await send(.GET, path, headers: extra, body: nil)
    }

    /// Posts fields as `application/x-www-form-urlencoded`, adding the page's token unless told not to.
    @discardableResult
    func post(_ path: String, _ fields: [(String, String)], withToken: Bool = true) async throws -> TestingHTTPResponse {
        var all = fields
        if withToken, let csrf { all.append(("_csrf", csrf)) }
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var headers = HTTPHeaders()
        headers.contentType = .urlEncodedForm
        return try await send(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }

    /// Posts a multipart form; `files` are (field, filename, content type, bytes).
    @discardableResult
    func postMultipart(_ path: String, _ fields: [(String, String)], files: [(String, String, String, Data)] = [], withToken: Bool = true) async throws -> TestingHTTPResponse {
        var all = fields
        if withToken, let csrf { all.append(("_csrf", csrf)) }
        let (body, boundary) = Multipart.encode(fields: all, files: files)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await send(.POST, path, headers: headers, body: ByteBuffer(data: body))
    }

    private func send(_ method: HTTPMethod, _ path: String, headers extra: HTTPHeaders, body: ByteBuffer?) async throws -> TestingHTTPResponse {
        var headers = extra
        if !cookies.isEmpty {
            headers.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        if let language, headers.first(name: .acceptLanguage) == nil { headers.replaceOrAdd(name: .acceptLanguage, value: language) }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: body)
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            if pair.count == 2 { cookies[String(pair[0])] = String(pair[1]) }
        }
        if let token = Self.token(in: response.body.string) { csrf = token }
        return response
    }

    static func token(in html: String) -> String? {
        guard let range = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// The `Location` of a redirect.
    static func location(_ response: TestingHTTPResponse) -> String? {
        response.headers.first(name: .location)
    }
}

enum Multipart {
    static func encode(fields: [(String, String)], files: [(String, String, String, Data)]) -> (Data, String) {
        let boundary = "----blason-test-\(UUID().uuidString)"
        var body = Data()
        func line(_ text: String) { body.append(Data((text + "\r\n").utf8)) }
        for (name, value) in fields {
            line("--\(boundary)")
            line("Content-Disposition: form-data; name=\"\(name)\"")
            line("")
            line(value)
        }
        for (name, filename, type, data) in files {
            line("--\(boundary)")
            line("Content-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"")
            line("Content-Type: \(type)")
            line("")
            body.append(data)
            line("")
        }
        line("--\(boundary)--")
        return (body, boundary)
    }
}
