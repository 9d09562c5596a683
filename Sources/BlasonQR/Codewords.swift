/// Turns content bytes into the final codeword sequence of a symbol: the byte-mode bit stream,
/// padded to capacity, split into blocks, each block extended with its Reed–Solomon codewords, and
/// the blocks interleaved so that a local smudge damages many blocks a little rather than one a lot.
enum Codewords {
    static func make(bytes: [UInt8], version: Int, errorCorrection: QRCode.ErrorCorrection) -> [UInt8] {
        let data = dataCodewords(bytes: bytes, version: version, errorCorrection: errorCorrection)
        return interleave(data: data, version: version, errorCorrection: errorCorrection)
    }

    /// The data codewords: mode indicator, character count, content, terminator and padding.
    static func dataCodewords(bytes: [UInt8], version: Int, errorCorrection: QRCode.ErrorCorrection) -> [UInt8] {
        let capacity = QRCode.dataCodewords(version: version, errorCorrection: errorCorrection)
        var stream = BitBuffer()
        stream.append(0b0100, width: 4)
        stream.append(bytes.count, width: QRCode.characterCountBits(version: version))
        for byte in bytes {
            stream.append(Int(byte), width: 8)
        }
        let capacityBits = capacity * 8
        precondition(stream.count <= capacityBits, "content exceeds the version's capacity")
        // The terminator is up to four zero bits; it may be cut short when the data ends near capacity.
        stream.append(0, width: min(4, capacityBits - stream.count))
        stream.append(0, width: (8 - stream.count % 8) % 8)
        var codewords = stream.bytes
        // The standard's pad pattern, chosen so that the padding does not look like empty space.
        let pads: [UInt8] = [0xEC, 0x11]
        var padIndex = 0
        while codewords.count < capacity {
            codewords.append(pads[padIndex])
            padIndex ^= 1
        }
        return codewords
    }

    /// Splits data into blocks, appends each block's error correction and interleaves the result.
    ///
    /// When the data does not divide evenly, the earlier blocks are one codeword shorter, as the
    /// standard lays out its two block groups.
    static func interleave(data: [UInt8], version: Int, errorCorrection: QRCode.ErrorCorrection) -> [UInt8] {
        let blockCount = errorCorrection.blockCount(version: version)
        let correctionLength = errorCorrection.correctionCodewordsPerBlock(version: version)
        let shortLength = data.count / blockCount
        let longBlocks = data.count % blockCount
        let generator = ReedSolomon.generator(degree: correctionLength)

        var dataBlocks: [ArraySlice<UInt8>] = []
        var start = data.startIndex
        for index in 0..<blockCount {
            let length = shortLength + (index >= blockCount - longBlocks ? 1 : 0)
            dataBlocks.append(data[start..<(start + length)])
            start += length
        }
        let correctionBlocks = dataBlocks.map { ReedSolomon.remainder(of: $0, generator: generator) }

        var result: [UInt8] = []
        result.reserveCapacity(QRCode.totalCodewords(version: version))
        for column in 0...shortLength {
            for block in dataBlocks where column < block.count {
                result.append(block[block.startIndex + column])
            }
        }
        for column in 0..<correctionLength {
            for block in correctionBlocks {
                result.append(block[column])
            }
        }
        precondition(result.count == QRCode.totalCodewords(version: version), "block layout does not fill the symbol")
        return result
    }
}
