import Crypto
import Foundation
import Logging

/// The key that encrypts organisations' private signing keys at rest (AES-256-GCM). A database
/// backup alone then reveals no private key.
struct MasterKey: Sendable {
    let key: SymmetricKey

    /// Reads the configured key, or with the embedded default reads (or first generates) the key
    /// file beside the SQLite database, and says so.
    static func load(_ setting: BlasonConfiguration.MasterKeySetting, logger: Logger) throws -> MasterKey {
        switch setting {
        case .provided(let data):
            return MasterKey(key: SymmetricKey(data: data))
        case .file(let path):
            let manager = FileManager.default
            if let data = manager.contents(atPath: path) {
                guard let decoded = Data(base64Encoded: String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)),
                      decoded.count == 32 else {
                    throw MasterKeyError(message: "the master key file \(path) is not 32 bytes in base64; restore it from your backup or set BLASON_MASTER_KEY")
                }
                return MasterKey(key: SymmetricKey(data: decoded))
            }
            let key = SymmetricKey(size: .bits256)
            let text = key.withUnsafeBytes { Data($0) }.base64EncodedString() + "\n"
            guard manager.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
                throw MasterKeyError(message: "cannot write the master key file \(path)")
            }
            logger.notice("Generated the master key that encrypts signing keys: \(path). Back it up with the database, apart from it; or set BLASON_MASTER_KEY.")
            return MasterKey(key: key)
        }
    }

    /// `purpose` binds the ciphertext to its row, so one sealed key cannot be swapped for another's.
    func seal(_ plaintext: Data, purpose: String) throws -> Data {
        try AES.GCM.seal(plaintext, using: key, authenticating: Data(purpose.utf8)).combined!
    }

    func open(_ sealed: Data, purpose: String) throws -> Data {
        try AES.GCM.open(AES.GCM.SealedBox(combined: sealed), using: key, authenticating: Data(purpose.utf8))
    }
}

struct MasterKeyError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
