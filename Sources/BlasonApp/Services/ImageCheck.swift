import BlasonCore
import Foundation
import OpenBadges

/// Runs the Open Badges library's image checks and speaks of failures in domain terms.
enum ImageCheck {
    static let limit = 256 * 1024

    static func validate(_ data: Data, field: String) -> Result<(data: Data, format: BadgeImageFormat), FieldIssue> {
        do {
            let (clean, info) = try BadgeImage.validate(data, limit: limit)
            return .success((clean, info.format))
        } catch {
            return .failure(FieldIssue(field: field, problem: problem(error)))
        }
    }

    static func problem(_ error: BadgeImageError) -> Problem {
        switch error {
        case .empty: .imageMissing
        case .unsupportedFormat: .imageUnsupportedType
        case .malformed(let detail): .imageMalformed(detail)
        case .tooLarge(_, let limit): .imageTooLarge(limit: limit)
        case .notSquare(let width, let height): .imageNotSquare(width: Int(width.rounded()), height: Int(height.rounded()))
        case .unsafeSVG(let what): .imageUnsafeSVG(what)
        case .duplicateBakedPayload: .imageMalformed("openbadges")
        }
    }
}

extension Result where Failure == FieldIssue {
    /// The value, or nil after recording the issue.
    func value(recording issues: inout [FieldIssue]) -> Success? {
        switch self {
        case .success(let value): return value
        case .failure(let issue): issues.append(issue); return nil
        }
    }
}
