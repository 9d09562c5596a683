import BlasonCore
import Crypto
import Foundation

/// The links that stop a periodic e-mail without signing in: `/unsubscribe/USER/KIND/MAC`, where
/// the MAC (HMAC-SHA256 under a key derived from the master key) proves Blason wrote the link.
/// They do not expire and need no storage: following one again changes nothing.
struct UnsubscribeLinks: Sendable {
    private let key: SymmetricKey

    init(masterKey: MasterKey) {
        key = HKDF<SHA256>.deriveKey(inputKeyMaterial: masterKey.key, info: Data("blason-unsubscribe-links".utf8), outputByteCount: 32)
    }

    func mac(userID: UUID, kind: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data("\(userID.lowercased)|\(kind)".utf8), using: key)
        return Data(code).prefix(16).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    func path(userID: UUID, kind: String) -> String {
        SiteRoute.unsubscribe(userID, kind, mac(userID: userID, kind: kind)).path
    }

    /// Whether `mac` is the one of this user and kind (compared in constant time).
    func isValid(userID: UUID, kind: String, mac given: String) -> Bool {
        SecureToken.constantTimeEquals(given, mac(userID: userID, kind: kind))
    }
}
