// LayoutLab — length-limited Huffman code lengths for the DEFLATE encoder, and its bit writer.

/// Huffman code lengths from symbol frequencies.
enum HuffmanCodeLengths {
  /// Optimal (unlimited) Huffman code lengths, then, while the longest exceeds `maxLength`,
  /// the frequencies are halved (keeping every used symbol at least 1) and the code rebuilt.
  /// Unused symbols get length 0. A single used symbol gets length 1.
  static func compute(frequencies: [Int], maxLength: Int) -> [UInt8] {
    var weights = frequencies
    while true {
      let lengths = unlimited(weights)
      if (lengths.max() ?? 0) <= UInt8(maxLength) { return lengths }
      weights = weights.map { $0 == 0 ? 0 : ($0 + 1) / 2 }
    }
  }

  /// Plain Huffman lengths by the two-queue method over leaves sorted by weight.
  private static func unlimited(_ weights: [Int]) -> [UInt8] {
    var lengths = [UInt8](repeating: 0, count: weights.count)
    let leaves = weights.indices.filter { weights[$0] > 0 }.sorted {
      (weights[$0], $0) < (weights[$1], $1)
    }
    if leaves.isEmpty { return lengths }
    if leaves.count == 1 {
      lengths[leaves[0]] = 1
      return lengths
    }
    // Nodes 0..<L are leaves (in sorted order), L... are internal nodes in creation order.
    let leafCount = leaves.count
    var nodeWeight = leaves.map { weights[$0] }
    var parent = [Int](repeating: -1, count: 2 * leafCount - 1)
    nodeWeight.reserveCapacity(2 * leafCount - 1)
    var nextLeaf = 0
    var nextInternal = leafCount
    func takeSmallest() -> Int {
      if nextLeaf < leafCount
        && (nextInternal >= nodeWeight.count || nodeWeight[nextLeaf] <= nodeWeight[nextInternal])
      {
        nextLeaf += 1
        return nextLeaf - 1
      }
      nextInternal += 1
      return nextInternal - 1
    }
    for _ in 0..<(leafCount - 1) {
      let a = takeSmallest()
      let b = takeSmallest()
      let node = nodeWeight.count
      nodeWeight.append(nodeWeight[a] + nodeWeight[b])
      parent[a] = node
      parent[b] = node
    }
    // Depths from the root (the last node) downwards: parents come after their children.
    var depth = [Int](repeating: 0, count: nodeWeight.count)
    for node in stride(from: nodeWeight.count - 2, through: 0, by: -1) {
      depth[node] = depth[parent[node]] + 1
    }
    for (rank, symbol) in leaves.enumerated() { lengths[symbol] = UInt8(depth[rank]) }
    return lengths
  }
}

/// Writes bits LSB first into a growable byte buffer (DEFLATE's bit order).
struct BitWriter {
  private(set) var storage: UnsafeMutablePointer<UInt8>
  private(set) var capacity: Int
  private(set) var count = 0
  private var bitBuffer: UInt64 = 0
  private var bitCount = 0

  init(capacity: Int) {
    self.capacity = max(64, capacity)
    storage = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
  }

  /// Makes room for at least `bytes` more output bytes.
  mutating func reserve(_ bytes: Int) {
    if count + bytes + 16 <= capacity { return }
    let grown = max(capacity * 2, count + bytes + 64)
    let newStorage = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
    newStorage.update(from: storage, count: count)
    storage.deallocate()
    storage = newStorage
    capacity = grown
  }

  /// Appends the low `length` bits of `bits` (at most 32 bits a call). The caller reserves
  /// room beforehand.
  @inline(__always)
  mutating func write(_ bits: UInt32, _ length: Int) {
    bitBuffer |= UInt64(bits) << UInt64(bitCount)
    bitCount += length
    if bitCount >= 32 {
      UnsafeMutableRawPointer(storage + count).storeBytes(
        of: UInt32(truncatingIfNeeded: bitBuffer).littleEndian, as: UInt32.self)
      count += 4
      bitBuffer >>= 32
      bitCount -= 32
    }
  }

  /// Pads with zero bits to a byte boundary and writes out every pending bit.
  mutating func alignToByte() {
    reserve(8)
    while bitCount > 0 {
      storage[count] = UInt8(truncatingIfNeeded: bitBuffer)
      count += 1
      bitBuffer >>= 8
      bitCount = max(0, bitCount - 8)
    }
    bitBuffer = 0
  }

  /// Appends whole bytes; the writer must be byte-aligned.
  mutating func writeBytes(_ bytes: UnsafeBufferPointer<UInt8>) {
    reserve(bytes.count)
    if let base = bytes.baseAddress, bytes.count > 0 {
      (storage + count).update(from: base, count: bytes.count)
    }
    count += bytes.count
  }

  /// The bytes written so far (after `alignToByte()`), and frees the buffer.
  mutating func finish() -> [UInt8] {
    alignToByte()
    let result = Array(UnsafeBufferPointer(start: storage, count: count))
    storage.deallocate()
    capacity = 0
    count = 0
    return result
  }
}
