import BlasonCore
import FluentKit
import Foundation

/// A competency of a programme's referential (e.g. Communiquer).
public final class ProgrammeCompetency: Model, @unchecked Sendable {
    public static let schema = "programme_competencies"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "programme_id") public var programme: Programme
    @Field(key: "key") public var key: String
    @Field(key: "position") public var position: Int
    @Field(key: "name_fr") public var nameFR: String
    @OptionalField(key: "name_en") public var nameEN: String?
    /// The procedure's paragraph about the competency, verbatim.
    @Field(key: "presentation") public var presentation: String
    @Children(for: \.$competency) public var levels: [ProgrammeLevel]

    public init() {}

    public init(programmeID: UUID, key: String, position: Int, name: LocalizedText, presentation: String) {
        self.$programme.id = programmeID
        self.key = key
        self.position = position
        self.nameFR = name.fr
        self.nameEN = name.en
        self.presentation = presentation
    }

    public var name: LocalizedText { LocalizedText(fr: nameFR, en: nameEN) }
}

/// A level of a competency, with its expected skills and its Region badge class.
public final class ProgrammeLevel: Model, @unchecked Sendable {
    public static let schema = "programme_levels"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "competency_id") public var competency: ProgrammeCompetency
    @Field(key: "number") public var number: Int
    @Field(key: "name_fr") public var nameFR: String
    @OptionalField(key: "name_en") public var nameEN: String?
    @Field(key: "procedure_text") public var procedureText: String
    @Field(key: "skills_json") public var skillsJSON: String
    @Parent(key: "badge_class_id") public var badgeClass: BadgeClass

    public init() {}

    public init(competencyID: UUID, number: Int, name: LocalizedText, procedureText: String, skills: [LocalizedText], badgeClassID: UUID) {
        self.$competency.id = competencyID
        self.number = number
        self.nameFR = name.fr
        self.nameEN = name.en
        self.procedureText = procedureText
        self.skillsJSON = (try? String(decoding: JSONEncoder().encode(skills), as: UTF8.self)) ?? "[]"
        self.$badgeClass.id = badgeClassID
    }

    public var name: LocalizedText { LocalizedText(fr: nameFR, en: nameEN) }
    public var expectedSkills: [LocalizedText] { (try? JSONDecoder().decode([LocalizedText].self, from: Data(skillsJSON.utf8))) ?? [] }
}
