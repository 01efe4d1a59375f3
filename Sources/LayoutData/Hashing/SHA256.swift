// LayoutLab — SHA-256 (FIPS 180-4), written out so that pixel digests need no library.

/// SHA-256 message digests.
///
/// `SHA256.hash(bytes)` gives the 32-byte digest; `SHA256.hexDigest(bytes)` the 64-character
/// lower-case hex string that `hashlib.sha256(...).hexdigest()` prints. For large inputs that
/// arrive in pieces, make an instance, `update(_:)` it repeatedly and call `finalize()`.
public struct SHA256: Sendable {
  private static let roundConstants: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4,
    0xab1c_5ed5, 0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe,
    0x9bdc_06a7, 0xc19b_f174, 0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f,
    0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da, 0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7,
    0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967, 0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc,
    0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85, 0xa2bf_e8a1, 0xa81a_664b,
    0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070, 0x19a4_c116,
    0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7,
    0xc671_78f2,
  ]

  private var state: [UInt32] = [
    0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab,
    0x5be0_cd19,
  ]
  /// Bytes not yet forming a whole 64-byte block (always fewer than 64).
  private var pending: [UInt8] = []
  private var totalLength: UInt64 = 0

  /// A fresh hasher.
  public init() {}

  /// The 32-byte SHA-256 digest of `bytes`.
  public static func hash(_ bytes: [UInt8]) -> [UInt8] {
    var hasher = SHA256()
    hasher.update(bytes)
    return hasher.finalize()
  }

  /// The digest of `bytes` as 64 lower-case hex characters.
  public static func hexDigest(_ bytes: [UInt8]) -> String {
    hexString(hash(bytes))
  }

  /// Lower-case hex of any byte string, two characters a byte.
  public static func hexString(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var characters: [UInt8] = []
    characters.reserveCapacity(bytes.count * 2)
    for byte in bytes {
      characters.append(digits[Int(byte >> 4)])
      characters.append(digits[Int(byte & 15)])
    }
    return String(decoding: characters, as: UTF8.self)
  }

  /// Feeds more message bytes.
  public mutating func update(_ bytes: [UInt8]) {
    totalLength &+= UInt64(bytes.count)
    bytes.withUnsafeBufferPointer { input in
      var offset = 0
      if !pending.isEmpty {
        let take = min(64 - pending.count, input.count)
        pending.append(contentsOf: input[0..<take])
        offset = take
        if pending.count == 64 {
          let block = pending
          block.withUnsafeBufferPointer { compress(blocks: $0, count: 1) }
          pending.removeAll(keepingCapacity: true)
        }
      }
      let wholeBlocks = (input.count - offset) / 64
      if wholeBlocks > 0, let base = input.baseAddress {
        compress(
          blocks: UnsafeBufferPointer(start: base + offset, count: wholeBlocks * 64),
          count: wholeBlocks)
        offset += wholeBlocks * 64
      }
      if offset < input.count { pending.append(contentsOf: input[offset...]) }
    }
  }

  /// Pads the message and returns the 32-byte digest.
  public mutating func finalize() -> [UInt8] {
    let bitLength = totalLength &* 8
    var tail = pending
    tail.append(0x80)
    while tail.count % 64 != 56 { tail.append(0) }
    for shift in stride(from: 56, through: 0, by: -8) {
      tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
    }
    tail.withUnsafeBufferPointer { compress(blocks: $0, count: tail.count / 64) }
    pending.removeAll()
    var digest: [UInt8] = []
    digest.reserveCapacity(32)
    for word in state {
      digest.append(UInt8(truncatingIfNeeded: word >> 24))
      digest.append(UInt8(truncatingIfNeeded: word >> 16))
      digest.append(UInt8(truncatingIfNeeded: word >> 8))
      digest.append(UInt8(truncatingIfNeeded: word))
    }
    return digest
  }

  @inline(__always)
  private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }

  /// Runs the compression function over `count` consecutive 64-byte blocks.
  private mutating func compress(blocks: UnsafeBufferPointer<UInt8>, count: Int) {
    var schedule = [UInt32](repeating: 0, count: 64)
    var h0 = state[0]
    var h1 = state[1]
    var h2 = state[2]
    var h3 = state[3]
    var h4 = state[4]
    var h5 = state[5]
    var h6 = state[6]
    var h7 = state[7]
    SHA256.roundConstants.withUnsafeBufferPointer { k in
      schedule.withUnsafeMutableBufferPointer { w in
        for block in 0..<count {
          let base = block * 64
          for t in 0..<16 {
            let p = base + t * 4
            w[t] =
              UInt32(blocks[p]) << 24 | UInt32(blocks[p + 1]) << 16 | UInt32(blocks[p + 2]) << 8
              | UInt32(blocks[p + 3])
          }
          for t in 16..<64 {
            let s0 = SHA256.rotr(w[t - 15], 7) ^ SHA256.rotr(w[t - 15], 18) ^ (w[t - 15] >> 3)
            let s1 = SHA256.rotr(w[t - 2], 17) ^ SHA256.rotr(w[t - 2], 19) ^ (w[t - 2] >> 10)
            w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
          }
          var a = h0
          var b = h1
          var c = h2
          var d = h3
          var e = h4
          var f = h5
          var g = h6
          var h = h7
          for t in 0..<64 {
            let sum1 = SHA256.rotr(e, 6) ^ SHA256.rotr(e, 11) ^ SHA256.rotr(e, 25)
            let choose = (e & f) ^ (~e & g)
            let temp1 = h &+ sum1 &+ choose &+ k[t] &+ w[t]
            let sum0 = SHA256.rotr(a, 2) ^ SHA256.rotr(a, 13) ^ SHA256.rotr(a, 22)
            let majority = (a & b) ^ (a & c) ^ (b & c)
            let temp2 = sum0 &+ majority
            h = g
            g = f
            f = e
            e = d &+ temp1
            d = c
            c = b
            b = a
            a = temp1 &+ temp2
          }
          h0 &+= a
          h1 &+= b
          h2 &+= c
          h3 &+= d
          h4 &+= e
          h5 &+= f
          h6 &+= g
          h7 &+= h
        }
      }
    }
    state = [h0, h1, h2, h3, h4, h5, h6, h7]
  }
}
