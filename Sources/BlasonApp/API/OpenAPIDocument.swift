import Foundation
import Vapor

/// The OpenAPI 3.1 description of `/api/v1`, kept in the repository as `Resources/openapi.json`
/// and served as is.
enum OpenAPIDocument {
    static let data: Data = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json"),
              let data = try? Data(contentsOf: url) else { return Data("{}".utf8) }
        return data
    }()

    static func response() -> Response {
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = .json
        return response
    }
}
