import Crypto
import Foundation

/// RDF Dataset Canonicalization, RDFC-1.0 (W3C Recommendation, 21 May 2024; formerly URDNA2015).
///
/// Gives every blank node a label that depends only on the dataset's content (`c14n0`, `c14n1`, …)
/// and serializes the quads in code point order, so two isomorphic datasets give the same bytes:
/// the input Data Integrity proofs hash and sign.
public struct RDFCanonicalizer: Sendable {
    /// The hash function of the algorithm; RDFC-1.0 uses SHA-256 unless told otherwise.
    public enum HashAlgorithm: Sendable {
        case sha256
        case sha384
    }

    public var hashAlgorithm: HashAlgorithm
    /// How many calls of Hash N-Degree Quads and permutations examined are allowed before
    /// giving up (`nil`: no limit). The algorithm is exponential on crafted "poison" datasets
    /// (RDFC-1.0 §6.1); credentials need a handful of calls at most, so the default is generous
    /// for real data and stops a denial of service in well under a second.
    public var workLimit: Int?

    public init(hashAlgorithm: HashAlgorithm = .sha256, workLimit: Int? = 10_000) {
        self.hashAlgorithm = hashAlgorithm
        self.workLimit = workLimit
    }

    /// Canonicalizes a dataset: the canonical N-Quads and the labels issued.
    public func canonicalize(_ dataset: RDFDataset) throws -> RDFCanonicalDataset {
        let state = CanonicalizationState(dataset: dataset, hashAlgorithm: hashAlgorithm, workLimit: workLimit)
        try state.issueCanonicalIdentifiers()
        let issuer = state.canonicalIssuer
        func relabel(_ term: RDFTerm?) -> RDFTerm? {
            guard let label = term?.blankNodeLabel else { return term }
            return .blankNode(issuer.identifier(for: label)!)
        }
        let quads = dataset.quads.map { quad in
            RDFQuad(subject: relabel(quad.subject)!, predicate: quad.predicate, object: relabel(quad.object)!, graph: relabel(quad.graph))
        }
        let lines = quads.map(NQuadsSerializer.line(for:)).sorted(by: Self.codePointOrder)
        return RDFCanonicalDataset(nquads: lines.joined(), dataset: RDFDataset(quads: quads), issuedIdentifiers: issuer.issued)
    }

    /// Canonical N-Quads of a dataset (the usual entry point).
    public func canonicalNQuads(_ dataset: RDFDataset) throws -> String {
        try canonicalize(dataset).nquads
    }

    /// Code point order: UTF-8 bytes sort in the same order as the code points they encode.
    /// (Swift's `<` on `String` compares canonical equivalents, not code points.)
    static func codePointOrder(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }
}

/// The result of RDFC-1.0: the serialized canonical form and the canonical labelling.
public struct RDFCanonicalDataset: Sendable {
    /// The canonical N-Quads document: one line per quad, sorted, each ending with "\n".
    public let nquads: String
    /// The dataset with its blank nodes relabelled canonically.
    public let dataset: RDFDataset
    /// Input blank node label → canonical label (`c14nN`), the "issued identifiers map".
    public let issuedIdentifiers: [String: String]
}

/// Errors of canonicalization.
public enum RDFCanonicalizationError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The dataset needed more work than `RDFCanonicalizer.workLimit` allows.
    case workLimitExceeded(limit: Int)

    public var description: String {
        switch self {
        case .workLimitExceeded(let limit):
            "RDF canonicalization stopped after \(limit) steps: the dataset's blank nodes are too " +
                "symmetric to label in reasonable time (a poison dataset?)"
        }
    }
}

extension RDFCanonicalizer.HashAlgorithm {
    /// Lower-case hexadecimal digest of a string's UTF-8 bytes.
    func hexDigest(_ text: String) -> String {
        let data = Data(text.utf8)
        let bytes: [UInt8] = switch self {
        case .sha256: Array(SHA256.hash(data: data))
        case .sha384: Array(SHA384.hash(data: data))
        }
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
