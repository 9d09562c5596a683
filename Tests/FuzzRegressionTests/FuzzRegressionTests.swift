import BlasonFuzzTargets
import Foundation
import Testing

/// Every file of `Corpus/<target>/` goes through its fuzz target: the seeds `scripts/fuzz` starts
/// from (valid images, credentials and lists, which exercise the invariants of accepted input)
/// and the inputs fuzzing found to break a parser (`crash-…`), kept once fixed.
@Suite("Fuzz corpus replayed")
struct FuzzRegressionTests {
    struct Input: CustomTestStringConvertible, Sendable {
        let target: FuzzTarget
        let url: URL
        var testDescription: String { "\(target.rawValue)/\(url.lastPathComponent)" }
    }

    static let inputs: [Input] = FuzzTarget.allCases.flatMap { target in
        let folder = Bundle.module.resourceURL!.appendingPathComponent("Corpus/\(target.rawValue)")
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        return files.filter { !$0.lastPathComponent.hasPrefix(".") }.sorted { $0.path < $1.path }.map { Input(target: target, url: $0) }
    }

    @Test func everyTargetHasInputs() {
        for target in FuzzTarget.allCases {
            #expect(Self.inputs.contains { $0.target == target }, "\(target.rawValue) has no corpus")
        }
    }

    @Test(arguments: inputs)
    func replays(_ input: Input) async throws {
        await input.target.run(try Data(contentsOf: input.url))
    }
}
