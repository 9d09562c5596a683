import Foundation

extension OB3 {
    /// A W3C Bitstring Status List: bit `i` set means the credential with `statusListIndex` i is
    /// revoked. Published as a `BitstringStatusListCredential` (the list gzipped, base64url
    /// multibase), at least 16 KiB so that one issuer's list does not reveal how many it issued.
    public struct StatusList: Sendable, Equatable {
        public static let minimumBits = 131_072
        public private(set) var bits: [UInt8]

        public init(size: Int = StatusList.minimumBits) {
            bits = [UInt8](repeating: 0, count: (max(size, Self.minimumBits) + 7) / 8)
        }

        /// The list of these revoked indexes, grown (in whole 16 KiB steps) to hold the largest one.
        public init(revoked indexes: some Sequence<Int>) {
            let list = Array(indexes)
            let needed = (list.max() ?? 0) + 1
            self.init(size: ((needed + Self.minimumBits - 1) / Self.minimumBits) * Self.minimumBits)
            for index in list where index >= 0 { set(index) }
        }

        /// Bits are numbered from the most significant bit of the first byte, as the spec says.
        public mutating func set(_ index: Int) {
            bits[index / 8] |= UInt8(0x80) >> UInt8(index % 8)
        }

        public func isSet(_ index: Int) -> Bool {
            guard index >= 0, index / 8 < bits.count else { return false }
            return bits[index / 8] & (UInt8(0x80) >> UInt8(index % 8)) != 0
        }

        /// `u` + base64url(gzip(bits)), no padding.
        public var encodedList: String {
            "u" + Data(GZip.stored(bits)).base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        }

        /// Reads an `encodedList`; nil when it is not a gzipped list this reader understands.
        public static func decode(_ encoded: String) -> StatusList? {
            guard encoded.hasPrefix("u") else { return nil }
            var base64 = String(encoded.dropFirst()).replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
            base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
            guard let data = Data(base64Encoded: base64), let bytes = GZip.inflateStored([UInt8](data)) else { return nil }
            var list = StatusList(size: 0)
            list.bits = bytes
            return list
        }

        /// The unsigned status list credential published at `id`.
        public func credential(id: String, issuer: Profile, validFrom: Date) -> JSONValue {
            [
                "@context": OB3.contexts,
                "id": .string(id),
                "type": ["VerifiableCredential", "BitstringStatusListCredential"],
                "issuer": issuer.embedded,
                "validFrom": .string(OB3.dateTime(validFrom)),
                "credentialSubject": ["id": .string(id + "#list"), "type": "BitstringStatusList", "statusPurpose": "revocation",
                                      "encodedList": .string(encodedList)],
            ]
        }
    }
}
