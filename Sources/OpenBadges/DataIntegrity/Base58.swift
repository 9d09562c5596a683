import Foundation

/// Base58 with the Bitcoin alphabet ("base58btc"), and its multibase form (prefix `z`), which
/// Data Integrity uses for proof values and Multikey for public keys.
public enum Base58 {
    /// Why a text is not base58btc.
    public enum DecodingError: Error, Equatable, CustomStringConvertible, Sendable {
        case invalidCharacter(Character)
        /// Multibase text that does not start with `z` (another base, or none).
        case notBase58Multibase

        public var description: String {
            switch self {
            case .invalidCharacter(let character): "'\(character)' is not a base58btc character"
            case .notBase58Multibase: "not base58btc multibase (it must start with 'z')"
            }
        }
    }

    /// The alphabet: digits and letters without 0, O, I and l, which are easy to confuse.
    public static let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)

    private static let values: [UInt8: UInt8] = Dictionary(uniqueKeysWithValues: alphabet.enumerated().map { ($1, UInt8($0)) })

    /// Encodes bytes; each leading zero byte becomes a leading `1`.
    public static func encode<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let input = Array(bytes)
        let zeros = input.prefix { $0 == 0 }.count
        // Base 256 to base 58, least significant digit first (quadratic, fine for keys and signatures).
        var digits: [UInt8] = []
        for byte in input.dropFirst(zeros) {
            var carry = Int(byte)
            for index in digits.indices {
                carry += Int(digits[index]) << 8
                digits[index] = UInt8(carry % 58)
                carry /= 58
            }
            while carry > 0 {
                digits.append(UInt8(carry % 58))
                carry /= 58
            }
        }
        let text = [UInt8](repeating: alphabet[0], count: zeros) + digits.reversed().map { alphabet[Int($0)] }
        return String(decoding: text, as: UTF8.self)
    }

    /// Decodes base58btc text; each leading `1` becomes a zero byte.
    public static func decode(_ text: String) throws -> [UInt8] {
        let ones = text.utf8.prefix { $0 == alphabet[0] }.count
        var bytes: [UInt8] = []
        for character in text.utf8.dropFirst(ones) {
            guard let value = values[character] else {
                throw DecodingError.invalidCharacter(Character(Unicode.Scalar(character)))
            }
            var carry = Int(value)
            for index in bytes.indices {
                carry += Int(bytes[index]) * 58
                bytes[index] = UInt8(carry & 0xFF)
                carry >>= 8
            }
            while carry > 0 {
                bytes.append(UInt8(carry & 0xFF))
                carry >>= 8
            }
        }
        return [UInt8](repeating: 0, count: ones) + bytes.reversed()
    }

    /// Multibase base58btc: `z` followed by the base58btc text.
    public static func multibase<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        "z" + encode(bytes)
    }

    /// Decodes multibase text, which must use base58btc (`z`).
    public static func decodeMultibase(_ text: String) throws -> [UInt8] {
        guard text.hasPrefix("z") else { throw DecodingError.notBase58Multibase }
        return try decode(String(text.dropFirst()))
    }
}
