// LayoutLab — a tiny seeded random generator whose streams are identical on every platform.

/// xoshiro256** seeded through SplitMix64: the same seed gives the same stream everywhere.
///
/// Only integer arithmetic is used, and derived values follow fixed rules
/// (`nextIndex(below:)` is Lemire's multiply-and-reject, `nextUnitDouble()` takes the top 53
/// bits), so bootstrap resamples do not depend on the standard library's generator.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var s0: UInt64
  private var s1: UInt64
  private var s2: UInt64
  private var s3: UInt64

  /// Creates a generator whose 256-bit state is four SplitMix64 outputs of `seed`.
  public init(seed: UInt64) {
    var mix = seed
    func splitMix64(_ x: inout UInt64) -> UInt64 {
      x &+= 0x9E37_79B9_7F4A_7C15
      var z = x
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    s0 = splitMix64(&mix)
    s1 = splitMix64(&mix)
    s2 = splitMix64(&mix)
    s3 = splitMix64(&mix)
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    let result = rotateLeft(s1 &* 5, by: 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = rotateLeft(s3, by: 45)
    return result
  }

  /// A uniform integer in `0..<bound` (Lemire's method, unbiased); `0` when `bound <= 1`.
  public mutating func nextIndex(below bound: Int) -> Int {
    if bound <= 1 { return 0 }
    let range = UInt64(bound)
    var product = next().multipliedFullWidth(by: range)
    if product.low < range {
      let threshold = (0 &- range) % range
      while product.low < threshold { product = next().multipliedFullWidth(by: range) }
    }
    return Int(product.high)
  }

  /// A uniform double in `[0, 1)` with 53 random bits.
  public mutating func nextUnitDouble() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  private func rotateLeft(_ x: UInt64, by k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 - k))
  }
}
