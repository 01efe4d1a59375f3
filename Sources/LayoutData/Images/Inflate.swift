// LayoutLab — zlib (RFC 1950) and DEFLATE (RFC 1951) decompression: stored, fixed and dynamic
// Huffman blocks, with table-driven decoding and Adler-32 verification.

/// zlib/DEFLATE decompression. Errors are `ImageDecodingError`s naming `<memory>`; callers
/// re-label them with their file.
public enum Inflate {
  /// Decompresses a zlib stream and checks its Adler-32.
  ///
  /// - Parameters:
  ///   - expectedSize: the output size when known (capacity is reserved up front).
  ///   - limit: the most output bytes accepted; a stream producing more is an error.
  public static func zlibDecompress(
    _ data: UnsafeBufferPointer<UInt8>, expectedSize: Int = 0, limit: Int = Int.max
  ) throws -> [UInt8] {
    guard data.count >= 2 else {
      throw problem(.truncated, "zlib stream shorter than its 2-byte header")
    }
    let cmf = data[0]
    let flg = data[1]
    guard cmf & 0x0F == 8, cmf >> 4 <= 7 else {
      throw problem(
        .malformed, "zlib header: compression method \(cmf & 0x0F), expected 8 (deflate)")
    }
    guard (UInt16(cmf) << 8 | UInt16(flg)) % 31 == 0 else {
      throw problem(.malformed, "zlib header check bits are wrong (CMF \(cmf), FLG \(flg))")
    }
    guard flg & 0x20 == 0 else { throw problem(.unsupported, "zlib preset dictionary") }
    var inflater = Inflater(data: data, start: 2, expectedSize: expectedSize, limit: limit)
    defer { inflater.release() }
    try inflater.run()
    let end = try inflater.alignedBytePosition()
    guard end + 4 <= data.count else {
      throw problem(.truncated, "zlib stream ends before its Adler-32 checksum")
    }
    let stored =
      UInt32(data[end]) << 24 | UInt32(data[end + 1]) << 16 | UInt32(data[end + 2]) << 8
      | UInt32(data[end + 3])
    let output = inflater.takeOutput()
    let computed = output.withUnsafeBufferPointer { Adler32.checksum($0) }
    guard stored == computed else {
      throw problem(
        .badChecksum,
        "zlib Adler-32 is \(hex(stored)) but the decompressed data gives \(hex(computed))")
    }
    return output
  }

  /// Decompresses a raw DEFLATE stream (no zlib wrapper).
  public static func rawDecompress(
    _ data: UnsafeBufferPointer<UInt8>, expectedSize: Int = 0, limit: Int = Int.max
  ) throws -> [UInt8] {
    var inflater = Inflater(data: data, start: 0, expectedSize: expectedSize, limit: limit)
    defer { inflater.release() }
    try inflater.run()
    return inflater.takeOutput()
  }

  static func problem(_ kind: ImageDecodingError.Kind, _ detail: String) -> ImageDecodingError {
    ImageDecodingError(file: "<memory>", kind: kind, detail: detail)
  }

  static func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
  }
}

/// The decoder state: input bit buffer, output buffer and the two Huffman lookup tables
/// (`HuffmanLookupTable`).
struct Inflater {
  let input: UnsafeBufferPointer<UInt8>
  var position: Int
  var bitBuffer: UInt64 = 0
  var bitCount = 0
  /// Zero bytes appended past the end of the input; consuming them means truncation.
  var paddingBytes = 0

  var output: UnsafeMutablePointer<UInt8>
  var outputCount = 0
  var outputCapacity: Int
  let limit: Int

  let literalTable = UnsafeMutablePointer<UInt32>.allocate(capacity: HuffmanLookupTable.capacity)
  var literalBits = 0
  let distanceTable = UnsafeMutablePointer<UInt32>.allocate(capacity: HuffmanLookupTable.capacity)
  var distanceBits = 0

  init(data: UnsafeBufferPointer<UInt8>, start: Int, expectedSize: Int, limit: Int) {
    input = data
    position = start
    self.limit = limit
    // DEFLATE expands at most 1032-fold, so a lying size cannot force a huge reservation.
    let plausible = min(expectedSize > 0 ? expectedSize : data.count * 4, 1032 * data.count + 1024)
    outputCapacity = max(1024, min(plausible, limit))
    output = UnsafeMutablePointer<UInt8>.allocate(capacity: outputCapacity)
  }

  func release() {
    output.deallocate()
    literalTable.deallocate()
    distanceTable.deallocate()
  }

  func takeOutput() -> [UInt8] {
    Array(UnsafeBufferPointer(start: output, count: outputCount))
  }

  // MARK: bits

  @inline(__always)
  mutating func refill() {
    if position + 8 <= input.count, let base = input.baseAddress {
      let word = UInt64(
        littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
      bitBuffer |= word << UInt64(bitCount)
      position += (63 - bitCount) >> 3
      bitCount |= 56
    } else {
      while bitCount < 56 {
        if position < input.count {
          bitBuffer |= UInt64(input[position]) << UInt64(bitCount)
          position += 1
        } else {
          paddingBytes += 1
        }
        bitCount += 8
      }
    }
  }

  /// Throws when bits past the end of the input have been consumed.
  @inline(__always)
  func checkNotPastEnd() throws {
    if paddingBytes > 0 && bitCount < paddingBytes * 8 {
      throw Inflate.problem(.truncated, "deflate stream ends in the middle of a block")
    }
  }

  @inline(__always)
  mutating func bits(_ count: Int) -> Int {
    let value = Int(bitBuffer & ((1 << UInt64(count)) - 1))
    bitBuffer >>= UInt64(count)
    bitCount -= count
    return value
  }

  @inline(__always)
  mutating func decodeSymbol(
    _ table: UnsafeMutablePointer<UInt32>, _ primaryBits: Int, _ what: String
  ) throws -> Int {
    var entry = table[Int(bitBuffer & ((1 << UInt64(primaryBits)) - 1))]
    if entry & 0x80 != 0 {
      let subBits = UInt64(entry & 0x0F)
      let index = (bitBuffer >> UInt64(primaryBits)) & ((1 << subBits) - 1)
      entry = table[Int(entry >> 8) + Int(index)]
    }
    let length = Int(entry & 0x1F)
    guard length > 0 else { throw Inflate.problem(.malformed, "invalid \(what) Huffman code") }
    bitBuffer >>= UInt64(length)
    bitCount -= length
    return Int(entry >> 8)
  }

  /// The byte position just after the last consumed bit, rounded up to a whole byte.
  mutating func alignedBytePosition() throws -> Int {
    _ = bits(bitCount & 7)
    // The buffer holds `bitCount / 8` whole bytes, of which `paddingBytes` were never in the input.
    let end = position - (bitCount / 8 - paddingBytes)
    guard end <= input.count, bitCount / 8 >= paddingBytes else {
      throw Inflate.problem(.truncated, "deflate stream ends early")
    }
    return end
  }

  // MARK: blocks

  mutating func run() throws {
    var isFinal = false
    while !isFinal {
      refill()
      let header = bits(3)
      try checkNotPastEnd()
      isFinal = header & 1 == 1
      switch header >> 1 {
      case 0: try copyStoredBlock()
      case 1:
        try DeflateTables.fixedLiteralLengths.withUnsafeBufferPointer {
          literalBits = try HuffmanLookupTable.build(
            literalTable, lengths: $0, what: "literal/length")
        }
        try DeflateTables.fixedDistanceLengths.withUnsafeBufferPointer {
          distanceBits = try HuffmanLookupTable.build(distanceTable, lengths: $0, what: "distance")
        }
        try decodeCompressedBlock()
      case 2:
        try readDynamicTables()
        try decodeCompressedBlock()
      default:
        throw Inflate.problem(.malformed, "deflate block type 3 (reserved)")
      }
      try checkNotPastEnd()
    }
  }

  mutating func copyStoredBlock() throws {
    let start = try alignedBytePosition()
    bitBuffer = 0
    bitCount = 0
    paddingBytes = 0
    guard start + 4 <= input.count else {
      throw Inflate.problem(.truncated, "stored block header cut off")
    }
    let length = Int(input[start]) | Int(input[start + 1]) << 8
    let complement = Int(input[start + 2]) | Int(input[start + 3]) << 8
    guard length ^ 0xFFFF == complement else {
      throw Inflate.problem(
        .malformed, "stored block length \(length) does not match its complement")
    }
    guard start + 4 + length <= input.count else {
      throw Inflate.problem(.truncated, "stored block of \(length) bytes cut off")
    }
    try reserve(length)
    if length > 0, let base = input.baseAddress {
      (output + outputCount).update(from: base + start + 4, count: length)
    }
    outputCount += length
    position = start + 4 + length
  }
}
