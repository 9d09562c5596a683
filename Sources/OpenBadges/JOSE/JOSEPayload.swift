import Foundation
import JWTKit

/// Any JSON object as a JWT payload, so that a credential travels as it is written rather than
/// through a fixed claims struct. Claim checks belong to the OB 3.0 rules (see `VCJWT` and the
/// verifier), not to jwt-kit, hence the empty `verify`.
struct JOSEPayload: JWTPayload {
    var value: JSONValue

    init(_ value: JSONValue) { self.value = value }

    init(from decoder: any Decoder) throws {
        value = try JSONValue(from: decoder)
    }

    func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
    }

    func verify(using algorithm: some JWTAlgorithm) async throws {}
}

/// Why a JOSE object could not be made.
public struct JOSEError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

extension JOSESigningKey {
    /// A key collection holding only this key, under `kid`, for jwt-kit to sign with.
    func keyCollection(kid: String?) async throws -> JWTKeyCollection {
        let collection = JWTKeyCollection()
        let identifier = kid.map { JWKIdentifier(string: $0) }
        switch self {
        case .ed25519(let key):
            await collection.add(eddsa: EdDSA.PrivateKey(backing: key), kid: identifier)
        case .es256(let key):
            await collection.add(ecdsa: try ES256PrivateKey(backing: key), kid: identifier)
        case .rs256(let key):
            await collection.add(rsa: try Insecure.RSA.PrivateKey(backing: key), digestAlgorithm: .sha256, kid: identifier)
        }
        return collection
    }
}

/// base64url without padding (RFC 7515 §2), the encoding of every JOSE part and JWK member.
public enum JOSEBase64URL {
    public static func encode(_ bytes: some DataProtocol) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Strict: only the URL-safe alphabet, no padding, no whitespace, so that two spellings
    /// of one signature or key cannot both be accepted.
    public static func decode(_ text: some StringProtocol) -> Data? {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        guard text.allSatisfy({ allowed.contains($0) }), text.count % 4 != 1 else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
