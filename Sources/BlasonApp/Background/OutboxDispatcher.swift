import BlasonCore
import BlasonMail
import BlasonPersistence
import Fluent
import Foundation
import SQLKit
import NIOConcurrencyHelpers
import Vapor

/// Delivers the outbox over SMTP, inside the server process. At least once: a message is claimed
/// atomically (so two nodes never send it together), sent, then marked sent; if the process dies
/// in between, the claim times out and the message is sent again with the same Message-ID.
struct OutboxDispatcher: Sendable {
    let db: any Database
    let configuration: BlasonConfiguration
    let clock: Clock
    let transport: any MailTransport
    let logger: Logger

    static let maximumAttempts = 25
    static let batchSize = 20

    /// Sends what is due now; returns how many messages it handled (sent or failed).
    @discardableResult
    func dispatchDue() async throws -> Int {
        // A read first, so an idle poll never takes SQLite's write lock.
        guard try await OutboxMessage.query(on: db).group(.or, due(now: clock.now)).first() != nil else { return 0 }
        var handled = 0
        while handled < Self.batchSize, let message = try await claimNext() {
            await deliver(message)
            handled += 1
        }
        return handled
    }

    /// Pending and due, or claimed by a node that has not finished in time.
    private func due(now: Date) -> @Sendable (QueryBuilder<OutboxMessage>) -> Void {
        let staleBefore = now.addingTimeInterval(-Double(configuration.mailClaimTimeoutSeconds))
        return { group in
            group.group(.and) { $0.filter(\.$statusName == OutboxMessage.Status.pending.rawValue).filter(\.$nextAttemptAt <= now) }
            group.group(.and) { $0.filter(\.$statusName == OutboxMessage.Status.sending.rawValue).filter(\.$claimedAt < staleBefore) }
        }
    }

    /// Claims the oldest due message and returns it as the claim left it. One statement: the
    /// outer WHERE repeats the due condition, so when nodes race for a row only the first changes
    /// it, and a message another node has just tried and put back for later is not taken early.
    /// On PostgreSQL the inner SELECT skips rows another node is claiming (FOR UPDATE SKIP LOCKED)
    /// instead of queueing behind it; SQLite has one writer, so the statement alone is enough.
    private func claimNext() async throws -> OutboxMessage? {
        let now = clock.now
        let staleBefore = now.addingTimeInterval(-Double(configuration.mailClaimTimeoutSeconds))
        let sql = db as! any SQLDatabase
        let pending = OutboxMessage.Status.pending.rawValue, sending = OutboxMessage.Status.sending.rawValue
        let due: SQLQueryString = """
            ((status = \(bind: pending) AND next_attempt_at <= \(bind: now)) OR (status = \(bind: sending) AND claimed_at < \(bind: staleBefore)))
            """
        let skipLocked: SQLQueryString = sql.dialect.name == "postgresql" ? " FOR UPDATE SKIP LOCKED" : ""
        let query: SQLQueryString = """
            UPDATE outbox_messages SET status = \(bind: sending), claimed_at = \(bind: now)
            WHERE id = (SELECT id FROM outbox_messages WHERE \(due) ORDER BY next_attempt_at LIMIT 1\(skipLocked)) AND \(due)
            RETURNING *
            """
        return try await sql.raw(query).first()?.decode(fluentModel: OutboxMessage.self)
    }

    private func deliver(_ message: OutboxMessage) async {
        let mail = MailMessage(
            from: configuration.mailFrom, to: [MailAddress(message.toAddress, name: message.toName)], subject: message.subject,
            textBody: message.textBody, htmlBody: message.htmlBody, messageID: message.messageID, date: message.createdAt,
            headers: [("Content-Language", message.languageCode), ("Auto-Submitted", "auto-generated")]
                + (message.listUnsubscribe.map { [("List-Unsubscribe", "<\($0)>"), ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")] } ?? []))
        let attempts = message.attempts + 1
        do {
            try await transport.send(mail)
            try await update(message, status: .sent, attempts: attempts, error: nil, next: nil)
        } catch {
            let permanent = (error as? SMTPError)?.isPermanent ?? false
            let giveUp = permanent || attempts >= Self.maximumAttempts
            let delay = min(3600, Double(configuration.mailRetryBaseSeconds) * pow(2, Double(attempts - 1)))
            // The message id finds the row; the address stays out of the logs.
            logger.warning("mail \(message.messageID) failed (attempt \(attempts)): \(LogRedaction.emails(in: String(describing: error)))")
            try? await update(message, status: giveUp ? .failed : .pending, attempts: attempts, error: String(describing: error),
                              next: giveUp ? nil : clock.now.addingTimeInterval(delay))
        }
    }

    private func update(_ message: OutboxMessage, status: OutboxMessage.Status, attempts: Int, error: String?, next: Date?) async throws {
        // Only while the message is still being sent: if this node was so slow that another one took
        // the message over and finished it, its outcome stands.
        var query = try OutboxMessage.query(on: db).filter(\.$id == message.requireID())
            .filter(\.$statusName == OutboxMessage.Status.sending.rawValue)
            .set(\.$statusName, to: status.rawValue)
            .set(\.$attempts, to: attempts)
            .set(\.$lastError, to: error.map { String($0.prefix(1000)) })
        if status == .sent { query = query.set(\.$sentAt, to: clock.now) }
        if let next { query = query.set(\.$nextAttemptAt, to: next) }
        try await query.update()
    }
}

/// Something that can send one message; SMTP in production, the same in tests (a real server).
protocol MailTransport: Sendable {
    func send(_ message: MailMessage) async throws
}

extension SMTPClient: MailTransport {}

/// Runs the dispatcher in the background while the server runs (only when SMTP is configured).
final class OutboxService: LifecycleHandler, @unchecked Sendable {
    private let lock = NIOLock()
    private var task: Task<Void, Never>?

    func didBootAsync(_ application: Application) async throws {
        let configuration = application.blason.configuration
        guard let smtp = configuration.smtp else {
            application.logger.notice("No BLASON_SMTP_URL: e-mails stay in the outbox (Administration › Courriels envoyés).")
            return
        }
        let dispatcher = OutboxDispatcher(db: application.db, configuration: configuration, clock: application.blason.clock,
                                          transport: SMTPClient(configuration: smtp), logger: application.logger)
        let interval = UInt64(configuration.mailPollMilliseconds) * 1_000_000
        let logger = application.logger
        lock.withLock {
            task = Task.detached {
                while !Task.isCancelled {
                    do {
                        if try await dispatcher.dispatchDue() > 0 { continue }
                    } catch {
                        logger.error("outbox: \(error)")
                    }
                    try? await Task.sleep(nanoseconds: interval)
                }
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        let running = lock.withLock { () -> Task<Void, Never>? in
            defer { task = nil }
            return task
        }
        running?.cancel()
        await running?.value
    }
}
