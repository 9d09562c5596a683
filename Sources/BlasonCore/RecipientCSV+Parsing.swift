import Foundation
import SwiftCSV

/// The recipient CSV upload: a header row naming `email,name,evidence_url,narrative` (in any
/// order, plus an optional `language` column: fr or en), then one recipient a row. French
/// spreadsheets export with `;`, so that is accepted too.
public enum RecipientCSV {
    public static let columns = ["email", "name", "evidence_url", "narrative"]

    public static func parse(_ text: String) throws(BlasonError) -> [Recipient] {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        guard let headerLine = body.split(whereSeparator: \.isNewline).first else {
            throw .invalid("csv", .emptyRecipientList)
        }
        let delimiter: CSVDelimiter = headerLine.contains(";") && !headerLine.contains(",") ? .semicolon : .comma
        let csv: EnumeratedCSV
        do {
            csv = try EnumeratedCSV(string: body, delimiter: delimiter, loadColumns: false)
        } catch {
            throw .invalid("csv", .csvMalformed(String(describing: error)))
        }
        let header = csv.header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let missing = columns.filter { !header.contains($0) }
        if !missing.isEmpty {
            throw .invalid("csv", .csvMissingColumns(missing), line: 1)
        }
        let position = Dictionary(columns.map { name in (name, header.firstIndex(of: name)!) }, uniquingKeysWith: { a, _ in a })
        let rows = csv.rows.enumerated().filter { !$0.element.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
        if rows.isEmpty { throw .invalid("csv", .emptyRecipientList) }
        if rows.count > RecipientLimits.maximumCount {
            throw .invalid("csv", .tooManyRecipients(max: RecipientLimits.maximumCount, got: rows.count))
        }

        var recipients: [Recipient] = []
        var issues: [FieldIssue] = []
        var firstLineOf: [EmailAddress: Int] = [:]
        for (index, row) in rows {
            let line = index + 2
            guard row.count == header.count else {
                issues.append(FieldIssue(field: "csv", problem: .csvWrongFieldCount(expected: header.count, got: row.count), line: line))
                continue
            }
            func cell(_ column: String) -> String { row[position[column]!].trimmingCharacters(in: .whitespacesAndNewlines) }
            guard let email = EmailAddress(cell("email")) else {
                issues.append(FieldIssue(field: "email", problem: cell("email").isEmpty ? .required : .invalidEmail(cell("email")), line: line))
                continue
            }
            let evidence = WebURL.optional(cell("evidence_url"), field: "evidence_url", issues: &issues, line: line)
            if cell("name").count > RecipientLimits.maximumNameLength {
                issues.append(FieldIssue(field: "name", problem: .tooLong(max: RecipientLimits.maximumNameLength), line: line))
            }
            if cell("narrative").count > RecipientLimits.maximumNarrativeLength {
                issues.append(FieldIssue(field: "narrative", problem: .tooLong(max: RecipientLimits.maximumNarrativeLength), line: line))
            }
            if let first = firstLineOf[email] {
                issues.append(FieldIssue(field: "email", problem: .duplicateRecipient(email.value, firstLine: first), line: line))
                continue
            }
            var language: Language?
            if let column = header.firstIndex(of: "language"), !row[column].trimmingCharacters(in: .whitespaces).isEmpty {
                let raw = row[column].trimmingCharacters(in: .whitespaces).lowercased()
                language = Language(rawValue: raw)
                if language == nil { issues.append(FieldIssue(field: "language", problem: .notAllowedValue(raw), line: line)) }
            }
            firstLineOf[email] = line
            recipients.append(Recipient(email: email, name: cell("name"), evidenceURL: evidence, narrative: cell("narrative"), language: language))
        }
        if !issues.isEmpty { throw .invalid(issues) }
        return recipients
    }
}
