import Foundation

/// What an organisation sets when it opens applications on a badge class.
public struct ApplicationFormDraft: Equatable, Sendable {
    public var introduction: LocalizedText
    public var questions: [ApplicationQuestion]
    public var reviewMethod: ReviewMethod
    public var applicantKind: ApplicantKind
    public var closesAt: Date?
    public var applicantLimit: Int?
    /// For the jury method: how many "yes" votes approve.
    public var juryThreshold: Int
    /// For the claim-code method, in clear only while the form is being saved.
    public var claimCode: String?

    public static let maximumQuestions = 40

    public init(introduction: LocalizedText = LocalizedText(fr: ""), questions: [ApplicationQuestion], reviewMethod: ReviewMethod,
                applicantKind: ApplicantKind = .person, closesAt: Date? = nil, applicantLimit: Int? = nil, juryThreshold: Int = 1,
                claimCode: String? = nil) {
        self.introduction = introduction
        self.questions = questions
        self.reviewMethod = reviewMethod
        self.applicantKind = applicantKind
        self.closesAt = closesAt
        self.applicantLimit = applicantLimit
        self.juryThreshold = juryThreshold
        self.claimCode = claimCode
    }

    /// `hasStoredClaimCode`: when editing a claim-code form, an empty code keeps the current one.
    public func validated(now: Date, jurySize: Int, hasStoredClaimCode: Bool = false) throws(BlasonError) -> ApplicationFormDraft {
        var issues: [FieldIssue] = []
        if questions.count > Self.maximumQuestions { issues.append(FieldIssue(field: "questions", problem: .tooLong(max: Self.maximumQuestions))) }
        for (index, question) in questions.enumerated() {
            let field = "question_\(index + 1)"
            if question.label.fr.trimmingCharacters(in: .whitespaces).isEmpty { issues.append(FieldIssue(field: field, problem: .required)) }
            if question.label.fr.count > 500 { issues.append(FieldIssue(field: field, problem: .tooLong(max: 500))) }
            if question.isChoice && question.choices.count < 2 { issues.append(FieldIssue(field: "\(field)_choices", problem: .choicesRequired)) }
            if question.kind == .file && !(1...ApplicationQuestion.absoluteMaximumFileBytes).contains(question.maximumFileBytes) {
                issues.append(FieldIssue(field: "\(field)_max_mb", problem: .tooLong(max: ApplicationQuestion.absoluteMaximumFileBytes / 1_048_576)))
            }
        }
        if let closesAt, closesAt <= now { issues.append(FieldIssue(field: "closes_at", problem: .dateInPast)) }
        if let applicantLimit, applicantLimit < 1 { issues.append(FieldIssue(field: "applicant_limit", problem: .invalidNumber(String(applicantLimit)))) }
        if reviewMethod == .jury, !(1...max(1, jurySize)).contains(juryThreshold) {
            issues.append(FieldIssue(field: "jury_threshold", problem: .invalidNumber(String(juryThreshold))))
        }
        if reviewMethod == .claimCode, !(hasStoredClaimCode && claimCode == nil), (claimCode?.trimmingCharacters(in: .whitespaces).count ?? 0) < 6 {
            issues.append(FieldIssue(field: "claim_code", problem: .tooShort(min: 6)))
        }
        if !issues.isEmpty { throw .invalid(issues) }
        return self
    }
}
