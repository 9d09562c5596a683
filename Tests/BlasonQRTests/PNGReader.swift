import Foundation

/// Just enough of a PNG reader to check our files byte by byte: chunk framing and CRCs, the
/// header, zlib framing with stored deflate blocks and Adler-32, and 1-bit greyscale pixels.
/// Written separately from the encoder (bitwise CRC, plain Adler loop) so that a shared mistake
/// is unlikely; Pillow reads the same files in DecodeTests.
struct PNGReader {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    struct Chunk {
        let type: String
        let data: [UInt8]
    }

    let chunks: [Chunk]
    let width: Int
    let height: Int
    let bitDepth: UInt8
    let colourType: UInt8
    let storedBlocks: Int
    /// Scanlines with their filter bytes, as inflated from IDAT.
    let scanlines: [UInt8]

    init(_ data: Data) throws {
        let bytes = [UInt8](data)
        guard bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else {
            throw Failure(description: "no PNG signature")
        }
        var chunks: [Chunk] = []
        var offset = 8
        while offset < bytes.count {
            guard offset + 12 <= bytes.count else { throw Failure(description: "truncated chunk at \(offset)") }
            let length = Int(Self.bigEndian(bytes, offset))
            guard offset + 12 + length <= bytes.count else { throw Failure(description: "chunk overruns the file") }
            let typeAndData = Array(bytes[(offset + 4)..<(offset + 8 + length)])
            guard Self.bigEndian(bytes, offset + 8 + length) == Self.crc32(typeAndData) else {
                throw Failure(description: "bad CRC at \(offset)")
            }
            chunks.append(Chunk(type: String(decoding: typeAndData.prefix(4), as: UTF8.self), data: Array(typeAndData.dropFirst(4))))
            offset += 12 + length
        }
        self.chunks = chunks
        guard let header = chunks.first, header.type == "IHDR", header.data.count == 13 else {
            throw Failure(description: "IHDR is not the first chunk")
        }
        width = Int(Self.bigEndian(header.data, 0))
        height = Int(Self.bigEndian(header.data, 4))
        bitDepth = header.data[8]
        colourType = header.data[9]
        guard header.data[10...12].allSatisfy({ $0 == 0 }) else { throw Failure(description: "unusual compression, filter or interlace") }
        guard chunks.last?.type == "IEND", chunks.last?.data.isEmpty == true else { throw Failure(description: "no IEND at the end") }
        let stream = chunks.filter { $0.type == "IDAT" }.flatMap(\.data)
        (scanlines, storedBlocks) = try Self.inflateStored(stream)
    }

    /// Whether pixel (x, y) is black, in a 1-bit greyscale image whose scanlines use filter 0.
    func isBlack(x: Int, y: Int) -> Bool {
        let rowLength = 1 + (width + 7) / 8
        let byte = scanlines[y * rowLength + 1 + x / 8]
        return (byte >> (7 - UInt8(x % 8))) & 1 == 0
    }

    private static func inflateStored(_ stream: [UInt8]) throws -> ([UInt8], Int) {
        guard stream.count >= 6 else { throw Failure(description: "zlib stream too short") }
        let cmf = Int(stream[0]), flags = Int(stream[1])
        guard cmf & 0x0F == 8, (cmf << 8 | flags) % 31 == 0, flags & 0x20 == 0 else {
            throw Failure(description: "bad zlib header")
        }
        var output: [UInt8] = []
        var offset = 2
        var blocks = 0
        while true {
            let header = stream[offset]
            guard header & 0b110 == 0 else { throw Failure(description: "not a stored block") }
            let length = Int(stream[offset + 1]) | Int(stream[offset + 2]) << 8
            let complement = Int(stream[offset + 3]) | Int(stream[offset + 4]) << 8
            guard length ^ complement == 0xFFFF else { throw Failure(description: "LEN and NLEN disagree") }
            output += stream[(offset + 5)..<(offset + 5 + length)]
            offset += 5 + length
            blocks += 1
            if header & 1 == 1 { break }
        }
        guard offset + 4 == stream.count else { throw Failure(description: "data after the final block") }
        var a = 1, b = 0
        for byte in output {
            a = (a + Int(byte)) % 65_521
            b = (b + a) % 65_521
        }
        guard UInt32(b << 16 | a) == bigEndian(stream, offset) else { throw Failure(description: "bad Adler-32") }
        return (output, blocks)
    }

    private static func bigEndian(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 {
                crc = (crc >> 1) ^ (crc & 1 == 1 ? 0xEDB8_8320 : 0)
            }
        }
        return ~crc
    }
}
