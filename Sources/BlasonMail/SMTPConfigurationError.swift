/// Why an SMTP URL could not be used; `message` is meant for an operator reading the logs.
public struct SMTPConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong and, where it helps, what was expected.
    public let message: String

    init(_ message: String) {
        self.message = message
    }

    /// The message with context, for logs.
    public var description: String { "invalid SMTP URL: \(message)" }
}
