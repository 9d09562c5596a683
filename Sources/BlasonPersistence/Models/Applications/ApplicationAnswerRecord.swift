import BlasonCore
import FluentKit
import Foundation

/// An answer of one revision of an application; earlier revisions are kept as history.
public final class ApplicationAnswerRecord: Model, @unchecked Sendable {
    public static let schema = "application_answers"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "application_id") public var application: BadgeApplication
    @Field(key: "question_id") public var questionID: UUID
    @Field(key: "revision") public var revision: Int
    @Field(key: "answer_json") public var answerJSON: String
    @OptionalField(key: "file_data") public var fileData: Data?

    public init() {}

    public init(applicationID: UUID, questionID: UUID, revision: Int, answer: ApplicationAnswer, fileData: Data?) {
        self.$application.id = applicationID
        self.questionID = questionID
        self.revision = revision
        self.answerJSON = (try? String(decoding: JSONEncoder().encode(answer), as: UTF8.self)) ?? "{}"
        self.fileData = fileData
    }

    public var answer: ApplicationAnswer? { try? JSONDecoder().decode(ApplicationAnswer.self, from: Data(answerJSON.utf8)) }
}
