/// A growable sequence of bits, most significant bit first within each byte, which is the order
/// QR code data streams are defined in.
struct BitBuffer: Sendable {
    private(set) var bytes: [UInt8] = []
    private(set) var count = 0

    /// Appends the low `width` bits of `value`, most significant first.
    mutating func append(_ value: Int, width: Int) {
        precondition(width >= 0 && width <= 31 && value >> width == 0, "value does not fit in \(width) bits")
        for shift in stride(from: width - 1, through: 0, by: -1) {
            if count % 8 == 0 {
                bytes.append(0)
            }
            if (value >> shift) & 1 == 1 {
                bytes[count / 8] |= 0x80 >> UInt8(count % 8)
            }
            count += 1
        }
    }
}
