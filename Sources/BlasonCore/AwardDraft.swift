import Foundation

/// One issuing action: a badge class given to one or more recipients with common details.
public struct AwardDraft: Equatable, Sendable, Codable {
    public var recipients: [Recipient]
    public var issuedOn: Date
    public var expires: Date?
    public var evidenceURL: String?
    public var narrative: String?
    /// The language of the e-mails to the recipients, when the issuer chose one; otherwise each
    /// recipient's own (the one their account uses), French for someone without an account.
    public var language: Language?
    public var kind: AwardKind

    public init(recipients: [Recipient], issuedOn: Date, expires: Date? = nil, evidenceURL: String? = nil, narrative: String? = nil,
                language: Language? = nil, kind: AwardKind = .issued) {
        self.recipients = recipients
        self.issuedOn = issuedOn
        self.expires = expires
        self.evidenceURL = evidenceURL
        self.narrative = narrative.nilIfBlank
        self.language = language
        self.kind = kind
    }

    /// Checks the common details against `now`: an issue date may lie in the past (recording an
    /// earlier achievement) but not in the future, and an expiry must come after the issue.
    public func validated(now: Date) throws(BlasonError) -> AwardDraft {
        var issues: [FieldIssue] = []
        if recipients.isEmpty { issues.append(FieldIssue(field: "recipients", problem: .emptyRecipientList)) }
        if recipients.count > RecipientLimits.maximumCount {
            issues.append(FieldIssue(field: "recipients", problem: .tooManyRecipients(max: RecipientLimits.maximumCount, got: recipients.count)))
        }
        if issuedOn > now, !CalendarDay.sameDay(issuedOn, now) {
            issues.append(FieldIssue(field: "issued_on", problem: .dateInFuture))
        }
        if let expires, expires <= issuedOn {
            issues.append(FieldIssue(field: "expires", problem: .expiryBeforeIssue))
        }
        if let evidenceURL, WebURL.validated(evidenceURL) == nil {
            issues.append(FieldIssue(field: "evidence_url", problem: .invalidURL(evidenceURL)))
        }
        if (narrative?.count ?? 0) > RecipientLimits.maximumNarrativeLength {
            issues.append(FieldIssue(field: "narrative", problem: .tooLong(max: RecipientLimits.maximumNarrativeLength)))
        }
        if !issues.isEmpty { throw .invalid(issues) }
        var draft = self
        // A date picked as "today" means now: the award should not claim midnight.
        if issuedOn > now { draft.issuedOn = now }
        return draft
    }
}
