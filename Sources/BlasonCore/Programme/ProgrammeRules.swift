import Foundation

/// How a badge class is shared with a partner.
public enum ShareMode: String, Codable, Sendable, CaseIterable {
    /// The badge class stays ours; the partner may award it and our name shows on those awards; we can end it.
    case link
    /// The partner gets its own copy of the badge class.
    case copy
}

/// Where a share stands, for both sides.
public enum ShareStatus: String, Codable, Sendable, CaseIterable {
    case pending
    case accepted
    case declined
    /// Ended by the sharer.
    case ended
}

/// Where a badge submitted to a programme stands.
public enum SubmissionStatus: String, Codable, Sendable, CaseIterable {
    /// Sent to the programme's operator, waiting for its review.
    case submitted
    /// The operator asked for more information.
    case infoRequested = "info-requested"
    case accepted
    case rejected

    public var isOpen: Bool { self == .submitted || self == .infoRequested }
}

/// The procedure's four questions, as a structure answers them when it shares a badge with the
/// programme's operator. Checked against the programme's referential.
public struct SubmissionAnswers: Equatable, Sendable, Codable {
    /// Key of the Region badge's competency (e.g. `communiquer`).
    public var competency: String
    /// 1 (« je pratique ») or 2 (« je maîtrise »).
    public var level: Int
    /// « Selon moi, il couvre toutes les compétences attendues dans le badge Région ».
    public var coversAll: Bool
    /// With `coversAll == false`: the indexes of the expected skills it does cover.
    public var coveredSkills: [Int]
    public var remarks: String

    public init(competency: String, level: Int, coversAll: Bool, coveredSkills: [Int] = [], remarks: String = "") {
        self.competency = competency
        self.level = level
        self.coversAll = coversAll
        self.coveredSkills = coveredSkills
        self.remarks = remarks
    }

    /// The referential as the checks need it: each competency's key and the number of expected
    /// skills of each of its levels.
    public struct Referential: Sendable {
        public let skillsPerLevel: [String: [Int]]

        public init(skillsPerLevel: [String: [Int]]) {
            self.skillsPerLevel = skillsPerLevel
        }
    }

    public func validated(against referential: Referential) throws(BlasonError) -> SubmissionAnswers {
        var issues: [FieldIssue] = []
        var answers = self
        answers.remarks = remarks.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let levels = referential.skillsPerLevel[competency] else {
            throw .invalid("competency", competency.isEmpty ? .required : .notAllowedValue(competency))
        }
        guard (1...levels.count).contains(level) else { throw .invalid("level", .notAllowedValue(String(level))) }
        let skills = levels[level - 1]
        if coversAll {
            answers.coveredSkills = []
        } else {
            let chosen = Array(Set(coveredSkills)).sorted()
            if let wrong = chosen.first(where: { !(0..<skills).contains($0) }) {
                issues.append(FieldIssue(field: "covered_skills", problem: .notAllowedValue(String(wrong))))
            }
            answers.coveredSkills = chosen
        }
        if answers.remarks.count > 5000 { issues.append(FieldIssue(field: "remarks", problem: .tooLong(max: 5000))) }
        if !issues.isEmpty { throw .invalid(issues) }
        return answers
    }
}
