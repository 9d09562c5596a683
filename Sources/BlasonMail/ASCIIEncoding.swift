import Foundation

/// The two byte-to-ASCII encodings that MIME and SMTP AUTH share.
enum ASCIIEncoding {
    /// Two upper-case hex digits, as quoted-printable and the RFC 2047 "Q" encoding require.
    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF".unicodeScalars)
        var result = ""
        result.unicodeScalars.append(digits[Int(byte >> 4)])
        result.unicodeScalars.append(digits[Int(byte & 0x0F)])
        return result
    }

    /// Standard base64 without line breaks.
    static func base64(_ bytes: some Collection<UInt8>) -> String {
        Data(bytes).base64EncodedString()
    }
}
