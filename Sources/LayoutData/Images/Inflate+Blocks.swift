// LayoutLab — DEFLATE's dynamic Huffman tables and compressed blocks (RFC 1951 §3.2.5–3.2.7).

extension Inflater {
  mutating func readDynamicTables() throws {
    refill()
    let literalCount = bits(5) + 257
    let distanceCount = bits(5) + 1
    let codeLengthCount = bits(4) + 4
    guard literalCount <= 286, distanceCount <= 30 else {
      throw Inflate.problem(
        .malformed,
        "dynamic block declares \(literalCount) literal and \(distanceCount) distance codes")
    }
    var codeLengthLengths = [UInt8](repeating: 0, count: 19)
    for i in 0..<codeLengthCount {
      refill()
      codeLengthLengths[DeflateTables.codeLengthOrder[i]] = UInt8(bits(3))
    }
    try checkNotPastEnd()
    let codeLengthBits = try codeLengthLengths.withUnsafeBufferPointer {
      try HuffmanLookupTable.build(literalTable, lengths: $0, what: "code-length")
    }
    let total = literalCount + distanceCount
    var lengths = [UInt8](repeating: 0, count: total)
    var i = 0
    while i < total {
      refill()
      let symbol = try decodeSymbol(literalTable, codeLengthBits, "code-length")
      if symbol < 16 {
        lengths[i] = UInt8(symbol)
        i += 1
        continue
      }
      var value: UInt8 = 0
      let repeatCount: Int
      switch symbol {
      case 16:
        guard i > 0 else {
          throw Inflate.problem(.malformed, "code length repeat with no previous length")
        }
        value = lengths[i - 1]
        repeatCount = 3 + bits(2)
      case 17: repeatCount = 3 + bits(3)
      default: repeatCount = 11 + bits(7)
      }
      guard i + repeatCount <= total else {
        throw Inflate.problem(.malformed, "code length repeat runs past \(total) lengths")
      }
      for _ in 0..<repeatCount {
        lengths[i] = value
        i += 1
      }
    }
    try checkNotPastEnd()
    guard lengths[256] > 0 else {
      throw Inflate.problem(.malformed, "dynamic block has no end-of-block code")
    }
    try lengths.withUnsafeBufferPointer { all in
      literalBits = try HuffmanLookupTable.build(
        literalTable, lengths: UnsafeBufferPointer(rebasing: all[0..<literalCount]),
        what: "literal/length")
      distanceBits = try HuffmanLookupTable.build(
        distanceTable, lengths: UnsafeBufferPointer(rebasing: all[literalCount...]),
        what: "distance")
    }
  }

  @inline(__always)
  mutating func reserve(_ count: Int) throws {
    if outputCount + count <= outputCapacity { return }
    guard outputCount + count <= limit else {
      throw Inflate.problem(.malformed, "deflate stream decompresses to more than \(limit) bytes")
    }
    var capacity = outputCapacity
    while capacity < outputCount + count { capacity = capacity * 2 }
    capacity = min(capacity, limit)
    let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    grown.update(from: output, count: outputCount)
    output.deallocate()
    output = grown
    outputCapacity = capacity
  }

  mutating func decodeCompressedBlock() throws {
    try DeflateTables.lengthBase.withUnsafeBufferPointer { lengthBase in
      try DeflateTables.lengthExtraBits.withUnsafeBufferPointer { lengthExtra in
        try DeflateTables.distanceBase.withUnsafeBufferPointer { distanceBase in
          try DeflateTables.distanceExtraBits.withUnsafeBufferPointer { distanceExtra in
            while true {
              refill()
              try checkNotPastEnd()
              let symbol = try decodeSymbol(literalTable, literalBits, "literal/length")
              if symbol < 256 {
                if outputCount >= outputCapacity { try reserve(1) }
                output[outputCount] = UInt8(truncatingIfNeeded: symbol)
                outputCount += 1
                continue
              }
              if symbol == 256 { break }
              let lengthIndex = symbol - 257
              guard lengthIndex < 29 else {
                throw Inflate.problem(.malformed, "invalid length symbol \(symbol)")
              }
              let length = Int(lengthBase[lengthIndex]) + bits(Int(lengthExtra[lengthIndex]))
              let distanceSymbol = try decodeSymbol(distanceTable, distanceBits, "distance")
              guard distanceSymbol < 30 else {
                throw Inflate.problem(.malformed, "invalid distance symbol \(distanceSymbol)")
              }
              let distance =
                Int(distanceBase[distanceSymbol]) + bits(Int(distanceExtra[distanceSymbol]))
              try checkNotPastEnd()
              guard distance <= outputCount else {
                throw Inflate.problem(
                  .malformed, "match distance \(distance) reaches before the start of the data")
              }
              try reserve(length)
              let destination = output + outputCount
              let source = destination - distance
              if distance >= length {
                destination.update(from: source, count: length)
              } else if distance == 1 {
                destination.update(repeating: source[0], count: length)
              } else if distance >= 8 && outputCount + length + 8 <= outputCapacity {
                // Eight bytes at a time: each read ends before the write it feeds begins.
                var k = 0
                while k < length {
                  let word = UnsafeRawPointer(source + k).loadUnaligned(as: UInt64.self)
                  UnsafeMutableRawPointer(destination + k).storeBytes(of: word, as: UInt64.self)
                  k += 8
                }
              } else {
                for k in 0..<length { destination[k] = source[k] }
              }
              outputCount += length
            }
          }
        }
      }
    }
  }
}
