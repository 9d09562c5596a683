@testable import BlasonApp
import BlasonPersistence
import Fluent
import Foundation
import Testing
import Vapor

/// Reads what Blason put in its outbox, the way a person reads their inbox.
enum Mailbox {
    static func messages(_ app: Application, to address: String? = nil) async throws -> [OutboxMessage] {
        var query = OutboxMessage.query(on: app.db).sort(\.$createdAt)
        if let address { query = query.filter(\.$toAddress == address) }
        return try await query.all()
    }

    /// The link of the latest message to `address`; fails the test when there is none.
    static func latestLink(_ app: Application, to address: String) async throws -> String {
        let message = try #require(try await messages(app, to: address).last, "no e-mail to \(address)")
        return try #require(link(in: message), "no link in the e-mail to \(address)")
    }

    /// The first link of a message's plain text that points at Blason, as a path.
    static func link(in message: OutboxMessage, publicURL: String = TestApp.publicURL) -> String? {
        for word in message.textBody.split(whereSeparator: { $0 == " " || $0 == "\n" }) where word.hasPrefix(publicURL) {
            return String(word.dropFirst(publicURL.count))
        }
        return nil
    }
}
