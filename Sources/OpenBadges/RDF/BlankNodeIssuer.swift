import Foundation

/// The "identifier issuer" of RDFC-1.0 (§4.5) and JSON-LD's blank node generator: hands out
/// `prefix0`, `prefix1`, … and remembers which existing label got which new one, in order.
///
/// A value type on purpose: the canonicalization algorithm works on *copies* of issuers while it
/// explores permutations, and keeps only the copy of the chosen path.
struct BlankNodeIssuer: Sendable {
    let prefix: String
    private(set) var counter = 0
    private(set) var issued: [String: String] = [:]
    /// Existing labels in the order they were issued an identifier.
    private(set) var order: [String] = []

    init(prefix: String) {
        self.prefix = prefix
    }

    /// The identifier issued for `existing`, issuing a new one if there is none yet.
    mutating func issue(_ existing: String) -> String {
        if let identifier = issued[existing] { return identifier }
        let identifier = prefix + String(counter)
        counter += 1
        issued[existing] = identifier
        order.append(existing)
        return identifier
    }

    /// A fresh identifier not tied to any existing label (JSON-LD's anonymous nodes).
    mutating func issueAnonymous() -> String {
        let identifier = prefix + String(counter)
        counter += 1
        return identifier
    }

    func identifier(for existing: String) -> String? { issued[existing] }
}

/// All orderings of a list, generated lazily in lexicographic order of positions, so the
/// canonicalizer can stop (and count its work) part way through a factorial number of them.
struct Permutations<Element>: Sequence, IteratorProtocol {
    private let elements: [Element]
    private var indices: [Int]
    private var finished = false

    init(_ elements: [Element]) {
        self.elements = elements
        self.indices = Array(elements.indices)
    }

    mutating func next() -> [Element]? {
        guard !finished else { return nil }
        let current = indices.map { elements[$0] }
        // Next permutation (Narayana): find the last ascent, swap with the next larger, reverse the tail.
        var i = indices.count - 2
        while i >= 0, indices[i] >= indices[i + 1] { i -= 1 }
        if i < 0 {
            finished = true
        } else {
            var j = indices.count - 1
            while indices[j] <= indices[i] { j -= 1 }
            indices.swapAt(i, j)
            indices[(i + 1)...].reverse()
        }
        return current
    }
}
