import Foundation
import OpenBadges
import Testing

/// Cross-checks against the reference Python implementation (openbadges_bakery + pypng),
/// in both directions, when the project's tool venv is installed.
@Suite("Reference bakery interoperability")
struct BakeryInteropTests {
    /// The OB 2.0 validator's venv python (`scripts/test` sets it).
    static let python = ProcessInfo.processInfo.environment["BLASON_TEST_OB2_PYTHON"] ?? ""

    static let script = #"""
    import json, os, sys
    import png
    from openbadges_bakery import unbake, bake
    d = sys.argv[1]
    def path(name): return os.path.join(d, name)
    out = {}
    # pypng decodes every pixel, so a bad CRC, IDAT or Adler-32 fails here.
    w, h, rows, info = png.Reader(filename=path("swift.png")).read()
    out["pngSize"] = [w, h, len(list(rows))]
    for name in ["swift.png", "swift.svg", "swift-verify.svg"]:
        with open(path(name), "rb") as f:
            value = unbake(f)
        out[name] = value.decode("utf-8") if isinstance(value, bytes) else value
    payload = open(path("payload.txt"), encoding="utf-8").read()
    for source, target in [("plain.png", "python.png"), ("plain.svg", "python.svg")]:
        with open(path(source), "rb") as f, open(path(target), "wb") as o:
            bake(f, payload, o)
    print(json.dumps(out))
    """#

    @Test(
        "the Python reference reads what Swift bakes, and vice versa",
        .enabled(if: FileManager.default.isExecutableFile(atPath: python), "needs BLASON_TEST_OB2_PYTHON: a python with openbadges_bakery and pypng (the OB 2.0 validator's venv)")
    )
    func crossCheck() throws {
        let payload = #"{"id": "https://example.org/assertions/1", "name": "Café crème 🎉"}"#
        let verify = "https://example.org/assertions/1"
        let plainPNG = TestPNG.make(width: 5, height: 5)
        let plainSVG = Data(#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="teal"/></svg>"#.utf8)

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ob-bakery-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func write(_ data: Data, _ name: String) throws { try data.write(to: directory.appendingPathComponent(name)) }
        try write(try PNGBaker.bake(plainPNG, text: payload), "swift.png")
        try write(try SVGBaker.bake(plainSVG, payload: payload, verify: nil), "swift.svg")
        try write(try SVGBaker.bake(plainSVG, payload: payload, verify: verify), "swift-verify.svg")
        try write(plainPNG, "plain.png")
        try write(plainSVG, "plain.svg")
        try write(Data(payload.utf8), "payload.txt")

        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = ["-c", Self.script, directory.path]
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "python failed: \(String(decoding: errors, as: UTF8.self))")

        struct Report: Decodable {
            let pngSize: [Int]
            let swiftPNG: String?, swiftSVG: String?, swiftVerifySVG: String?
            enum CodingKeys: String, CodingKey {
                case pngSize, swiftPNG = "swift.png", swiftSVG = "swift.svg", swiftVerifySVG = "swift-verify.svg"
            }
        }
        let report = try JSONDecoder().decode(Report.self, from: output)
        #expect(report.pngSize == [5, 5, 5])
        #expect(report.swiftPNG == payload)
        #expect(report.swiftSVG == payload)
        // The reference reader prefers the verify attribute when there is one.
        #expect(report.swiftVerifySVG == verify)

        // And the other way round: files baked by Python.
        let pythonPNG = try Data(contentsOf: directory.appendingPathComponent("python.png"))
        #expect(try PNGBaker.unbake(pythonPNG) == payload)
        let pythonSVG = try Data(contentsOf: directory.appendingPathComponent("python.svg"))
        let unbaked = try #require(try SVGBaker.unbake(pythonSVG))
        #expect(unbaked.payload == payload)
        #expect(unbaked.verify == verify) // the reference baker copies the assertion id into verify
    }
}
