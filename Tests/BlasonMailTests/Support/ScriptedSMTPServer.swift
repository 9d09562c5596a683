import BlasonTestSupport
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A hand-driven SMTP server for one connection, for behaviour aiosmtpd cannot be asked to show
/// (HELO-only servers, replies injected after STARTTLS, refused recipients).
///
/// `respond` maps each command line to the raw reply bytes to send (CRLF included); message data
/// between DATA and "." is collected and answered by `respond(".")`.
final class ScriptedSMTPServer: @unchecked Sendable {
    let port: Int
    private let lock = NSLock()
    private var lines: [String] = []

    /// Every line received so far, message data included.
    var transcript: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }

    init(greeting: String = "220 scripted ESMTP\r\n", respond: @escaping @Sendable (String) -> String) throws {
        let listener = try LoopbackSocket.silentListener()
        port = listener.port
        let thread = Thread { [self] in
            let client = accept(listener.descriptor, nil, nil)
            close(listener.descriptor)
            guard client >= 0 else { return }
            defer { close(client) }
            Self.write(greeting, to: client)
            var pending = Data()
            var inData = false
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = recv(client, &buffer, buffer.count, 0)
                guard count > 0 else { return }
                pending.append(contentsOf: buffer[0..<count])
                while let end = pending.firstRange(of: Data("\r\n".utf8)) {
                    let line = String(decoding: pending[pending.startIndex..<end.lowerBound], as: UTF8.self)
                    pending.removeSubrange(pending.startIndex..<end.upperBound)
                    record(line)
                    if inData && line != "." { continue }
                    inData = false
                    let reply = respond(line)
                    Self.write(reply, to: client)
                    if line.uppercased() == "DATA" && reply.hasPrefix("354") { inData = true }
                    if line.uppercased() == "QUIT" { return }
                }
            }
        }
        thread.start()
    }

    private func record(_ line: String) {
        lock.lock()
        lines.append(line)
        lock.unlock()
    }

    private static func write(_ text: String, to descriptor: Int32) {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let result = bytes[sent...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) }
            guard result > 0 else { return }
            sent += result
        }
    }

    /// Replies that accept everything, for scripts that only change a step or two.
    static func standardReply(to line: String) -> String {
        switch line.uppercased() {
        case let command where command.hasPrefix("EHLO"): "250-scripted\r\n250 8BITMIME\r\n"
        case let command where command.hasPrefix("HELO"): "250 scripted\r\n"
        case "DATA": "354 go ahead\r\n"
        case ".": "250 2.0.0 queued\r\n"
        case "QUIT": "221 bye\r\n"
        default: "250 2.1.0 ok\r\n"
        }
    }
}
