import _CryptoExtras
import Crypto
import Foundation

/// Open Badges 2.0 signed assertions (OB 2.0 "SignedBadge" verification).
public enum OB2JWS {
    /// The assertion as a compact JWS with header `{"alg":"RS256"}` and the assertion's own bytes
    /// as payload.
    ///
    /// Signed here with swift-crypto rather than jwt-kit because jwt-kit re-encodes the payload
    /// and adds `typ: JWT`; OB 2.0 verifiers read the payload as the assertion itself, so the
    /// bytes must stay exactly those given.
    public static func sign(assertion: Data, key: _RSA.Signing.PrivateKey) async throws -> String {
        guard case .object = try JSONValue(data: assertion) else {
            throw JOSEError("the assertion is not a JSON object")
        }
        let header = JOSEBase64URL.encode(Data(#"{"alg":"RS256"}"#.utf8))
        let signingInput = header + "." + JOSEBase64URL.encode(assertion)
        let signature = try key.signature(for: Data(signingInput.utf8), padding: .insecurePKCS1v1_5)
        return signingInput + "." + JOSEBase64URL.encode(signature.rawRepresentation)
    }
}
