import Foundation

/// `e2e/smtp_sink.py` running on a loopback port, with its message directory.
///
/// Needs BLASON_TEST_SMTP_PYTHON: a Python interpreter that has aiosmtpd (and, ideally, cryptography).
public final class SMTPSink: @unchecked Sendable {
    /// The interpreter named by BLASON_TEST_SMTP_PYTHON, when set.
    public static let python: String? = {
        let value = ProcessInfo.processInfo.environment["BLASON_TEST_SMTP_PYTHON"] ?? ""
        return value.isEmpty ? nil : value
    }()

    public static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("e2e/smtp_sink.py")

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public let port: Int
    public let messageDirectory: URL
    private let root: URL
    private let process: Process

    private init(port: Int, root: URL, process: Process) {
        self.port = port
        self.root = root
        self.messageDirectory = root.appendingPathComponent("messages")
        self.process = process
    }

    /// Starts the sink with extra command-line `options` and waits for its "ready" line.
    ///
    /// The port is picked by the kernel and released before the sink binds it, so another process can
    /// grab it in between; a sink that exits before "ready" is retried on a new port.
    public static func start(_ options: [String] = []) async throws -> SMTPSink {
        guard let python else { throw Failure(description: "BLASON_TEST_SMTP_PYTHON is not set") }
        var lastLog = ""
        for _ in 1...3 {
            let port = try LoopbackSocket.freePort()
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("blason-smtp-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            let log = root.appendingPathComponent("sink.log")
            FileManager.default.createFile(atPath: log.path, contents: nil)

            let process = Process()
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = [script.path, "--port", "\(port)", "--dir", root.appendingPathComponent("messages").path, "--exit-with-parent"]
                + options
            let stdout = Pipe()
            process.standardOutput = stdout
            process.standardError = try FileHandle(forWritingTo: log)
            try process.run()

            // A sink killed by the deadline may still have written "ready" into the pipe: only a
            // running one counts.
            if await waitForReady(stdout.fileHandleForReading, pid: process.processIdentifier), process.isRunning {
                return SMTPSink(port: port, root: root, process: process)
            }
            process.terminate()
            process.waitUntilExit()
            lastLog = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            try? FileManager.default.removeItem(at: root)
        }
        throw Failure(description: "smtp_sink.py did not start:\n\(lastLog)")
    }

    /// Stops the sink (SIGTERM) and removes its files.
    public func stop() {
        if process.isRunning {
            process.terminate()
            // A sink that ignores SIGTERM must not hang the whole test run.
            for _ in 0..<50 where process.isRunning { usleep(100_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: root)
    }

    /// The stored messages, in arrival order.
    public func messages() throws -> [Data] {
        try storedFiles(suffix: ".eml").map { try Data(contentsOf: $0) }
    }

    /// The envelope records written with `--envelopes`, in arrival order.
    public func envelopes() throws -> [Envelope] {
        try storedFiles(suffix: ".envelope.json").map { try JSONDecoder().decode(Envelope.self, from: Data(contentsOf: $0)) }
    }

    public struct Envelope: Decodable, Equatable {
        public var mail_from: String
        public var rcpt_tos: [String]
        public var login: String?
        public var tls: Bool

        public init(mail_from: String, rcpt_tos: [String], login: String?, tls: Bool) {
            self.mail_from = mail_from
            self.rcpt_tos = rcpt_tos
            self.login = login
            self.tls = tls
        }
    }

    private func storedFiles(suffix: String) throws -> [URL] {
        guard FileManager.default.fileExists(atPath: messageDirectory.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: messageDirectory.path)
            .filter { $0.hasSuffix(suffix) && !$0.hasPrefix(".") }
            .sorted()
            .map { messageDirectory.appendingPathComponent($0) }
    }

    /// Reads stdout on a plain thread until "ready" or end of file; a deadline kills a sink that hangs,
    /// which ends the read too, so the continuation is resumed exactly once, by the reader.
    private static func waitForReady(_ output: FileHandle, pid: Int32) async -> Bool {
        let deadline = DispatchWorkItem { kill(pid, SIGTERM) }
        // Generous: with the whole suite running in parallel on two cores, Python can take long to start.
        DispatchQueue.global().asyncAfter(deadline: .now() + 90, execute: deadline)
        defer { deadline.cancel() }
        return await withCheckedContinuation { continuation in
            // A thread of its own: blocking reads on the shared queues can starve under load, and a
            // late read would outlive the deadline.
            Thread {
                var seen = Data()
                while true {
                    let chunk = output.availableData
                    if chunk.isEmpty {
                        continuation.resume(returning: false)
                        return
                    }
                    seen.append(chunk)
                    if String(decoding: seen, as: UTF8.self).contains("ready\n") {
                        continuation.resume(returning: true)
                        return
                    }
                }
            }.start()
        }
    }
}
