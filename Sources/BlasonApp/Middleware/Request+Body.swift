import BlasonCore
import Vapor

extension Request {
    /// The request body decoded as `type`. A body that cannot even be parsed (a multipart body
    /// without its parts, truncated JSON…) is the client's mistake, answered 400 like a body of
    /// the wrong shape, rather than the parser's own error type that no one maps.
    func decodeBody<T: Decodable>(_ type: T.Type) throws -> T {
        do {
            return try content.decode(type)
        } catch let error as DecodingError {
            throw error
        } catch let error as any AbortError {
            throw error
        } catch let error as BlasonError {
            throw error
        } catch {
            let kind = headers.contentType.map { "\($0.type)/\($0.subType)" } ?? "without a content type"
            throw Abort(.badRequest, reason: "The request body (\(kind)) could not be read.")
        }
    }
}
