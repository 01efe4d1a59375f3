// LayoutLab — a seeded xoshiro256** generator, so synthetic data never touches the system RNG.

/// A deterministic pseudo-random generator (xoshiro256**, seeded through SplitMix64).
///
/// The same seed gives the same stream on every platform and run. Helpers draw integers,
/// doubles, booleans and elements without the standard library's unspecified algorithms.
public struct SeededGenerator: Sendable {
  private var s0: UInt64
  private var s1: UInt64
  private var s2: UInt64
  private var s3: UInt64

  /// Creates a generator whose whole state comes from `seed`.
  public init(seed: UInt64) {
    var mixer = seed
    s0 = SeededGenerator.splitMix(&mixer)
    s1 = SeededGenerator.splitMix(&mixer)
    s2 = SeededGenerator.splitMix(&mixer)
    s3 = SeededGenerator.splitMix(&mixer)
  }

  /// The seed of document `index` of a `kind`, independent of generation order.
  public static func documentSeed(seed: UInt64, kind: String, index: Int) -> UInt64 {
    var state = seed ^ 0x5DEE_CE66_D1CE_4E5B
    var mixed = splitMix(&state)
    mixed ^= stableHash(kind)
    state = mixed
    mixed = splitMix(&state) ^ UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15
    state = mixed
    return splitMix(&state)
  }

  /// FNV-1a over the UTF-8 bytes of `text`: a hash that is stable across runs (unlike `Hasher`).
  public static func stableHash(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    return hash
  }

  /// One SplitMix64 step.
  static func splitMix(_ state: inout UInt64) -> UInt64 {
    state = state &+ 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = (s3 << 45) | (s3 >> 19)
    return result
  }

  /// A uniform integer in `0..<bound`; 0 when `bound` ≤ 1.
  public mutating func int(below bound: Int) -> Int {
    guard bound > 1 else { return 0 }
    let product = next().multipliedFullWidth(by: UInt64(bound))
    return Int(product.high)
  }

  /// A uniform integer in `range`.
  public mutating func int(in range: ClosedRange<Int>) -> Int {
    range.lowerBound + int(below: range.upperBound - range.lowerBound + 1)
  }

  /// A uniform double in `[0, 1)`.
  public mutating func unit() -> Double {
    Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
  }

  /// A uniform double in `range`.
  public mutating func double(in range: ClosedRange<Double>) -> Double {
    range.lowerBound + (range.upperBound - range.lowerBound) * unit()
  }

  /// `true` with probability `probability`.
  public mutating func chance(_ probability: Double) -> Bool {
    unit() < probability
  }

  /// A uniformly chosen element; `fallback` when `items` is empty.
  public mutating func pick<T>(_ items: [T], or fallback: T) -> T {
    items.isEmpty ? fallback : items[int(below: items.count)]
  }

  /// A uniformly chosen string; empty when `items` is empty.
  public mutating func pick(_ items: [String]) -> String {
    pick(items, or: "")
  }

  /// An index drawn with probability proportional to `weights` (non-positive weights never win).
  public mutating func weightedIndex(_ weights: [Double]) -> Int {
    let total = weights.reduce(0) { $0 + max(0, $1) }
    guard total > 0 else { return 0 }
    var target = unit() * total
    for (index, weight) in weights.enumerated() where weight > 0 {
      target -= weight
      if target < 0 { return index }
    }
    return weights.lastIndex(where: { $0 > 0 }) ?? 0
  }

  /// A Fisher–Yates shuffle of `items`.
  public mutating func shuffled<T>(_ items: [T]) -> [T] {
    var result = items
    if result.count < 2 { return result }
    for i in stride(from: result.count - 1, to: 0, by: -1) {
      result.swapAt(i, int(below: i + 1))
    }
    return result
  }
}
