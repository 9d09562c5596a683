/// What an API token may do. A token for a dashboard or a report only reads; a token for an
/// integration that awards badges writes.
public enum TokenScope: String, CaseIterable, Codable, Sendable {
    /// GET and HEAD only.
    case read
    /// Everything the token's user may do.
    case write

    /// Whether a request with this HTTP method is within the scope.
    public func allows(method: String) -> Bool {
        switch self {
        case .read: method == "GET" || method == "HEAD"
        case .write: true
        }
    }
}
