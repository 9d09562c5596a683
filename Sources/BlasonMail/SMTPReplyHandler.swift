import NIOCore

/// Splits the server's bytes into lines, assembles replies and hands each one to the single request
/// waiting for it, enforcing the per-step timeout.
///
/// SMTP without PIPELINING is strictly one command, one reply, so one waiting promise is enough.
/// All state lives on the channel's event loop; the async side reaches it through `SMTPConnection`.
final class SMTPReplyHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// RFC 5321 allows 512 octets per reply line; anything far beyond is not an SMTP server.
    private static let maximumLineLength = 16 * 1024

    private var context: ChannelHandlerContext?
    private var unread = ByteBuffer()
    private var parser = SMTPReplyParser()
    /// Replies that arrived before anyone asked (normally only the greeting).
    private var early: [SMTPReply] = []
    private var waiter: (promise: EventLoopPromise<SMTPReply>, deadline: Scheduled<Void>)?
    /// The first failure; every later request fails with it, so the caller sees the root cause.
    private var failure: SMTPError?

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard failure == nil else { return }
        var incoming = unwrapInboundIn(data)
        unread.writeBuffer(&incoming)
        while let newline = unread.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) {
            var line = unread.readString(length: newline - unread.readerIndex) ?? ""
            unread.moveReaderIndex(forwardBy: 1)
            if line.utf8.last == UInt8(ascii: "\r") { line.removeLast() }
            do {
                if let reply = try parser.consume(line) { deliver(reply) }
            } catch {
                abort(error)
                return
            }
        }
        if unread.readableBytes > Self.maximumLineLength {
            abort(.protocolViolation("reply line longer than \(Self.maximumLineLength) bytes"))
            return
        }
        unread.discardReadBytes()
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(.connection("the server closed the connection"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        abort(SMTPError(error))
    }

    /// Waits for the next reply, after sending `command` when there is one.
    func exchange(_ command: ByteBuffer?, timeout: TimeAmount, promise: EventLoopPromise<SMTPReply>) {
        // A reply read before the connection dropped still counts: a "554 go away" greeting followed by
        // a close must surface as that refusal, not as a lost connection.
        if command == nil, !early.isEmpty {
            promise.succeed(early.removeFirst())
            return
        }
        if let failure {
            promise.fail(failure)
            return
        }
        guard let context else {
            promise.fail(SMTPError.connection("the connection is closed"))
            return
        }
        guard waiter == nil else {
            promise.fail(SMTPError.protocolViolation("a second request was made while one was pending"))
            return
        }
        if !early.isEmpty {
            // A reply that no command asked for: the server is out of step, or something injected it.
            // The command itself is not quoted: during AUTH LOGIN it is a base64 credential.
            abort(.protocolViolation("the server sent a reply that no command asked for"))
            promise.fail(failure!)
            return
        }
        let deadline = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
            self.abort(.timeout)
        }
        waiter = (promise, deadline)
        if let command {
            context.writeAndFlush(wrapOutboundOut(command)).assumeIsolated().whenFailure { error in
                self.abort(SMTPError(error))
            }
        }
    }

    /// Puts `tlsHandler` in front of the pipeline, after a 220 reply to STARTTLS.
    ///
    /// Bytes that arrived after that reply were sent in the clear and would be read as if they came
    /// over TLS (the STARTTLS command-injection attack), so any such leftover is an error.
    func startTLS(with tlsHandler: any ChannelHandler) throws(SMTPError) {
        guard let context else { throw failure ?? .connection("the connection is closed") }
        guard early.isEmpty, !parser.isMidReply, unread.readableBytes == 0 else {
            abort(.protocolViolation("the server sent data after agreeing to STARTTLS"))
            throw failure!
        }
        do {
            try context.pipeline.syncOperations.addHandler(tlsHandler, position: .first)
        } catch {
            abort(.tls("cannot start TLS: \(error)"))
            throw failure!
        }
    }

    private func deliver(_ reply: SMTPReply) {
        guard let waiter else {
            early.append(reply)
            return
        }
        self.waiter = nil
        waiter.deadline.cancel()
        waiter.promise.succeed(reply)
    }

    /// Records `error` (unless an earlier one is known) and fails the waiting request with it.
    private func fail(_ error: SMTPError) {
        if failure == nil { failure = error }
        guard let waiter else { return }
        self.waiter = nil
        waiter.deadline.cancel()
        waiter.promise.fail(failure!)
    }

    /// Fails and closes: after a timeout or a garbled reply the dialogue cannot be resynchronised.
    private func abort(_ error: SMTPError) {
        fail(error)
        context?.close(promise: nil)
    }
}
