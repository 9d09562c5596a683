import ArgumentParser
import BlasonApp
import Foundation
import OpenBadges

/// `blason verify`: needs no database, only what the badge points to.
struct Verify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Verify an Open Badge (2.0 or 3.0, from Blason or anyone): a hosted URL, or a file with JSON, a JWS/JWT or a baked PNG/SVG.",
        discussion: "Prints each check and the verdict; exits 1 when the badge is not valid. Fetches only from loopback and BLASON_PUBLIC_URL's host unless --allow-network.")

    @Argument(help: "A URL, a file, or - for standard input.") var input: String
    @Option(help: "The earner's e-mail, to check the badge was awarded to them.") var recipient: String?
    @Flag(help: "Allow fetching from any host.") var allowNetwork = false
    @Flag(help: "Fetch nothing: signatures with did:key or embedded keys only.") var offline = false
    @Flag(help: "Print the verdict as JSON.") var json = false

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let policy: FetchPolicy = offline ? FetchPolicy(.none) : allowNetwork ? FetchPolicy(.any)
            : .standard(publicURL: environment["BLASON_PUBLIC_URL"], extraHosts: BadgeVerification.hosts(environment["BLASON_VERIFY_HOSTS"]))
        let badgeInput: BadgeInput
        if input.hasPrefix("http://") || input.hasPrefix("https://") {
            badgeInput = .url(input)
        } else if input == "-" {
            badgeInput = .bytes(FileHandle.standardInput.readDataToEndOfFile())
        } else {
            guard let data = BadgeVerification.readFile(input) else {
                FileHandle.standardError.write(Data("cannot read \(input)\n".utf8))
                throw ExitCode(2)
            }
            badgeInput = .bytes(data)
        }
        let verdict = await BadgeVerification.verify(badgeInput, policy: policy, recipient: recipient)
        let output = json ? BadgeVerification.json(verdict) : BadgeVerification.text(verdict)
        FileHandle.standardOutput.write(Data((output + "\n").utf8))
        if !verdict.valid { throw ExitCode(1) }
    }
}
