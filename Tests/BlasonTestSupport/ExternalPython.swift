import Foundation
import Testing

/// Runs helper scripts under the Python named by `BLASON_TEST_QR_PYTHON`, so that independent
/// implementations (segno to encode, zxing-cpp to decode) can check our QR codes, in the QR
/// library's tests and in the app's.
///
/// Requests and answers travel as JSON files rather than pipes: a large answer on a pipe would
/// block the child until we read it, and we only read after it exits.
public enum ExternalPython {
    public static let environmentVariable = "BLASON_TEST_QR_PYTHON"

    public static var executable: String? {
        guard let path = ProcessInfo.processInfo.environment[environmentVariable], !path.isEmpty else { return nil }
        return path
    }

    public static var isConfigured: Bool { executable != nil }

    public static let skipReason: Comment = """
        needs BLASON_TEST_QR_PYTHON, a Python with segno, zxing-cpp and pillow \
        (pip install segno==1.6.6 zxing-cpp==3.1.1 pillow==13.0.0; scripts/test sets it up)
        """

    public struct Failure: Error, CustomStringConvertible {
        public let description: String

        public init(description: String) {
            self.description = description
        }
    }

    /// Runs `script` as `python script.py request.json answer.json` and decodes the answer.
    public static func run<Request: Encodable, Answer: Decodable>(
        script: String,
        request: Request,
        answer: Answer.Type
    ) throws -> Answer {
        guard let executable else { throw Failure(description: "\(environmentVariable) is not set") }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("blason-qr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let scriptURL = directory.appendingPathComponent("helper.py")
        let requestURL = directory.appendingPathComponent("request.json")
        let answerURL = directory.appendingPathComponent("answer.json")
        let errorsURL = directory.appendingPathComponent("stderr.txt")
        try Data(script.utf8).write(to: scriptURL)
        try JSONEncoder().encode(request).write(to: requestURL)
        _ = FileManager.default.createFile(atPath: errorsURL.path, contents: nil)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [scriptURL.path, requestURL.path, answerURL.path]
        let errors = try FileHandle(forWritingTo: errorsURL)
        process.standardError = errors
        process.standardOutput = errors
        try process.run()
        process.waitUntilExit()
        try errors.close()

        guard process.terminationStatus == 0 else {
            let output = (try? String(contentsOf: errorsURL, encoding: .utf8)) ?? ""
            throw Failure(description: "\(executable) exited with \(process.terminationStatus):\n\(output)")
        }
        return try JSONDecoder().decode(Answer.self, from: Data(contentsOf: answerURL))
    }
}
