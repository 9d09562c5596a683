import Foundation

/// A JWS in compact serialization (RFC 7515 §7.1), read strictly: three base64url parts without
/// padding, a header and a payload that are JSON objects, and a signature.
struct CompactJWS {
    var header: JSONValue
    var payload: JSONValue
    /// The payload bytes as signed (OB 2.0 reads the assertion from them).
    var payloadBytes: Data
    var signature: Data
    /// `header.payload`, the bytes the signature covers.
    var signingInput: Data

    /// Three non-empty runs of base64url characters joined by dots (a JWT or a JWS, not JSON).
    static func looksLikeCompactJWS(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && !parts[0].isEmpty && !parts[1].isEmpty
            && parts.allSatisfy { part in part.unicodeScalars.allSatisfy { Self.alphabet.contains($0) } }
    }

    private static let alphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".unicodeScalars)

    init(_ text: String) throws {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            throw VerificationFailure("document", "a compact JWS has three parts separated by dots; this has \(parts.count)")
        }
        guard let headerBytes = JOSEBase64URL.decode(parts[0]), let payloadBytes = JOSEBase64URL.decode(parts[1]),
              let signature = JOSEBase64URL.decode(parts[2]) else {
            throw VerificationFailure("document", "the JWS is not made of unpadded base64url parts")
        }
        guard let header = try? JSONValue(data: headerBytes), case .object = header else {
            throw VerificationFailure("document", "the JWS header is not a JSON object")
        }
        guard let payload = try? JSONValue(data: payloadBytes), case .object = payload else {
            throw VerificationFailure("document", "the JWS payload is not a JSON object")
        }
        self.header = header
        self.payload = payload
        self.payloadBytes = payloadBytes
        self.signature = signature
        self.signingInput = Data((parts[0] + "." + parts[1]).utf8)
    }

    var algorithm: String? { header["alg"]?.stringValue }

    /// Refuses what no badge verifier should accept: no algorithm, `none` (an unsigned token
    /// that would verify with any key) or any algorithm outside `allowed`, and critical header
    /// parameters this reader does not know.
    func checkAlgorithm(allowed: [String]) throws {
        guard let algorithm else {
            throw VerificationFailure("signature", "the JWS header names no algorithm (alg)")
        }
        guard algorithm.lowercased() != "none" else {
            throw VerificationFailure("signature", "the JWS is unsigned (alg \"none\"), which is never accepted")
        }
        guard allowed.contains(algorithm) else {
            throw VerificationFailure("signature", "the JWS algorithm \(FetchSession.shortened(algorithm, limit: 20)) is not supported "
                + "(supported: \(allowed.joined(separator: ", ")))")
        }
        if let critical = header["crit"] {
            throw VerificationFailure("signature", "the JWS header has critical parameters this verifier does not know (\(critical.jsonData().count) bytes)")
        }
    }
}
