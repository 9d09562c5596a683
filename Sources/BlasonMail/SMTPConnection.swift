import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL

/// One open SMTP connection: sends commands and awaits replies, each within the configured timeout.
///
/// A thin async facade over the channel; the protocol state lives in `SMTPReplyHandler` on the event loop.
struct SMTPConnection: Sendable {
    private let channel: any Channel
    private let handler: NIOLoopBound<SMTPReplyHandler>
    private let timeout: TimeAmount

    /// Connects, with TLS from the start when the configuration asks for implicit TLS.
    static func open(_ configuration: SMTPConfiguration, group: any EventLoopGroup) async throws(SMTPError) -> SMTPConnection {
        let timeout = TimeAmount.seconds(Int64(max(1, configuration.timeoutSeconds)))
        let implicitTLS = configuration.security == .tls ? try TLSSetup(configuration) : nil
        guard let bootstrap = ClientBootstrap(validatingGroup: group) else {
            throw .connection("the event loop group cannot run a POSIX socket")
        }
        // Each attempt's handler, kept by its channel: a server that answers garbage (or a TLS handshake
        // that fails) can tear the pipeline down before the connection's future is seen, and the
        // handler holds the error to report; looking it up in the pipeline would lose it.
        let handlers = NIOLockedValueBox<[ObjectIdentifier: NIOLoopBound<SMTPReplyHandler>]>([:])
        let connecting = bootstrap
            .connectTimeout(timeout)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                // Called for every address tried (IPv6 and IPv4), so each attempt gets its own handler.
                channel.eventLoop.makeCompletedFuture {
                    if let implicitTLS {
                        try channel.pipeline.syncOperations.addHandler(try implicitTLS.makeHandler())
                    }
                    let handler = SMTPReplyHandler()
                    try channel.pipeline.syncOperations.addHandler(handler)
                    handlers.withLockedValue { $0[ObjectIdentifier(channel)] = NIOLoopBound(handler, eventLoop: channel.eventLoop) }
                }
            }
            .connect(host: configuration.host, port: configuration.port)
            .flatMapThrowing { channel in
                guard let handler = handlers.withLockedValue({ $0[ObjectIdentifier(channel)] }) else {
                    throw SMTPError.connection("the connection has no SMTP handler")
                }
                return (channel, handler)
            }
        do {
            let (channel, handler) = try await connecting.get()
            return SMTPConnection(channel: channel, handler: handler, timeout: timeout)
        } catch {
            throw SMTPError(error)
        }
    }

    /// Waits for a reply without sending anything (the greeting).
    func readReply() async throws(SMTPError) -> SMTPReply {
        try await exchange(nil)
    }

    /// Sends one command line (CRLF is added) and waits for its reply.
    func command(_ line: String) async throws(SMTPError) -> SMTPReply {
        var buffer = channel.allocator.buffer(capacity: line.utf8.count + 2)
        buffer.writeString(line)
        buffer.writeString("\r\n")
        return try await exchange(buffer)
    }

    /// Sends raw bytes (the dot-stuffed message and its terminator) and waits for the reply.
    func send(_ bytes: ByteBuffer) async throws(SMTPError) -> SMTPReply {
        try await exchange(bytes)
    }

    /// Switches to TLS after the server's 220 reply to STARTTLS. The handshake starts at once; a failure
    /// surfaces as the error of the next command.
    func startTLS(_ setup: TLSSetup) async throws(SMTPError) {
        let handler = self.handler
        do {
            try await channel.eventLoop.submit {
                try handler.value.startTLS(with: try setup.makeHandler())
            }.get()
        } catch {
            throw SMTPError(error)
        }
    }

    /// Closes the connection, ignoring errors: it may already be closed by the server or a failure.
    func close() async {
        try? await channel.close()
    }

    private func exchange(_ bytes: ByteBuffer?) async throws(SMTPError) -> SMTPReply {
        let handler = self.handler
        let timeout = self.timeout
        let eventLoop = channel.eventLoop
        let reply = eventLoop.flatSubmit {
            let promise = eventLoop.makePromise(of: SMTPReply.self)
            handler.value.exchange(bytes, timeout: timeout, promise: promise)
            return promise.futureResult
        }
        do {
            return try await reply.get()
        } catch {
            throw SMTPError(error)
        }
    }
}
