import Foundation

/// What `BadgeVerifier` concluded about a badge: valid or not, and every check that led there,
/// each with a stable id for programs and a plain English message for people.
public struct BadgeVerdict: Sendable, Codable, Equatable {
    /// How the badge was secured.
    public enum Format: String, Sendable, Codable {
        /// An Open Badges 2.0 assertion hosted at its id (checked by fetching it there).
        case ob2Hosted = "ob2-hosted"
        /// An Open Badges 2.0 assertion signed as a JWS (RS256).
        case ob2Signed = "ob2-signed"
        /// An Open Badges 3.0 credential with an `eddsa-rdfc-2022` Data Integrity proof.
        case ob3DataIntegrity = "ob3-data-integrity"
        /// An Open Badges 3.0 credential secured as a VC-JWT.
        case ob3JWT = "ob3-jwt"
        /// Not recognised as any of these (or not read far enough to tell).
        case unknown
    }

    /// One thing that was checked.
    public struct Check: Sendable, Codable, Equatable, CustomStringConvertible {
        /// A stable machine key: `input`, `format`, `document`, `context`, `signature`, `hosted`,
        /// `issuer-key`, `claims`, `badge-class`, `issuer`, `expiry`, `not-before`, `revocation`,
        /// `recipient`.
        public var id: String
        public var passed: Bool
        /// Plain English, for people.
        public var message: String

        public init(id: String, passed: Bool, message: String) {
            self.id = id
            self.passed = passed
            self.message = message
        }

        public var description: String { "\(passed ? "ok" : "FAILED") \(id): \(message)" }
    }

    /// True only when every check passed, the badge's authenticity was established (a signature,
    /// or the issuer's own server for a hosted assertion) and it is not revoked.
    public var valid: Bool
    public var format: Format
    /// Every check, in the order made.
    public var checks: [Check]
    public var badgeName: String?
    public var issuerName: String?
    public var issuerID: String?
    /// The recipient as the document states it: a hashed identity (`sha256$…`), an e-mail or an id.
    public var recipient: String?
    public var issuedOn: Date?
    public var expires: Date?
    /// The issuer has revoked the badge (or, for OB 3.0, suspended it).
    public var revoked: Bool

    public init(valid: Bool, format: Format, checks: [Check], badgeName: String? = nil, issuerName: String? = nil,
                issuerID: String? = nil, recipient: String? = nil, issuedOn: Date? = nil, expires: Date? = nil,
                revoked: Bool = false) {
        self.valid = valid
        self.format = format
        self.checks = checks
        self.badgeName = badgeName
        self.issuerName = issuerName
        self.issuerID = issuerID
        self.recipient = recipient
        self.issuedOn = issuedOn
        self.expires = expires
        self.revoked = revoked
    }

    /// The checks that failed.
    public var failures: [Check] { checks.filter { !$0.passed } }

    /// The first check with this id.
    public func check(_ id: String) -> Check? { checks.first { $0.id == id } }
}

extension BadgeVerdict: CustomStringConvertible {
    public var description: String {
        "\(valid ? "valid" : "invalid") \(format.rawValue)" + (revoked ? " (revoked)" : "") + "\n"
            + checks.map { "  " + $0.description }.joined(separator: "\n")
    }
}
