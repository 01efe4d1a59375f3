// LayoutLab — DEFLATE compression: greedy LZ77 over hash chains, then per block the cheapest
// of dynamic Huffman, fixed Huffman or stored.

/// zlib/DEFLATE compression tuned for page images (long runs, repeated rows).
public enum Deflate {
  static let windowSize = 32768
  static let hashBits = 15
  static let minimumMatch = 4
  static let maximumMatch = 258
  /// Hash-chain candidates tried per position.
  static let maximumChain = 24
  /// A match this long ends the chain search.
  static let niceLength = 128
  /// Tokens gathered before a block is written.
  static let tokensPerBlock = 1 << 15

  /// `lengthSymbol[len]` and `lengthExtra[len]` for match lengths 3...258.
  static let lengthCodes: (symbol: [UInt16], extra: [UInt16]) = {
    var symbol = [UInt16](repeating: 0, count: 259)
    var extra = [UInt16](repeating: 0, count: 259)
    for index in 0..<29 {
      let base = Int(DeflateTables.lengthBase[index])
      let span = 1 << Int(DeflateTables.lengthExtraBits[index])
      for length in base..<min(259, base + span) where length >= 3 {
        symbol[length] = UInt16(257 + index)
        extra[length] = UInt16(length - base)
      }
    }
    symbol[258] = 285
    extra[258] = 0
    return (symbol, extra)
  }()

  /// The distance symbol for each distance 1...32768 (index 0 unused).
  static let distanceSymbols: [UInt8] = {
    var table = [UInt8](repeating: 0, count: 32769)
    for index in 0..<30 {
      let base = Int(DeflateTables.distanceBase[index])
      let span = 1 << Int(DeflateTables.distanceExtraBits[index])
      for distance in base..<min(32769, base + span) { table[distance] = UInt8(index) }
    }
    return table
  }()

  /// A zlib stream (header 78 9C, DEFLATE data, Adler-32) holding `data`.
  public static func zlibCompress(_ data: [UInt8]) -> [UInt8] {
    data.withUnsafeBufferPointer { input in
      var writer = BitWriter(capacity: input.count / 4 + 1024)
      writer.reserve(2)
      writer.write(0x9C78, 16)
      compress(input, into: &writer)
      writer.alignToByte()
      let adler = Adler32.checksum(input)
      writer.reserve(4)
      for shift in [24, 16, 8, 0] {
        writer.write(UInt32(truncatingIfNeeded: adler >> UInt32(shift)) & 0xFF, 8)
      }
      return writer.finish()
    }
  }

  /// Raw DEFLATE data (no zlib wrapper) holding `data`.
  public static func rawCompress(_ data: [UInt8]) -> [UInt8] {
    data.withUnsafeBufferPointer { input in
      var writer = BitWriter(capacity: input.count / 4 + 1024)
      compress(input, into: &writer)
      return writer.finish()
    }
  }

  @inline(__always)
  static func load32(_ p: UnsafePointer<UInt8>, _ i: Int) -> UInt32 {
    UnsafeRawPointer(p + i).loadUnaligned(as: UInt32.self)
  }

  @inline(__always)
  static func hash(_ word: UInt32) -> Int {
    Int((word &* 0x9E37_79B1) >> UInt32(32 - hashBits))
  }

  /// Length of the common prefix of `p[a...]` and `p[b...]`, at most `limit`.
  @inline(__always)
  static func matchLength(_ p: UnsafePointer<UInt8>, _ a: Int, _ b: Int, limit: Int) -> Int {
    var length = 0
    while length + 8 <= limit {
      let x = UnsafeRawPointer(p + a + length).loadUnaligned(as: UInt64.self)
      let y = UnsafeRawPointer(p + b + length).loadUnaligned(as: UInt64.self)
      if x != y { return length + ((x ^ y).trailingZeroBitCount >> 3) }
      length += 8
    }
    while length < limit && p[a + length] == p[b + length] { length += 1 }
    return length
  }

  /// Compresses `input` as a sequence of blocks, the last one marked final.
  static func compress(_ input: UnsafeBufferPointer<UInt8>, into writer: inout BitWriter) {
    let n = input.count
    guard n > 0, let p = input.baseAddress else {
      // An empty final block with fixed codes: BFINAL 1, BTYPE 01, end-of-block 0000000.
      writer.reserve(2)
      writer.write(0b011, 3)
      writer.write(0, 7)
      return
    }
    var head = [Int32](repeating: -1, count: 1 << hashBits)
    var chain = [Int32](repeating: -1, count: windowSize)
    var blocks = BlockBuilder(capacity: tokensPerBlock)
    head.withUnsafeMutableBufferPointer { head in
      chain.withUnsafeMutableBufferPointer { chain in
        var i = 0
        var blockStart = 0
        @inline(__always) func insert(_ position: Int) {
          let h = hash(load32(p, position))
          chain[position & (windowSize - 1)] = head[h]
          head[h] = Int32(truncatingIfNeeded: position)
        }
        while i < n {
          var bestLength = 0
          var bestDistance = 0
          if i + minimumMatch <= n {
            let word = load32(p, i)
            let h = hash(word)
            var candidate = Int(head[h])
            chain[i & (windowSize - 1)] = head[h]
            head[h] = Int32(truncatingIfNeeded: i)
            let limit = min(maximumMatch, n - i)
            var tries = maximumChain
            while candidate >= 0 && i - candidate <= windowSize && tries > 0 {
              if load32(p, candidate) == word {
                let length = matchLength(p, i, candidate, limit: limit)
                if length > bestLength {
                  bestLength = length
                  bestDistance = i - candidate
                  if length >= niceLength || length == limit { break }
                }
              }
              let next = Int(chain[candidate & (windowSize - 1)])
              if next >= candidate { break }
              candidate = next
              tries -= 1
            }
          }
          if bestLength >= minimumMatch {
            blocks.addMatch(length: bestLength, distance: bestDistance)
            // Index the positions inside short matches; long runs re-find themselves cheaply.
            let end = i + bestLength
            let indexEnd = min(end, n - minimumMatch + 1)
            var q = bestLength <= 32 ? i + 1 : max(i + 1, end - 3)
            while q < indexEnd {
              insert(q)
              q += 1
            }
            i = end
          } else {
            blocks.addLiteral(p[i])
            i += 1
          }
          if blocks.isFull || i == n {
            blocks.write(
              UnsafeBufferPointer(start: p + blockStart, count: i - blockStart), isFinal: i == n,
              into: &writer)
            blockStart = i
          }
        }
      }
    }
  }
}
