import NIOCore
import NIOSSL

/// The TLS context and server name for one connection, built once per send.
struct TLSSetup: Sendable {
    private let context: NIOSSLContext
    /// The name for SNI and certificate checks; `nil` for IP literals, which SNI must not carry
    /// (NIOSSL then checks the certificate against the peer's IP address).
    private let serverHostname: String?

    init(_ configuration: SMTPConfiguration) throws(SMTPError) {
        var tls = TLSConfiguration.makeClientConfiguration()
        if !configuration.verifyCertificates {
            tls.certificateVerification = .none
        }
        do {
            context = try NIOSSLContext(configuration: tls)
        } catch {
            throw .tls("cannot set up TLS: \(error)")
        }
        let isIPAddress = (try? SocketAddress(ipAddress: configuration.host, port: 0)) != nil
        serverHostname = isIPAddress ? nil : configuration.host
    }

    /// A fresh handler; NIOSSL handlers cannot be shared between channels.
    func makeHandler() throws -> NIOSSLClientHandler {
        try NIOSSLClientHandler(context: context, serverHostname: serverHostname)
    }
}
