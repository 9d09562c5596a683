import ArgumentParser
import Foundation
import BlasonApp

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Manage accounts.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an account, optionally in an organisation (created if missing).")

        @Option(help: "E-mail address (sign-in name).") var email: String
        @Option(help: "Password (at least 10 characters).") var password: String
        @Option(help: "Display name (default: the part before @).") var name: String?
        @Option(help: "Organisation slug or name to join; created when it does not exist.") var org: String?
        @Option(help: "Role in that organisation: admin, creator, issuer or reviewer (default admin).") var role: String?

        func run() async throws {
            try await CommandRunner.run { operations in
                CommandRunner.print(try await operations.createUser(email: email, password: password, name: name, organisation: org, role: role))
            }
        }
    }
}

struct BadgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "badge", abstract: "Manage badge classes.", subcommands: [Create.self, List.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a badge class; prints its Open Badges 2.0 BadgeClass JSON.")

        @Option(help: "Organisation slug, id or profile URL.") var org: String
        @Option(help: "Name (French).") var name: String
        @Option(parsing: .unconditional, help: "Description (French).") var description: String
        @Option(parsing: .unconditional, help: "Criteria narrative (French, Markdown).") var criteria: String
        @Option(help: "Square PNG or SVG image, at most 256 kB.") var image: String
        @Option(help: "Name (English).") var nameEn: String?
        @Option(help: "Description (English).") var descriptionEn: String?
        @Option(parsing: .unconditional, help: "Criteria narrative (English).") var criteriaEn: String?
        @Flag(help: "Also offer signed Open Badges 2.0 assertions (JWS, RS256).") var signed = false

        func run() async throws {
            try await CommandRunner.run { operations in
                CommandRunner.print(try await operations.createBadgeClass(
                    organisation: org, name: name, description: description, criteria: criteria, imagePath: image,
                    nameEN: nameEn, descriptionEN: descriptionEn, criteriaEN: criteriaEn, signed: signed))
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List badge classes, one JSON object per line (id, org, name, url, archived).")

        @Option(help: "Only this organisation (slug, id or profile URL).") var org: String?
        @Flag(help: "JSON lines (the only format; accepted for scripts that pass it).") var json = false

        func run() async throws {
            try await CommandRunner.run { operations in
                for line in try await operations.listBadgeClasses(organisation: org) { CommandRunner.print(line) }
            }
        }
    }
}

struct Issue: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Award a badge class to one person; prints the award as an Open Badges 2.0 Assertion (default), an Open Badges 3.0 credential with its Data Integrity proof, or a VC-JWT.")

    @Option(help: "Badge class id or hosted URL.") var badge: String
    @Option(help: "Recipient e-mail.") var email: String?
    @Option(help: "A CSV of recipients (email,name,evidence_url,narrative): awarded as a background job, with a progress bar on standard error.") var csv: String?
    @Option(help: "Recipient name.") var name: String?
    @Option(help: "Evidence URL.") var evidence: String?
    @Option(help: "Language of the e-mail to the recipient: fr or en (default: the one their account uses, else fr).") var language: String?
    @Flag(help: "Make a proposal: not public nor valid until the earner accepts it.") var propose = false
    @Option(help: "ob2 (Open Badges 2.0 Assertion), ob3 (credential with an eddsa-rdfc-2022 proof) or ob3-jwt (VC-JWT).") var format = "ob2"

    func validate() throws {
        guard (email == nil) != (csv == nil) else { throw ValidationError("give either --email or --csv") }
    }

    func run() async throws {
        try await CommandRunner.run { operations in
            if let csv {
                let bar = ProgressBar()
                CommandRunner.print(try await operations.issueCSV(badge: badge, csvPath: csv, language: language, propose: propose,
                                                                  progress: { bar.show($0, of: $1) }))
                return
            }
            CommandRunner.print(try await operations.issue(badge: badge, email: email ?? "", name: name, evidence: evidence, language: language,
                                                           propose: propose, format: format))
        }
    }
}

struct Revoke: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Revoke an award with a reason.")

    @Option(help: "Award id or hosted assertion URL.") var award: String
    @Option(parsing: .unconditional, help: "Reason, published with the revocation.") var reason: String

    func run() async throws {
        try await CommandRunner.run { operations in
            CommandRunner.print(try await operations.revoke(award: award, reason: reason))
        }
    }
}

struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "keys", abstract: "An organisation's signing keys.", subcommands: [List.self, Rotate.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the keys: verification method id, algorithm, state, creation date.")
        @Option(help: "Organisation slug or id.") var org: String

        func run() async throws {
            try await CommandRunner.run { operations in
                for line in try await operations.listKeys(organisation: org) { CommandRunner.print(line) }
            }
        }
    }

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "New keys sign from now on; the old public keys stay published.")
        @Option(help: "Organisation slug or id.") var org: String

        func run() async throws {
            try await CommandRunner.run { operations in
                for line in try await operations.rotateKeys(organisation: org) { CommandRunner.print(line) }
            }
        }
    }
}

/// A progress bar on standard error, so standard output stays the result.
struct ProgressBar: Sendable {
    func show(_ done: Int, of total: Int) {
        let width = 40
        let filled = total > 0 ? min(width, done * width / total) : width
        let line = "\r[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] \(done)/\(total)"
        FileHandle.standardError.write(Data((line + (done >= total ? "\n" : "")).utf8))
    }
}
