// LayoutLab — two-level Huffman lookup tables for the DEFLATE decoder.

/// Two-level Huffman lookup tables: a primary part of `1 << primaryBits` entries (at most
/// 10 bits) indexed by the next input bits (LSB first), then sub-tables for longer codes. A direct
/// entry is `symbol << 8 | codeLength`; a link entry is `subTableStart << 8 | 0x80 | subBits`
/// and the sub-table is indexed by the `subBits` bits after the primary ones; 0 marks a bit
/// pattern no code starts with.
enum HuffmanLookupTable {
  /// Entries a table may need: a 10-bit primary part plus at most 1 << 15 sub-table entries.
  static let capacity = (1 << 10) + (1 << 15)

  /// Builds the two-level lookup table for `lengths` and returns its primary bits; rejects
  /// over-subscribed codes (incomplete ones are allowed: their gaps decode as errors).
  static func build(
    _ table: UnsafeMutablePointer<UInt32>, lengths: UnsafeBufferPointer<UInt8>, what: String
  ) throws -> Int {
    var countPerLength = [Int](repeating: 0, count: 16)
    var maxLength = 0
    for length in lengths where length > 0 {
      countPerLength[Int(length)] += 1
      maxLength = max(maxLength, Int(length))
    }
    var left = 1
    for bits in 1..<16 {
      left = (left << 1) - countPerLength[bits]
      if left < 0 { throw Inflate.problem(.malformed, "over-subscribed \(what) Huffman code") }
    }
    let primaryBits = min(10, max(1, maxLength))
    let primarySize = 1 << primaryBits
    table.update(repeating: 0, count: primarySize)
    var nextCode = [Int](repeating: 0, count: 16)
    var code = 0
    for bits in 1..<16 {
      code = (code + countPerLength[bits - 1]) << 1
      nextCode[bits] = code
    }
    var reversedCodes = [Int](repeating: 0, count: lengths.count)
    var subBits = [Int](repeating: 0, count: maxLength > primaryBits ? primarySize : 0)
    for symbol in 0..<lengths.count {
      let length = Int(lengths[symbol])
      if length == 0 { continue }
      let reversed = DeflateTables.reverseBits(nextCode[length], count: length)
      nextCode[length] += 1
      reversedCodes[symbol] = reversed
      if length > primaryBits {
        let prefix = reversed & (primarySize - 1)
        subBits[prefix] = max(subBits[prefix], length - primaryBits)
      }
    }
    // Lay out the sub-tables after the primary part; Kraft's inequality bounds their total
    // by 1 << 15 entries.
    var next = primarySize
    for prefix in 0..<subBits.count where subBits[prefix] > 0 {
      let size = 1 << subBits[prefix]
      table[prefix] = UInt32(next) << 8 | 0x80 | UInt32(subBits[prefix])
      (table + next).update(repeating: 0, count: size)
      next += size
    }
    for symbol in 0..<lengths.count {
      let length = Int(lengths[symbol])
      if length == 0 { continue }
      let reversed = reversedCodes[symbol]
      let entry = UInt32(symbol) << 8 | UInt32(length)
      if length <= primaryBits {
        var index = reversed
        while index < primarySize {
          table[index] = entry
          index += 1 << length
        }
      } else {
        let link = table[reversed & (primarySize - 1)]
        let start = Int(link >> 8)
        let size = 1 << Int(link & 0x0F)
        var index = reversed >> primaryBits
        while index < size {
          table[start + index] = entry
          index += 1 << (length - primaryBits)
        }
      }
    }
    return primaryBits
  }
}
