// LayoutLab — the constant tables of DEFLATE (RFC 1951 §3.2.5) and canonical Huffman codes.

/// Constants shared by the DEFLATE decoder and encoder.
enum DeflateTables {
  /// Base match length for length symbols 257...285.
  static let lengthBase: [UInt16] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
    131, 163, 195, 227, 258,
  ]
  /// Extra bits after length symbols 257...285.
  static let lengthExtraBits: [UInt8] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
  ]
  /// Base distance for distance symbols 0...29.
  static let distanceBase: [UInt16] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
  ]
  /// Extra bits after distance symbols 0...29.
  static let distanceExtraBits: [UInt8] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
  ]
  /// The order in which code-length code lengths are stored in a dynamic block header.
  static let codeLengthOrder: [Int] = [
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
  ]

  /// Code lengths of the fixed literal/length code (RFC 1951 §3.2.6), 288 symbols.
  static let fixedLiteralLengths: [UInt8] = {
    var lengths = [UInt8](repeating: 8, count: 288)
    for symbol in 144..<256 { lengths[symbol] = 9 }
    for symbol in 256..<280 { lengths[symbol] = 7 }
    return lengths
  }()

  /// Code lengths of the fixed distance code: 30 codes of 5 bits (32 symbols in the table).
  static let fixedDistanceLengths = [UInt8](repeating: 5, count: 32)

  /// Canonical Huffman codes for `lengths`, bit-reversed so that they can be written LSB
  /// first. Unused symbols (length 0) get code 0.
  static func reversedCanonicalCodes(lengths: [UInt8]) -> [UInt16] {
    var countPerLength = [Int](repeating: 0, count: 16)
    for length in lengths where length > 0 { countPerLength[Int(length)] += 1 }
    var nextCode = [Int](repeating: 0, count: 16)
    var code = 0
    for bits in 1..<16 {
      code = (code + countPerLength[bits - 1]) << 1
      nextCode[bits] = code
    }
    var codes = [UInt16](repeating: 0, count: lengths.count)
    for (symbol, length) in lengths.enumerated() where length > 0 {
      codes[symbol] = UInt16(reverseBits(nextCode[Int(length)], count: Int(length)))
      nextCode[Int(length)] += 1
    }
    return codes
  }

  /// The low `count` bits of `value` in reverse order.
  @inline(__always)
  static func reverseBits(_ value: Int, count: Int) -> Int {
    var result = 0
    var v = value
    for _ in 0..<count {
      result = (result << 1) | (v & 1)
      v >>= 1
    }
    return result
  }
}
