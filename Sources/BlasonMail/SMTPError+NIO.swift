import NIOCore
import NIOPosix
import NIOSSL

extension SMTPError {
    /// Classifies an error from SwiftNIO, NIOSSL or the event-loop machinery.
    init(_ error: any Error) {
        switch error {
        case let error as SMTPError:
            self = error
        case let error as ChannelError:
            if case .connectTimeout = error {
                self = .timeout
            } else {
                self = .connection(String(describing: error))
            }
        case let error as NIOConnectionError:
            if let dnsError = error.dnsAError ?? error.dnsAAAAError {
                self = .connection("cannot resolve \(error.host): \(dnsError)")
            } else {
                let attempts = error.connectionErrors.map { "\($0.target): \($0.error)" }
                self = .connection("cannot connect to \(error.host):\(error.port): \(attempts.joined(separator: "; "))")
            }
        case NIOSSLError.uncleanShutdown:
            self = .connection("the server closed the connection without ending TLS")
        default:
            // Matching NIOSSL's module rather than its individual types keeps every TLS failure
            // (handshake, certificate, SNI, …) classified as such, whatever NIOSSL adds later.
            if String(reflecting: type(of: error)).hasPrefix("NIOSSL.") {
                self = .tls(String(describing: error))
            } else {
                self = .connection(String(describing: error))
            }
        }
    }
}
