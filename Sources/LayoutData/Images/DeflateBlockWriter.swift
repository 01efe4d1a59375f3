// LayoutLab — one DEFLATE block: token buffer, symbol frequencies and the cheapest encoding.

/// Collects LZ77 tokens for one block and writes the block as dynamic Huffman, fixed
/// Huffman or stored, whichever is shortest.
struct BlockBuilder {
  /// Literal/length symbol of each token (0...255 literal, 257...285 length).
  private var symbols: [UInt16]
  /// Extra-bit value of a length token (0 for literals).
  private var lengthExtras: [UInt16]
  /// Match distance (0 for literals).
  private var distances: [UInt16]
  private var literalFrequencies = [Int](repeating: 0, count: 286)
  private var distanceFrequencies = [Int](repeating: 0, count: 30)
  private let capacity: Int

  init(capacity: Int) {
    self.capacity = capacity
    symbols = []
    lengthExtras = []
    distances = []
    symbols.reserveCapacity(capacity)
    lengthExtras.reserveCapacity(capacity)
    distances.reserveCapacity(capacity)
  }

  var isFull: Bool { symbols.count >= capacity }

  @inline(__always)
  mutating func addLiteral(_ byte: UInt8) {
    symbols.append(UInt16(byte))
    lengthExtras.append(0)
    distances.append(0)
    literalFrequencies[Int(byte)] += 1
  }

  @inline(__always)
  mutating func addMatch(length: Int, distance: Int) {
    let symbol = Deflate.lengthCodes.symbol[length]
    symbols.append(symbol)
    lengthExtras.append(Deflate.lengthCodes.extra[length])
    distances.append(UInt16(truncatingIfNeeded: distance))
    literalFrequencies[Int(symbol)] += 1
    distanceFrequencies[Int(Deflate.distanceSymbols[distance])] += 1
  }

  /// Bits the tokens take with the given code lengths, extra bits included.
  private func payloadBits(literalLengths: [UInt8], distanceLengths: [UInt8]) -> Int {
    var bits = 0
    for symbol in 0..<286 where literalFrequencies[symbol] > 0 {
      var perSymbol = Int(literalLengths[symbol])
      if symbol >= 257 { perSymbol += Int(DeflateTables.lengthExtraBits[symbol - 257]) }
      bits += literalFrequencies[symbol] * perSymbol
    }
    for symbol in 0..<30 where distanceFrequencies[symbol] > 0 {
      bits +=
        distanceFrequencies[symbol]
        * (Int(distanceLengths[symbol]) + Int(DeflateTables.distanceExtraBits[symbol]))
    }
    return bits
  }

  /// Writes the block for the bytes `raw` (which the tokens encode) and resets the builder.
  mutating func write(
    _ raw: UnsafeBufferPointer<UInt8>, isFinal: Bool, into writer: inout BitWriter
  ) {
    literalFrequencies[256] += 1
    // At least two used symbols in each code keep both codes complete.
    if literalFrequencies.filter({ $0 > 0 }).count < 2 { literalFrequencies[0] += 1 }
    var distanceForCode = distanceFrequencies
    let usedDistances = distanceForCode.filter { $0 > 0 }.count
    if usedDistances < 2 {
      distanceForCode[0] = max(distanceForCode[0], 1)
      distanceForCode[1] = max(distanceForCode[1], 1)
    }
    let literalLengths = HuffmanCodeLengths.compute(frequencies: literalFrequencies, maxLength: 15)
    let distanceLengths = HuffmanCodeLengths.compute(frequencies: distanceForCode, maxLength: 15)
    let header = DynamicHeader(literalLengths: literalLengths, distanceLengths: distanceLengths)
    let dynamicBits =
      3 + header.bitCount
      + payloadBits(literalLengths: literalLengths, distanceLengths: distanceLengths)
    let fixedBits =
      3
      + payloadBits(
        literalLengths: Array(DeflateTables.fixedLiteralLengths[0..<286]),
        distanceLengths: Array(DeflateTables.fixedDistanceLengths[0..<30]))
    let storedBits = (raw.count / 65535 + 1) * (5 + 32) * 8 + raw.count * 8 + 8
    let finalBit: UInt32 = isFinal ? 1 : 0
    if storedBits < min(dynamicBits, fixedBits) {
      writeStored(raw, isFinal: isFinal, into: &writer)
    } else if fixedBits <= dynamicBits {
      writer.reserve(fixedBits / 8 + 16)
      writer.write(finalBit | 0b010, 3)
      writeTokens(
        literalLengths: DeflateTables.fixedLiteralLengths,
        distanceLengths: DeflateTables.fixedDistanceLengths,
        into: &writer)
    } else {
      writer.reserve(dynamicBits / 8 + 16)
      writer.write(finalBit | 0b100, 3)
      header.write(into: &writer)
      writeTokens(literalLengths: literalLengths, distanceLengths: distanceLengths, into: &writer)
    }
    symbols.removeAll(keepingCapacity: true)
    lengthExtras.removeAll(keepingCapacity: true)
    distances.removeAll(keepingCapacity: true)
    for i in 0..<286 { literalFrequencies[i] = 0 }
    for i in 0..<30 { distanceFrequencies[i] = 0 }
  }

  private func writeStored(
    _ raw: UnsafeBufferPointer<UInt8>, isFinal: Bool, into writer: inout BitWriter
  ) {
    var start = 0
    repeat {
      let length = min(65535, raw.count - start)
      let last = start + length == raw.count
      writer.reserve(8)
      writer.write((isFinal && last) ? 1 : 0, 3)
      writer.alignToByte()
      writer.write(UInt32(length) | UInt32(length ^ 0xFFFF) << 16, 32)
      writer.writeBytes(UnsafeBufferPointer(rebasing: raw[start..<(start + length)]))
      start += length
    } while start < raw.count
  }

  private func writeTokens(
    literalLengths: [UInt8], distanceLengths: [UInt8], into writer: inout BitWriter
  ) {
    let literalCodes = DeflateTables.reversedCanonicalCodes(lengths: literalLengths)
    let distanceCodes = DeflateTables.reversedCanonicalCodes(lengths: distanceLengths)
    literalCodes.withUnsafeBufferPointer { lc in
      literalLengths.withUnsafeBufferPointer { ll in
        distanceCodes.withUnsafeBufferPointer { dc in
          distanceLengths.withUnsafeBufferPointer { dl in
            symbols.withUnsafeBufferPointer { sym in
              lengthExtras.withUnsafeBufferPointer { extra in
                distances.withUnsafeBufferPointer { dist in
                  Deflate.distanceSymbols.withUnsafeBufferPointer { dsym in
                    DeflateTables.distanceBase.withUnsafeBufferPointer { dbase in
                      DeflateTables.distanceExtraBits.withUnsafeBufferPointer { dextra in
                        DeflateTables.lengthExtraBits.withUnsafeBufferPointer { lextra in
                          for t in 0..<sym.count {
                            let s = Int(sym[t])
                            writer.write(UInt32(lc[s]), Int(ll[s]))
                            if s < 256 { continue }
                            writer.write(UInt32(extra[t]), Int(lextra[s - 257]))
                            let d = Int(dist[t])
                            let ds = Int(dsym[d])
                            writer.write(UInt32(dc[ds]), Int(dl[ds]))
                            writer.write(UInt32(d - Int(dbase[ds])), Int(dextra[ds]))
                          }
                          writer.write(UInt32(lc[256]), Int(ll[256]))
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}

/// The header of a dynamic-Huffman block: HLIT, HDIST, HCLEN, the code-length code and the
/// run-length-coded literal/length and distance code lengths (RFC 1951 §3.2.7).
struct DynamicHeader {
  private var literalCount: Int
  private var distanceCount: Int
  private var codeLengthCount: Int
  private var codeLengthLengths: [UInt8]
  private var codeLengthCodes: [UInt16]
  /// Run-length symbols 0...18 with their extra-bit values.
  private var runs: [(symbol: Int, extra: Int)] = []
  /// Bits the header takes after the 3 block-type bits.
  private(set) var bitCount = 0

  init(literalLengths: [UInt8], distanceLengths: [UInt8]) {
    literalCount = max(257, (literalLengths.lastIndex { $0 > 0 } ?? 0) + 1)
    distanceCount = max(1, (distanceLengths.lastIndex { $0 > 0 } ?? 0) + 1)
    let all = Array(literalLengths[0..<literalCount]) + Array(distanceLengths[0..<distanceCount])
    var i = 0
    while i < all.count {
      let value = all[i]
      var run = 1
      while i + run < all.count && all[i + run] == value { run += 1 }
      var left = run
      if value == 0 {
        while left >= 11 {
          let take = min(138, left)
          runs.append((18, take - 11))
          left -= take
        }
        if left >= 3 {
          runs.append((17, left - 3))
          left = 0
        }
      } else {
        runs.append((Int(value), 0))
        left -= 1
        while left >= 3 {
          let take = min(6, left)
          runs.append((16, take - 3))
          left -= take
        }
      }
      for _ in 0..<left { runs.append((Int(value), 0)) }
      i += run
    }
    var frequencies = [Int](repeating: 0, count: 19)
    for run in runs { frequencies[run.symbol] += 1 }
    // zlib rejects an incomplete code-length code, so make sure two symbols get codes.
    if frequencies.filter({ $0 > 0 }).count < 2 {
      frequencies[frequencies[0] > 0 ? 18 : 0] += 1
    }
    codeLengthLengths = HuffmanCodeLengths.compute(frequencies: frequencies, maxLength: 7)
    codeLengthCodes = DeflateTables.reversedCanonicalCodes(lengths: codeLengthLengths)
    codeLengthCount = 4
    for (position, symbol) in DeflateTables.codeLengthOrder.enumerated()
    where codeLengthLengths[symbol] > 0 {
      codeLengthCount = max(codeLengthCount, position + 1)
    }
    bitCount = 5 + 5 + 4 + 3 * codeLengthCount
    for run in runs {
      bitCount += Int(codeLengthLengths[run.symbol]) + DynamicHeader.extraBits(run.symbol)
    }
  }

  func write(into writer: inout BitWriter) {
    writer.reserve(bitCount / 8 + 16)
    writer.write(UInt32(literalCount - 257), 5)
    writer.write(UInt32(distanceCount - 1), 5)
    writer.write(UInt32(codeLengthCount - 4), 4)
    for position in 0..<codeLengthCount {
      writer.write(UInt32(codeLengthLengths[DeflateTables.codeLengthOrder[position]]), 3)
    }
    for run in runs {
      writer.write(UInt32(codeLengthCodes[run.symbol]), Int(codeLengthLengths[run.symbol]))
      writer.write(UInt32(run.extra), DynamicHeader.extraBits(run.symbol))
    }
  }

  /// Extra bits after code-length symbol 16 (2), 17 (3) and 18 (7); none for 0...15.
  static func extraBits(_ symbol: Int) -> Int {
    switch symbol {
    case 16: return 2
    case 17: return 3
    case 18: return 7
    default: return 0
    }
  }
}
