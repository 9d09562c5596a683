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
        let now = clock.now
        let staleBefore = now.addingTimeInterval(-Double(configuration.mailClaimTimeoutSeconds))
        let candidates = try await OutboxMessage.query(on: db)
            .group(.or) { group in
                group.group(.and) { $0.filter(\.$statusName == OutboxMessage.Status.pending.rawValue).filter(\.$nextAttemptAt <= now) }
                group.group(.and) { $0.filter(\.$statusName == OutboxMessage.Status.sending.rawValue).filter(\.$claimedAt < staleBefore) }
            }
            .sort(\.$nextAttemptAt)
            .limit(Self.batchSize)
            .all()
        var handled = 0
        for message in candidates {
            guard try await claim(message, now: now, staleBefore: staleBefore) else { continue }
            await deliver(message)
            handled += 1
        }
        return handled
    }

    private func claim(_ message: OutboxMessage, now: Date, staleBefore: Date) async throws -> Bool {
        let sql = db as! any SQLDatabase
        let rows = try await sql.update(OutboxMessage.schema)
            .set("status", to: OutboxMessage.Status.sending.rawValue)
            .set("claimed_at", to: now)
            .where("id", .equal, message.requireID())
            .where { predicate in
                predicate.where("status", .equal, OutboxMessage.Status.pending.rawValue)
                    .orWhere { stale in
                        stale.where("status", .equal, OutboxMessage.Status.sending.rawValue).where("claimed_at", .lessThan, staleBefore)
                    }
            }
            .returning("id")
            .all()
        return !rows.isEmpty
    }

    private func deliver(_ message: OutboxMessage) async {
        let mail = MailMessage(
            from: configuration.mailFrom, to: [MailAddress(message.toAddress, name: message.toName)], subject: message.subject,
            textBody: message.textBody, htmlBody: message.htmlBody, messageID: message.messageID, date: message.createdAt,
            headers: [("Content-Language", message.languageCode), ("Auto-Submitted", "auto-generated")])
        let attempts = message.attempts + 1
        do {
            try await transport.send(mail)
            try await update(message, status: .sent, attempts: attempts, error: nil, next: nil)
        } catch {
            let permanent = (error as? SMTPError)?.isPermanent ?? false
            let giveUp = permanent || attempts >= Self.maximumAttempts
            let delay = min(3600, Double(configuration.mailRetryBaseSeconds) * pow(2, Double(attempts - 1)))
            logger.warning("mail \(message.messageID) to \(message.toAddress) failed (attempt \(attempts)): \(error)")
            try? await update(message, status: giveUp ? .failed : .pending, attempts: attempts, error: String(describing: error),
                              next: giveUp ? nil : clock.now.addingTimeInterval(delay))
        }
    }

    private func update(_ message: OutboxMessage, status: OutboxMessage.Status, attempts: Int, error: String?, next: Date?) async throws {
        var query = try OutboxMessage.query(on: db).filter(\.$id == message.requireID())
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
