import Foundation
import Testing

/// Runs helper scripts under the Python named by `BLASON_TEST_QR_PYTHON`, so that independent
/// implementations (segno to encode, zxing-cpp to decode) can check our symbols.
///
/// Requests and answers travel as JSON files rather than pipes: a large answer on a pipe would
/// block the child until we read it, and we only read after it exits.
enum ExternalPython {
    static let environmentVariable = "BLASON_TEST_QR_PYTHON"

    static var executable: String? {
        guard let path = ProcessInfo.processInfo.environment[environmentVariable], !path.isEmpty else { return nil }
        return path
    }

    static var isConfigured: Bool { executable != nil }

    static let skipReason: Comment = """
        needs BLASON_TEST_QR_PYTHON, a Python with segno, zxing-cpp and pillow \
        (python3 -m venv /tmp/qr-venv && /tmp/qr-venv/bin/pip install segno==1.6.6 zxing-cpp==3.1.1 pillow==13.0.0)
        """

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `script` as `python script.py request.json answer.json` and decodes the answer.
    static func run<Request: Encodable, Answer: Decodable>(
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

/// Deterministic pseudo-random bytes (xorshift), so capacity-filling tests need no fixtures.
struct TestBytes {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed | 1
    }

    mutating func next(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return UInt8(truncatingIfNeeded: state >> 24)
        }
    }
}

extension Array where Element == UInt8 {
    var hex: String { map { String(format: "%02x", $0) }.joined() }
}
