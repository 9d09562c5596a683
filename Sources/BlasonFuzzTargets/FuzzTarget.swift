import BlasonCore
import Foundation
import OpenBadges

/// The parsers that read what strangers send, as `scripts/fuzz` drives them with libFuzzer and as
/// the regression tests replay the inputs that once broke them.
///
/// `run` must return for any input. Besides not crashing, each target checks what must hold
/// whenever the parser accepts its input (a baked image gives back what was baked, a sanitized SVG
/// stays acceptable, canonical N-Quads are deterministic); a broken invariant stops the process,
/// which libFuzzer reports as a crash with the input that caused it.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// PNG checks, baking and unbaking.
    case png
    /// SVG sanitizing, baking and unbaking.
    case svg
    /// JSON text, JSON-LD to RDF and RDFC-1.0 canonicalization, in safe mode, bundled contexts only.
    case jsonld
    /// The badge verifier on raw bytes (image, JSON or JWT), with every fetch refused.
    case credential
    /// The recipient lists: CSV upload and the one-address-a-line text box.
    case csv

    /// Runs the target on one input.
    public func run(_ data: Data) async {
        switch self {
        case .png: Self.png(data)
        case .svg: Self.svg(data)
        case .jsonld: Self.jsonld(data)
        case .credential: await Self.credential(data)
        case .csv: Self.csv(data)
        }
    }

    /// The same from a thread that may block (libFuzzer's), never from a Swift task: it waits
    /// for the verifier's task with a semaphore.
    public func runBlocking(_ data: Data) {
        let done = DispatchSemaphore(value: 0)
        Task {
            await run(data)
            done.signal()
        }
        done.wait()
    }

    private static func png(_ data: Data) {
        let valid = (try? BadgeImage.inspect(data)) != nil
        _ = try? PNGBaker.unbake(data)
        guard let baked = try? PNGBaker.bake(data, text: "https://badges.example/a/1") else { return }
        check((try? PNGBaker.unbake(baked)) == "https://badges.example/a/1", "a baked PNG gives back its text")
        check(!valid || (try? BadgeImage.inspect(baked)) != nil, "baking keeps a valid PNG valid")
    }

    private static func svg(_ data: Data) {
        _ = try? SVGBaker.unbake(data)
        _ = try? BadgeImage.inspect(data)
        guard let clean = try? SVGSanitizer.sanitize(data) else { return }
        check((try? SVGSanitizer.sanitize(clean)) != nil, "a sanitized SVG passes the sanitizer again")
        guard let baked = try? SVGBaker.bake(clean, payload: "{\"id\":\"x\"}", verify: nil) else { return }
        check((try? SVGBaker.unbake(baked))??.payload == "{\"id\":\"x\"}", "a baked SVG gives back its payload")
    }

    private static func jsonld(_ data: Data) {
        guard let value = try? JSONValue(data: data) else { return }
        check((try? JSONValue(data: value.jsonData())) == value, "JSON written back reads the same")
        guard let first = try? JSONLD.canonicalize(value) else { return }
        check((try? JSONLD.canonicalize(value)) == first, "canonical N-Quads are deterministic")
    }

    private static func credential(_ data: Data) async {
        let verifier = BadgeVerifier(fetcher: RefusingFetcher(), options: .init(now: Date(timeIntervalSince1970: 1_767_225_600)))
        let verdict = await verifier.verify(.bytes(data))
        check(!verdict.valid || !verdict.checks.isEmpty, "a verdict of valid names its checks")
    }

    private static func csv(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        if let recipients = try? RecipientCSV.parse(text) {
            check(!recipients.isEmpty, "an accepted CSV has recipients")
        }
        if let recipients = try? RecipientList.parse(text) {
            check(!recipients.isEmpty, "an accepted list has recipients")
        }
    }

    private static func check(_ condition: Bool, _ invariant: String) {
        if !condition { fatalError("invariant broken: \(invariant)") }
    }
}

/// No network while fuzzing: every URL is refused, as an unknown host is by the real fetcher.
private struct RefusingFetcher: BadgeFetcher {
    struct Refused: Error {}
    func fetch(_ url: String, accept: String) async throws -> FetchedResource { throw Refused() }
}
