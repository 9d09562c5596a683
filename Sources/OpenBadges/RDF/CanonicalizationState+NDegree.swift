import Foundation

extension CanonicalizationState {
    /// Hash Related Blank Node (§4.7): how `related` appears in `quad` seen from another node,
    /// by position (s, o, g), predicate, and the best identifier known for it so far.
    func hashRelatedBlankNode(_ related: String, quad: RDFQuad, issuer: BlankNodeIssuer, position: String) -> String {
        var input = position
        if position != "g", case .iri(let predicate) = quad.predicate {
            input += "<" + predicate + ">"
        }
        if let identifier = canonicalIssuer.identifier(for: related) ?? issuer.identifier(for: related) {
            input += "_:" + identifier
        } else {
            input += hashFirstDegreeQuads(related)
        }
        return hashAlgorithm.hexDigest(input)
    }

    /// Hash N-Degree Quads (§4.8): a hash for `identifier` built from the "gossip paths" to the
    /// blank nodes around it, choosing for each group of alike neighbours the permutation that
    /// gives the smallest path. Returns the hash and the issuer that labelled the chosen paths.
    func hashNDegreeQuads(_ identifier: String, issuer: BlankNodeIssuer) throws -> (hash: String, issuer: BlankNodeIssuer) {
        try countWork()
        var issuer = issuer
        // Steps 1–3: group the neighbouring blank nodes by their related hash.
        var relatedHashes: [String: [String]] = [:]
        for quad in blankNodeToQuads[identifier] ?? [] {
            for (term, position) in [(quad.subject, "s"), (quad.object, "o"), (quad.graph, "g")] {
                guard let related = term?.blankNodeLabel, related != identifier else { continue }
                let hash = hashRelatedBlankNode(related, quad: quad, issuer: issuer, position: position)
                relatedHashes[hash, default: []].append(related)
            }
        }
        // Step 5: for each group, in hash order, the smallest path over all its orderings.
        var dataToHash = ""
        for relatedHash in relatedHashes.keys.sorted(by: RDFCanonicalizer.codePointOrder) {
            dataToHash += relatedHash
            var chosenPath = ""
            var chosenIssuer: BlankNodeIssuer?
            for permutation in Permutations(relatedHashes[relatedHash]!) {
                try countWork()
                if let (path, pathIssuer) = try path(for: permutation, issuer: issuer, longest: chosenPath),
                   chosenPath.isEmpty || RDFCanonicalizer.codePointOrder(path, chosenPath) {
                    chosenPath = path
                    chosenIssuer = pathIssuer
                }
            }
            dataToHash += chosenPath
            if let chosenIssuer { issuer = chosenIssuer }
        }
        return (hashAlgorithm.hexDigest(dataToHash), issuer)
    }

    /// Steps 5.4.1–5.4.5 for one permutation: the path through the related blank nodes, or `nil`
    /// as soon as it cannot beat `chosenPath` (which only saves work: the result is the same).
    private func path(for permutation: [String], issuer: BlankNodeIssuer, longest chosenPath: String) throws
        -> (String, BlankNodeIssuer)? {
        var issuerCopy = issuer
        var path = ""
        var recursionList: [String] = []
        func cannotWin() -> Bool {
            !chosenPath.isEmpty && path.utf8.count >= chosenPath.utf8.count
                && RDFCanonicalizer.codePointOrder(chosenPath, path)
        }
        for related in permutation {
            if let canonical = canonicalIssuer.identifier(for: related) {
                path += "_:" + canonical
            } else {
                if issuerCopy.identifier(for: related) == nil { recursionList.append(related) }
                path += "_:" + issuerCopy.issue(related)
            }
            if cannotWin() { return nil }
        }
        for related in recursionList {
            let result = try hashNDegreeQuads(related, issuer: issuerCopy)
            path += "_:" + issuerCopy.issue(related)
            path += "<" + result.hash + ">"
            issuerCopy = result.issuer
            if cannotWin() { return nil }
        }
        return (path, issuerCopy)
    }
}
