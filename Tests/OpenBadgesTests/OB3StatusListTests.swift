import Foundation
@testable import OpenBadges
import Testing

@Suite("Open Badges 3.0: Bitstring Status List and gzip")
struct OB3StatusListTests {
    @Test func ourListsRoundTrip() throws {
        var list = OB3.StatusList()
        for index in [0, 7, 12_345, 131_071] { list.set(index) }
        let decoded = try #require(OB3.StatusList.decode(list.encodedList))
        #expect(decoded == list)
        #expect(decoded.isSet(12_345) && !decoded.isSet(12_346) && decoded.bits.count == 16_384)
        // A larger index grows the list in 16 KiB steps.
        #expect(OB3.StatusList(revoked: [200_000]).bits.count == 32_768)
    }

    /// Lists compressed by others (here Python's gzip, level 9: Huffman-coded) decode too.
    @Test func readsListsCompressedByOthers() throws {
        let encoded = "uH4sIAAAAAAACA-3QAQkAAAgDMN9cm9tCELYIm4JDrQAAAAAAAAAAAAAALkQBAAAAwDdZP1mXrABAAAA"
        let list = try #require(OB3.StatusList.decode(encoded))
        #expect(list.bits.count == 16_384)
        let set = (0..<131_072).filter(list.isSet)
        #expect(set == [0, 7, 5000, 94_567, 131_071])
        let text = try #require(Data(base64Encoded: "H4sIAAAAAAACA/NJVPDLL8pNzEvJTFVISkxJT1XISS1WSM7PLTi8siQ1Lzm1WE/BZ1TRqKJRRaOKRhUNVkUALzzLgcgFAAA="))
        let inflated = try #require(GZip.inflateStored([UInt8](text)))
        #expect(String(decoding: inflated, as: UTF8.self) == String(repeating: "La Normandie badge les compétences. ", count: 40))
    }

    @Test func refusesBrokenOrOversizedInput() throws {
        let good = [UInt8](Data(base64Encoded: "H4sIAAAAAAACA/NJVPDLL8pNzEvJTFVISkxJT1XISS1WSM7PLTi8siQ1Lzm1WE/BZ1TRqKJRRaOKRhUNVkUALzzLgcgFAAA=")!)
        var corrupt = good
        corrupt[corrupt.count - 6] ^= 0xFF
        #expect(GZip.inflateStored(corrupt) == nil)
        #expect(GZip.inflateStored(Array(good.prefix(20))) == nil)
        #expect(GZip.inflateStored(good, limit: 100) == nil)
        #expect(OB3.StatusList.decode("zABC") == nil)
    }
}
