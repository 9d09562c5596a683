import Foundation

/// Every failure the domain can report. The edge maps each case to an HTTP status and a
/// message in the visitor's language; the core only says *what* went wrong.
public enum BlasonError: Error, Equatable, Sendable {
    /// Input that breaks a rule; each issue names its field (and line, for lists).
    case invalid([FieldIssue])
    /// The object does not exist, or the caller may not know that it exists.
    case notFound
    /// Signed in, but the caller's role does not allow the action.
    case forbidden
    /// The action needs a signed-in user (or a valid API token).
    case unauthenticated
    /// The request is well-formed but clashes with the current state (e.g. revoking twice).
    case conflict(Problem)
    /// A form was posted without the anti-forgery token of the session.
    case csrfRejected
    /// A one-time link (award claim, sign-in, e-mail verification) that cannot be used.
    case link(LinkProblem)
    /// Too many failed attempts on this account or from this address: try again after that many seconds.
    case tooManyAttempts(retryAfter: Int)

    /// Shorthand for a single invalid field.
    public static func invalid(_ field: String?, _ problem: Problem, line: Int? = nil) -> BlasonError {
        .invalid([FieldIssue(field: field, problem: problem, line: line)])
    }
}

/// One rule broken by one field (or one line of a recipient list).
public struct FieldIssue: Error, Equatable, Sendable, Codable {
    public var field: String?
    public var problem: Problem
    public var line: Int?
    /// The field's own words when the catalogue cannot know them (an organisation's form questions):
    /// messages then name the question the person read, not its internal key.
    public var label: LocalizedText?

    public init(field: String?, problem: Problem, line: Int? = nil, label: LocalizedText? = nil) {
        self.field = field
        self.problem = problem
        self.line = line
        self.label = label
    }
}

/// What is wrong, without words: the app's catalogue turns it into French or English.
public enum Problem: Equatable, Sendable, Codable {
    case required
    case tooLong(max: Int)
    case tooShort(min: Int)
    case invalidEmail(String)
    case invalidURL(String)
    case invalidDate(String)
    case dateInFuture
    case dateInPast
    case expiryBeforeIssue
    case invalidNumber(String)
    case notAllowedValue(String)
    case wrongType(expected: String)
    case invalidSlug
    case slugTaken(String)
    case emailTaken
    case invalidCredentials
    case emptyRecipientList
    case tooManyRecipients(max: Int, got: Int)
    case duplicateRecipient(String, firstLine: Int)
    case csvMissingColumns([String])
    case csvMalformed(String)
    case csvWrongFieldCount(expected: Int, got: Int)
    case imageMissing
    case imageUnsupportedType
    case imageTooLarge(limit: Int)
    case imageNotSquare(width: Int, height: Int)
    case imageUnsafeSVG(String)
    case imageMalformed(String)
    case alignmentIncomplete
    case badgeClassArchived
    case alreadyRevoked
    case alreadyMember
    case unknownUser(String)
    case lastAdmin
    case notAllowedNow
    /// The earner asked for no award e-mails: a new link could not reach them.
    case earnerMailOff
    case accountHasNoPassword
    case fileTooLarge(limit: Int)
    case fileTypeNotAllowed
    case applicationsClosed
    case applicantLimitReached
    case wrongClaimCode
    case alreadyDecided
    case preconditionFailed(String)
    case choicesRequired
    case partnerSelf
    case alreadyPartner
    case notPartner
    case notFindable
    case alreadySubmitted
    case submissionRequired
    case acceptedSubmissionRequired
    case alreadyShared
}

/// Why a one-time link cannot be used; each gets its own page.
public enum LinkProblem: String, Equatable, Sendable, Codable {
    /// Unknown token: mistyped, tampered with, or never issued.
    case invalid
    case expired
    case alreadyUsed
    /// A real token, but for another award or another person.
    case mismatch
    /// A real token for someone else than the account signed in on this browser.
    case otherAccount
}
