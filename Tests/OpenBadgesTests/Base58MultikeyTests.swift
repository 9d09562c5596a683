import Foundation
import OpenBadges
import Testing

@Suite("Base58 and Multikey")
struct Base58MultikeyTests {
    @Test func base58MatchesKnownValues() throws {
        // Values from the Base58 draft (draft-msporny-base58) and Bitcoin's test data.
        #expect(Base58.encode(Array("Hello World!".utf8)) == "2NEpo7TZRRrLZSi2U")
        #expect(Base58.encode(Array("The quick brown fox jumps over the lazy dog.".utf8))
            == "USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z")
        #expect(Base58.encode([0x00, 0x00, 0x28, 0x7F, 0xB4, 0xCD]) == "11233QC4")
        #expect(Base58.encode([]) == "")
        #expect(try Base58.decode("11233QC4") == [0x00, 0x00, 0x28, 0x7F, 0xB4, 0xCD])
        #expect(try Base58.decode("2NEpo7TZRRrLZSi2U") == Array("Hello World!".utf8))
    }

    @Test func base58RoundTripsAndRejectsForeignCharacters() throws {
        for length in [0, 1, 2, 31, 32, 33, 64] {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            #expect(try Base58.decode(Base58.encode(bytes)) == bytes)
            #expect(try Base58.decodeMultibase(Base58.multibase([0, 0] + bytes)) == [0, 0] + bytes)
        }
        #expect(throws: Base58.DecodingError.invalidCharacter("0")) { try Base58.decode("z0") }
        #expect(throws: Base58.DecodingError.invalidCharacter("l")) { try Base58.decode("abl") }
        #expect(throws: Base58.DecodingError.notBase58Multibase) { try Base58.decodeMultibase("u1234") }
    }

    @Test func multikeyOfTheSpecificationKeyPair() throws {
        // The key pair of 1EdTech's OB 3.0 test vector, given as hex there.
        let publicKey = try Multikey.decode("z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi")
        #expect(Fixtures.hex(publicKey.rawRepresentation) == "4bdeafde2ea8beefadd8c699b5c7e0704cf51154d52e17b20b71337ca04cc5a5")
        // The page's secretKeyMultibase holds seed and public key (64 bytes); both forms decode.
        let privateKey = try Multikey.decodePrivateKey(
            "zrv2bqTbNwCTsRrHFcJCPjVAduh4Ezcnoq1A3ZxH1GWTNkxipLVuaAoMFmze2gFN9oNXfJjufxSHWVZzsJiUsMHFMcx")
        #expect(Fixtures.hex(privateKey.rawRepresentation) == "6241a409e6707bb640a0140a8a32bc3d193c33a661747284d6adfa4ed4180be4")
        #expect(Multikey.encode(privateKey.publicKey) == "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi")
        let again = try Multikey.decodePrivateKey(Multikey.encode(privateKey: privateKey))
        #expect(again.rawRepresentation == privateKey.rawRepresentation)
    }

    @Test func identifiersBuiltOnTheKey() throws {
        let key = try Multikey.decodePrivateKey(Fixtures.secretKeyMultibase(seed: 1)).publicKey
        let multikey = Multikey.encode(key)
        #expect(multikey.hasPrefix("z6Mk"))
        #expect(Multikey.didKey(key) == "did:key:" + multikey)
        #expect(Multikey.didKeyVerificationMethod(key) == "did:key:\(multikey)#\(multikey)")
        #expect(Multikey.verificationMethodID(controller: "https://example.org/issuers/1", publicKey: key)
            == "https://example.org/issuers/1#\(multikey)")
        #expect(try Multikey.publicKey(fromDIDKey: Multikey.didKeyVerificationMethod(key)).rawRepresentation == key.rawRepresentation)
        #expect(throws: Multikey.DecodingError.self) { try Multikey.publicKey(fromDIDKey: "did:web:example.org") }
        #expect(throws: Multikey.DecodingError.self) { try Multikey.publicKey(fromDIDKey: "did:key:\(multikey)#other") }
        let document = Multikey.document(id: "https://example.org/issuers/1#key-1", controller: "https://example.org/issuers/1", publicKey: key)
        #expect(document["publicKeyMultibase"] == .string(multikey))
        #expect(document["type"] == "Multikey")
    }

    @Test func multikeyRefusesOtherKeysAndBases() throws {
        let key = try Multikey.decodePrivateKey(Fixtures.secretKeyMultibase(seed: 2))
        let raw = Array(key.publicKey.rawRepresentation)
        // An X25519 key (0xec01) and a bare key are not Ed25519 Multikeys.
        #expect(throws: Multikey.DecodingError.notEd25519PublicKey) { try Multikey.decode(Base58.multibase([0xEC, 0x01] + raw)) }
        #expect(throws: Multikey.DecodingError.notEd25519PublicKey) { try Multikey.decode(Base58.multibase(raw)) }
        #expect(throws: Multikey.DecodingError.self) { try Multikey.decode("f" + Fixtures.hex([0xED, 0x01] + raw)) }
        // A 64-byte secret key whose public half belongs to another seed.
        let other = try Multikey.decodePrivateKey(Fixtures.secretKeyMultibase(seed: 3)).publicKey.rawRepresentation
        let mismatched = Base58.multibase([0x80, 0x26] + Array(key.rawRepresentation) + Array(other))
        #expect(throws: Multikey.DecodingError.keyPairMismatch) { try Multikey.decodePrivateKey(mismatched) }
    }
}
