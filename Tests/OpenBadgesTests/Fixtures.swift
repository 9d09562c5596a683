import Foundation
import OpenBadges

/// Files under `Tests/OpenBadgesTests/Resources` (test vectors and conformance suites).
enum Fixtures {
    struct Missing: Error, CustomStringConvertible {
        let path: String
        var description: String { "missing test resource \(path)" }
    }

    /// Foundation on Linux takes a bundle holding a `Resources` folder for a deep bundle and
    /// already points `resourceURL` into it; elsewhere the folder is one level down.
    static var root: URL {
        let base = Bundle.module.resourceURL!
        let nested = base.appendingPathComponent("Resources", isDirectory: true)
        return FileManager.default.fileExists(atPath: nested.appendingPathComponent("DataIntegrity").path) ? nested : base
    }

    static func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    static func data(_ path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: url(path).path) else { throw Missing(path: path) }
        return data
    }

    static func text(_ path: String) throws -> String {
        String(decoding: try data(path), as: UTF8.self)
    }

    static func json(_ path: String) throws -> JSONValue {
        try JSONValue(data: data(path))
    }

    /// A `secretKeyMultibase` for an Ed25519 seed of 32 equal bytes: deterministic test keys
    /// without naming the key types of the crypto library here.
    static func secretKeyMultibase(seed byte: UInt8) -> String {
        Base58.multibase([0x80, 0x26] + [UInt8](repeating: byte, count: 32))
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    static func bytes(hex: String) -> [UInt8] {
        var result: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            result.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        return result
    }
}
