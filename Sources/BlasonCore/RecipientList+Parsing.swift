import Foundation

/// The recipient text box: one recipient a line, `email` or `Name <email>`.
public enum RecipientList {
    /// Parses the whole box. Every bad line is reported with its number, and nothing is
    /// returned unless every line is good, so a typo never leads to a partial issue.
    public static func parse(_ text: String) throws(BlasonError) -> [Recipient] {
        var recipients: [Recipient] = []
        var issues: [FieldIssue] = []
        var firstLineOf: [EmailAddress: Int] = [:]
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let nonEmpty = lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count
        if nonEmpty == 0 {
            throw .invalid("recipients", .emptyRecipientList)
        }
        if nonEmpty > RecipientLimits.maximumCount {
            throw .invalid("recipients", .tooManyRecipients(max: RecipientLimits.maximumCount, got: nonEmpty))
        }
        for (index, rawLine) in lines.enumerated() {
            let lineNumber = index + 1
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            switch parseLine(line) {
            case .success(let recipient):
                if let first = firstLineOf[recipient.email] {
                    issues.append(FieldIssue(field: "recipients", problem: .duplicateRecipient(recipient.email.value, firstLine: first), line: lineNumber))
                } else {
                    firstLineOf[recipient.email] = lineNumber
                    recipients.append(recipient)
                }
            case .failure(let problem):
                issues.append(FieldIssue(field: "recipients", problem: problem, line: lineNumber))
            }
        }
        if !issues.isEmpty { throw .invalid(issues) }
        return recipients
    }

    public enum LineResult: Equatable, Sendable {
        case success(Recipient)
        case failure(Problem)
    }

    /// One line: `alice@example.org` or `Alice Martin <alice@example.org>` (quotes around the name allowed).
    public static func parseLine(_ line: String) -> LineResult {
        if let open = line.lastIndex(of: "<"), line.hasSuffix(">") {
            let address = String(line[line.index(after: open)..<line.index(before: line.endIndex)])
            var name = line[..<open].trimmingCharacters(in: .whitespaces)
            if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") {
                name = String(name.dropFirst().dropLast())
            }
            guard let email = EmailAddress(address) else { return .failure(.invalidEmail(address)) }
            guard name.count <= RecipientLimits.maximumNameLength else {
                return .failure(.tooLong(max: RecipientLimits.maximumNameLength))
            }
            return .success(Recipient(email: email, name: name))
        }
        guard let email = EmailAddress(line) else { return .failure(.invalidEmail(line)) }
        return .success(Recipient(email: email))
    }
}
