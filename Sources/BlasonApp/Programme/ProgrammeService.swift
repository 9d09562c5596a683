import BlasonCore
import BlasonPersistence
import Fluent
import Foundation

/// A programme and its referential, as loaded for pages and checks.
struct ProgrammeReferential: Sendable {
    struct Level: Sendable {
        let id: UUID
        let number: Int
        let name: LocalizedText
        let procedureText: String
        let skills: [LocalizedText]
        let badgeClassID: UUID
    }

    struct Competency: Sendable {
        let id: UUID
        let key: String
        let name: LocalizedText
        let presentation: String
        let levels: [Level]
    }

    let programme: Programme
    let competencies: [Competency]

    var rules: SubmissionAnswers.Referential {
        SubmissionAnswers.Referential(skillsPerLevel: Dictionary(competencies.map { ($0.key, $0.levels.map(\.skills.count)) }, uniquingKeysWith: { a, _ in a }))
    }

    func level(_ competency: String, _ number: Int) -> (Competency, Level)? {
        guard let found = competencies.first(where: { $0.key == competency }), let level = found.levels.first(where: { $0.number == number }) else { return nil }
        return (found, level)
    }

    func level(id: UUID) -> (Competency, Level)? {
        for competency in competencies {
            if let level = competency.levels.first(where: { $0.id == id }) { return (competency, level) }
        }
        return nil
    }
}

struct ProgrammeService {
    let db: any Database

    func referential(key: String) async throws -> ProgrammeReferential {
        guard let programme = try await Programme.query(on: db).filter(\.$key == key).with(\.$operatorOrganisation).first() else {
            throw BlasonError.notFound
        }
        return try await referential(programme)
    }

    func referential(_ programme: Programme) async throws -> ProgrammeReferential {
        let competencies = try await ProgrammeCompetency.query(on: db).filter(\.$programme.$id == programme.requireID())
            .with(\.$levels).sort(\.$position).all()
        return ProgrammeReferential(programme: programme, competencies: competencies.map { competency in
            .init(id: competency.id!, key: competency.key, name: competency.name, presentation: competency.presentation,
                  levels: competency.levels.sorted { $0.number < $1.number }.map {
                      .init(id: $0.id!, number: $0.number, name: $0.name, procedureText: $0.procedureText, skills: $0.expectedSkills,
                            badgeClassID: $0.$badgeClass.id)
                  })
        })
    }

    /// The programmes an organisation operates.
    func operated(by organisationID: UUID) async throws -> [Programme] {
        try await Programme.query(on: db).filter(\.$operatorOrganisation.$id == organisationID).all()
    }

    func all() async throws -> [Programme] {
        try await Programme.query(on: db).with(\.$operatorOrganisation).sort(\.$key).all()
    }
}
