import Foundation

/// A mailbox: an addr-spec such as `ada@example.org` and an optional display name.
///
/// The address is used as given (minus surrounding whitespace) both in headers and in the SMTP envelope,
/// so it must be plain ASCII; the display name may be any text and is encoded when the message is rendered.
public struct MailAddress: Sendable, Hashable {
    /// The addr-spec, e.g. `ada@example.org`, without angle brackets.
    public let address: String
    /// The display name shown by mail clients, e.g. `Ada Lovelace`; `nil` for a bare address.
    public let name: String?

    /// Creates a mailbox.
    /// - Parameters:
    ///   - address: A plain ASCII addr-spec; surrounding whitespace is dropped because it is never meaningful there.
    ///   - name: An optional display name; non-ASCII text is fine.
    public init(_ address: String, name: String? = nil) {
        self.address = address.trimmingCharacters(in: .whitespacesAndNewlines)
        self.name = name
    }
}

extension MailAddress {
    /// Whether the address can go into `MAIL FROM:<…>` / `RCPT TO:<…>` as is.
    ///
    /// Anything outside visible ASCII, or an angle bracket, would either need SMTPUTF8 (which we do not
    /// negotiate) or let a caller smuggle extra SMTP commands into the envelope.
    var isValidEnvelopeAddress: Bool {
        !address.isEmpty && address.utf8.allSatisfy { byte in
            byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "<") && byte != UInt8(ascii: ">")
        }
    }
}
