import Foundation

/// The canonicalization state of RDFC-1.0 (§4.3) and the main algorithm (§4.4).
/// A class because the recursive hashing steps share its caches and work counter.
final class CanonicalizationState {
    let hashAlgorithm: RDFCanonicalizer.HashAlgorithm
    let workLimit: Int?
    /// The "blank node to quads map": the quads mentioning each blank node (its mention set).
    private(set) var blankNodeToQuads: [String: [RDFQuad]] = [:]
    /// Labels in order of first appearance, for a deterministic walk of the maps.
    private var labels: [String] = []
    var canonicalIssuer = BlankNodeIssuer(prefix: "c14n")
    private var firstDegreeHashes: [String: String] = [:]
    private var work = 0

    init(dataset: RDFDataset, hashAlgorithm: RDFCanonicalizer.HashAlgorithm, workLimit: Int?) {
        self.hashAlgorithm = hashAlgorithm
        self.workLimit = workLimit
        // Step 2: each quad is recorded once per blank node it mentions, even if it mentions it twice.
        for quad in dataset.quads {
            var seen: Set<String> = []
            for term in [quad.subject, quad.object, quad.graph] {
                guard let label = term?.blankNodeLabel, seen.insert(label).inserted else { continue }
                if blankNodeToQuads[label] == nil { labels.append(label) }
                blankNodeToQuads[label, default: []].append(quad)
            }
        }
    }

    /// Steps 3 to 5: issues a canonical identifier to every blank node.
    func issueCanonicalIdentifiers() throws {
        var hashToBlankNodes: [String: [String]] = [:]
        for label in labels {
            hashToBlankNodes[hashFirstDegreeQuads(label), default: []].append(label)
        }
        let hashes = hashToBlankNodes.keys.sorted(by: RDFCanonicalizer.codePointOrder)
        // Step 4: blank nodes whose first-degree hash is unique are labelled in hash order.
        for hash in hashes where hashToBlankNodes[hash]!.count == 1 {
            _ = canonicalIssuer.issue(hashToBlankNodes[hash]![0])
            hashToBlankNodes[hash] = nil
        }
        // Step 5: the rest are told apart by the paths through their neighbours.
        for hash in hashes {
            guard let identifiers = hashToBlankNodes[hash] else { continue }
            var hashPathList: [(hash: String, issuer: BlankNodeIssuer)] = []
            for identifier in identifiers where canonicalIssuer.identifier(for: identifier) == nil {
                var temporaryIssuer = BlankNodeIssuer(prefix: "b")
                _ = temporaryIssuer.issue(identifier)
                hashPathList.append(try hashNDegreeQuads(identifier, issuer: temporaryIssuer))
            }
            // A stable sort: equal hashes mean automorphic nodes, so either order gives one output.
            let ordered = hashPathList.enumerated().sorted {
                $0.element.hash == $1.element.hash ? $0.offset < $1.offset
                    : RDFCanonicalizer.codePointOrder($0.element.hash, $1.element.hash)
            }
            for result in ordered {
                for existing in result.element.issuer.order {
                    _ = canonicalIssuer.issue(existing)
                }
            }
        }
    }

    /// Hash First Degree Quads (§4.6): the hash of a blank node's mention set, with itself
    /// written `_:a` and every other blank node `_:z`.
    func hashFirstDegreeQuads(_ reference: String) -> String {
        if let cached = firstDegreeHashes[reference] { return cached }
        func placeholder(_ term: RDFTerm?) -> RDFTerm? {
            guard let label = term?.blankNodeLabel else { return term }
            return .blankNode(label == reference ? "a" : "z")
        }
        let nquads = (blankNodeToQuads[reference] ?? []).map { quad in
            NQuadsSerializer.line(for: RDFQuad(subject: placeholder(quad.subject)!, predicate: quad.predicate,
                                               object: placeholder(quad.object)!, graph: placeholder(quad.graph)))
        }
        let hash = hashAlgorithm.hexDigest(nquads.sorted(by: RDFCanonicalizer.codePointOrder).joined())
        firstDegreeHashes[reference] = hash
        return hash
    }

    /// Counts one unit of work and stops once the limit is passed.
    func countWork() throws {
        work += 1
        if let workLimit, work > workLimit {
            throw RDFCanonicalizationError.workLimitExceeded(limit: workLimit)
        }
    }
}
