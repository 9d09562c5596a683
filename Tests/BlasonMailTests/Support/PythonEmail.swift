import Foundation

/// What Python's standard `email` package makes of a rendered message: an independent MIME parser,
/// so the tests do not merely check the renderer against its own idea of the format.
struct PythonEmail: Decodable {
    var subject: String
    var fromName: String
    var fromAddress: String
    var to: [[String]]
    var replyTo: [[String]]?
    var messageID: String
    var date: Double
    var contentType: String
    var partTypes: [String]
    var text: String?
    var html: String?
    var headers: [[String]]
    var defects: [String]

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Text bodies come back with their line breaks as the transfer encoding left them (CRLF after
    /// base64, LF after quoted-printable); both are normalised to LF, the form Swift callers pass in.
    private static let script = #"""
import email, email.policy, email.utils, json, sys
message = email.message_from_bytes(sys.stdin.buffer.read(), policy=email.policy.default)
def body(kind):
    part = message.get_body((kind,))
    return None if part is None else part.get_content().replace("\r\n", "\n")
def mailboxes(name):
    header = message[name]
    return None if header is None else [[a.display_name, a.addr_spec] for a in header.addresses]
defects = []
for part in message.walk():
    defects += [type(d).__name__ for d in part.defects]
    for name, value in part.items():
        defects += [name + ": " + type(d).__name__ for d in getattr(value, "defects", [])]
sender = message["From"].addresses[0]
print(json.dumps({
    "subject": str(message["Subject"]),
    "fromName": sender.display_name,
    "fromAddress": sender.addr_spec,
    "to": mailboxes("To"),
    "replyTo": mailboxes("Reply-To"),
    "messageID": str(message["Message-ID"]),
    "date": email.utils.parsedate_to_datetime(str(message["Date"])).timestamp(),
    "contentType": message.get_content_type(),
    "partTypes": [p.get_content_type() for p in message.iter_parts()] if message.is_multipart() else [],
    "text": body("plain"),
    "html": body("html"),
    "headers": [[name, str(value)] for name, value in message.items()],
    "defects": defects,
}))
"""#

    /// Parses `message` with `python3 -c …`, the message on stdin.
    static func parse(_ message: Data) throws -> PythonEmail {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Writing everything before reading is safe: the JSON answer only comes after stdin is closed,
        // and test messages are far below the pipe's buffer size.
        input.fileHandleForWriting.write(message)
        try input.fileHandleForWriting.close()
        let json = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "python3 email parse failed: \(String(decoding: stderr, as: UTF8.self))")
        }
        return try JSONDecoder().decode(PythonEmail.self, from: json)
    }

    /// The value of the first header called `name` (case-insensitive), decoded.
    func header(_ name: String) -> String? {
        headers.first { $0[0].lowercased() == name.lowercased() }?[1]
    }
}
