import Foundation

/// Deterministic pseudo-random bytes (xorshift), so capacity-filling tests need no fixtures.
struct TestBytes {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed | 1
    }

    mutating func next(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return UInt8(truncatingIfNeeded: state >> 24)
        }
    }
}

extension Array where Element == UInt8 {
    var hex: String { map { String(format: "%02x", $0) }.joined() }
}
