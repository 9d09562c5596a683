import ArgumentParser
import Crypto
import _CryptoExtras
import Foundation
import JWTKit
import OpenBadges

/// `blason bench-signing`: how many Open Badges 3.0 credentials one core signs and verifies per
/// second in each proof format, and what share of a Data Integrity proof's time goes to
/// canonicalization (JSON-LD to RDF, then RDFC-1.0). Needs no database: credentials are built in memory.
///
/// One operation runs at a time, on one task, so the rates are per core. Within a run the measures
/// take turns, so that a slow spell of a shared machine is spread over all of them instead of
/// falling on one; the median of the runs is reported, with the min and max to show the spread.
struct BenchSigning: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-signing",
        abstract: "Benchmark Open Badges 3.0 signing and verifying: credentials per second per core for each proof format.",
        discussion: "Prints a table on standard output, progress on standard error. Build with -c release for real numbers.")

    @Option(help: "Credentials per run.") var count = 300
    @Option(help: "Runs; the median is reported.") var runs = 5
    @Option(help: "Also write the results as JSON to this file.") var json: String?

    func validate() throws {
        guard count > 0, runs > 0 else { throw ValidationError("--count and --runs must be at least 1") }
    }

    func run() async throws {
        #if DEBUG
        progress("warning: this is a debug build; build with -c release for numbers worth quoting")
        #endif
        progress("building \(count) credentials and keys (RSA key generation takes a moment)")
        let measures = try await BenchFixture(count: count).measures()
        // One untimed pass: loads the bundled JSON-LD contexts, warms caches, and checks every
        // operation succeeds (a benchmark of a failing verification would measure nothing useful).
        for measure in measures { for index in 0..<count { try await measure.body(index) } }
        // The credentials go through the measures in batches of ten, each measure timing its
        // batch in turn: a slow spell of a shared machine then falls on all measures alike, which
        // keeps their ratios (the canonicalization share above all) meaningful. Batches rather
        // than single credentials, so that each measure runs warm instead of paying for the
        // caches the previous one (JSON-LD above all) left cold.
        let clock = ContinuousClock()
        var rates = Array(repeating: [Double](), count: measures.count)
        for run in 1...runs {
            var elapsed = Array(repeating: Duration.zero, count: measures.count)
            for start in stride(from: 0, to: count, by: 10) {
                for (position, measure) in measures.enumerated() {
                    let began = clock.now
                    for index in start..<min(start + 10, count) { try await measure.body(index) }
                    elapsed[position] += began.duration(to: clock.now)
                }
            }
            for position in measures.indices { rates[position].append(Double(count) / elapsed[position].seconds) }
            progress("run \(run)/\(runs) done")
        }
        let results = zip(measures, rates).map { measure, values in
            BenchReport.Result(name: measure.name, perSecond: median(values), min: values.min() ?? 0, max: values.max() ?? 0, runs: values)
        }
        // Time per credential is the inverse of the rate, so a share is a ratio of rates; taken
        // run by run (same stretch of time), then the median.
        func ratesOf(_ name: String) -> [Double] { zip(measures, rates).first { $0.0.name == name }?.1 ?? [] }
        let canonicalization = ratesOf(BenchFixture.canonicalization)
        func percentOf(_ name: String) -> Double { median(zip(ratesOf(name), canonicalization).map { 100 * $0 / $1 }) }
        let share = BenchReport.Share(sign: percentOf(BenchFixture.diSign), verify: percentOf(BenchFixture.diVerify))
        let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.flatMap { Double($0) }
        let report = BenchReport(machine: .init(cores: ProcessInfo.processInfo.activeProcessorCount, loadAverage: load), count: count,
                                 results: results, canonicalizationShare: share)
        print(report.table)
        if let json {
            let url = URL(fileURLWithPath: json)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(report).write(to: url)
            progress("results written to \(json)")
        }
    }

    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted(), middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

/// What is timed: the credentials, the keys, and one operation per measure on credential `index`.
private struct BenchFixture {
    static let diSign = "Data Integrity eddsa-rdfc-2022 sign"
    static let diVerify = "Data Integrity eddsa-rdfc-2022 verify"
    static let canonicalization = "RDFC-1.0 canonicalization alone (document + proof options)"
    static let base = "https://badges.example.org"
    static let issuerID = base + "/ob3/issuers/6f1c2a0e-4b7d-4c1a-9e3f-2d5b8a7c9e10"
    static let created = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01, as a stored award date

    struct Measure {
        var name: String
        var body: (Int) async throws -> Void
    }

    let credentials: [JSONValue]

    init(count: Int) {
        credentials = (0..<count).map(Self.credential)
    }

    /// A credential as the platform issues one: a French badge class with criteria, alignments and
    /// tags, an issuer profile embedded twice (issuer, creator), a hashed e-mail, evidence and a
    /// revocation status entry. Each credential has its own id, recipient, salt and status index.
    static func credential(_ index: Int) -> JSONValue {
        let awardID = String(format: "0b3a1c5e-7d2f-4e6a-8c1b-%012lx", index)
        let salt = String(format: "%016llx", UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        let issuer = OB3.Profile(
            id: issuerID, name: "Région Normandie — Direction de la formation", url: "https://www.normandie.fr",
            email: "badges@normandie.example", description: "Reconnaît les compétences acquises en formation continue et en entreprise.",
            imageURL: base + "/issuers/6f1c2a0e-4b7d-4c1a-9e3f-2d5b8a7c9e10/logo")
        let achievement = OB3.Achievement(
            id: base + "/ob3/achievements/2a9d4f1b-83c6-4e0a-b5d7-1c8e6f3a9b24", name: "Compétences numériques : niveau intermédiaire",
            description: "Le titulaire produit, partage et protège des documents numériques en autonomie.",
            criteriaNarrative: "- Rédiger et mettre en forme un document long\n- Partager un dossier en gérant les droits\n"
                + "- Reconnaître un courriel d’hameçonnage et protéger ses comptes",
            imageURL: base + "/badges/2a9d4f1b-83c6-4e0a-b5d7-1c8e6f3a9b24/image",
            alignments: [
                .init(targetName: "Développer des documents textuels", targetURL: "https://pix.fr/competences",
                      targetDescription: "Domaine 3, compétence 3.1", targetFramework: "Pix", targetCode: "3.1"),
                .init(targetName: "Sécuriser l’environnement numérique", targetURL: "https://pix.fr/competences",
                      targetFramework: "Pix", targetCode: "4.1"),
            ],
            tags: ["numérique", "bureautique", "sécurité"], creator: issuer, language: "fr")
        let email = "apprenant.\(index)@example.org"
        return OB3.Credential(
            id: base + "/ob3/credentials/" + awardID, name: achievement.name, issuer: issuer,
            validFrom: created, validUntil: created.addingTimeInterval(3 * 365 * 86_400),
            identifier: OB3.Identifier(identityHash: OB2.IdentityObject.hash(email, salt: salt), salt: salt),
            achievement: achievement,
            evidence: [OB3.Evidence(id: base + "/evidence/" + awardID, narrative: "Dossier évalué par le jury le 15 décembre.")],
            status: OB3.StatusEntry(listCredential: issuerID + "/status/0", index: index % 131_072),
            subjectID: "urn:uuid:" + awardID).json
    }

    /// The measures, in the order of the table. Verifying works on credentials signed beforehand.
    func measures() async throws -> [Measure] {
        let credentials = self.credentials
        let ed25519 = Curve25519.Signing.PrivateKey()
        let method = Self.issuerID + "#key-ed25519"
        let signed = try credentials.map {
            try DataIntegrityProof.sign(document: $0, privateKey: ed25519, verificationMethod: method, created: Self.created)
        }
        // The proof options `sign` builds, to canonicalize them alone.
        let proofOptions: JSONValue = ["type": .string(EdDSARDFC2022.proofType), "cryptosuite": .string(EdDSARDFC2022.name),
                                       "created": .string(OB3.dateTime(Self.created)), "verificationMethod": .string(method),
                                       "proofPurpose": "assertionMethod"]
        var measures = [
            Measure(name: Self.diSign) { index in
                _ = try DataIntegrityProof.sign(document: credentials[index], privateKey: ed25519, verificationMethod: method,
                                                created: Self.created)
            },
            Measure(name: Self.diVerify) { index in
                let verification = DataIntegrityProof.verify(document: signed[index], publicKey: ed25519.publicKey)
                guard verification.isValid else { throw BenchFailure("Data Integrity verification failed: \(verification)") }
            },
            Measure(name: Self.canonicalization) { index in
                _ = try EdDSARDFC2022.transform(credentials[index])
                _ = try EdDSARDFC2022.canonicalProofConfiguration(proofOptions, documentContext: OB3.contexts)
            },
        ]
        // VC-JWT: signed through the library; verified with jwt-kit and the public keys, under
        // their kid as a verifier holding the issuer's keys would (the library's verifier has no
        // entry point for a JWT with a given key: it finds keys by fetching the issuer's documents).
        let verifier = JWTKeyCollection()
        let keys: [JOSESigningKey] = [.ed25519(ed25519), .es256(P256.Signing.PrivateKey()),
                                      .rs256(try _RSA.Signing.PrivateKey(keySize: .bits2048))]
        var verifies: [Measure] = []
        for key in keys {
            let kid = Self.issuerID + "#key-" + key.algorithm.lowercased()
            let identifier = JWKIdentifier(string: kid)
            switch key {
            case .ed25519(let key): await verifier.add(eddsa: EdDSA.PublicKey(backing: key.publicKey), kid: identifier)
            case .es256(let key): await verifier.add(ecdsa: try ES256PublicKey(backing: key.publicKey), kid: identifier)
            case .rs256(let key):
                await verifier.add(rsa: try Insecure.RSA.PublicKey(backing: key.publicKey), digestAlgorithm: .sha256, kid: identifier)
            }
            var tokens: [String] = []
            for credential in credentials { tokens.append(try await VCJWT.sign(credential: credential, key: key, kid: kid)) }
            measures.append(Measure(name: "VC-JWT \(key.algorithm) sign") { index in
                _ = try await VCJWT.sign(credential: credentials[index], key: key, kid: kid)
            })
            verifies.append(Measure(name: "VC-JWT \(key.algorithm) verify") { [tokens] index in
                _ = try await verifier.verify(tokens[index], as: CredentialClaims.self)
            })
        }
        return measures + verifies
    }
}

/// A VC-JWT payload as a verifier reads it: the whole credential, with the claims OB 3.0 requires.
private struct CredentialClaims: JWTPayload {
    var value: JSONValue
    init(from decoder: any Decoder) throws { value = try JSONValue(from: decoder) }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
    func verify(using algorithm: some JWTAlgorithm) async throws {
        for claim in ["iss", "jti", "sub", "nbf"] where value[claim] == nil { throw BenchFailure("the JWT lacks \(claim)") }
    }
}

private struct BenchFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The results, as printed and as written in JSON.
private struct BenchReport: Encodable {
    /// `loadAverage`: the one-minute load when the run ended (Linux), to judge how busy the machine was.
    struct Machine: Encodable { var cores: Int, loadAverage: Double? }
    struct Result: Encodable { var name: String, perSecond: Double, min: Double, max: Double, runs: [Double] }
    /// Percent of the Data Integrity sign and verify times spent canonicalizing.
    struct Share: Encodable { var sign: Double, verify: Double }

    var machine: Machine
    var count: Int
    var results: [Result]
    var canonicalizationShare: Share

    var table: String {
        func cell(_ value: Double) -> String { String(format: "%10.1f", value) }
        let width = max(44, (results.map(\.name.count).max() ?? 0) + 2)
        let load = machine.loadAverage.map { String(format: ", load average %.1f", $0) } ?? ""
        var lines = ["credentials per second, one core (\(count) per run, median of \(results.first?.runs.count ?? 0) runs; "
                        + "\(machine.cores) cores\(load))",
                     "measure".padding(toLength: width, withPad: " ", startingAt: 0) + "    median       min       max"]
        lines += results.map { $0.name.padding(toLength: width, withPad: " ", startingAt: 0) + cell($0.perSecond) + cell($0.min) + cell($0.max) }
        lines.append(String(format: "canonicalization share: %.1f %% of Data Integrity sign time, %.1f %% of verify time",
                            canonicalizationShare.sign, canonicalizationShare.verify))
        return lines.joined(separator: "\n")
    }
}

private extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

private func progress(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
