// LayoutLab — the one seeded random stream, identical on every platform and compiler.

/// xoshiro256** seeded through SplitMix64: the package's only random number generator.
///
/// A seed gives the same stream on every platform, compiler and run: the state update is
/// integer arithmetic, and every derived draw follows a fixed rule written here (no standard
/// library algorithm whose details are unspecified). Each draw documents how many 64-bit words
/// it consumes, because callers rely on that to keep their streams unchanged:
///
/// - `next()`, `nextUniform()`, `nextUniformDouble()`, `nextUniformDouble(in:)` and
///   `nextBool(probability:)` consume exactly one word.
/// - `nextInt(below:)` consumes none when `bound <= 1`, else one word (and, with probability
///   below `bound / 2^64`, more: Lemire's rejection step).
/// - `nextNormal()` consumes two words per attempt of the polar method (on average 2.55 words).
///
/// The collection helpers (`shuffle(_:)`, `shuffled(_:)`, `pick(_:or:)`, `weightedIndex(_:)`)
/// are in `SeededGenerator+Collections.swift`; `stableHash(_:)` and `splitMix(_:)` in
/// `SeededGenerator+Hashing.swift`.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  @usableFromInline var s0: UInt64
  @usableFromInline var s1: UInt64
  @usableFromInline var s2: UInt64
  @usableFromInline var s3: UInt64

  /// Creates a stream whose 256-bit state is the first four SplitMix64 outputs from `seed`.
  public init(seed: UInt64) {
    var mixer = seed
    s0 = SeededGenerator.splitMix(&mixer)
    s1 = SeededGenerator.splitMix(&mixer)
    s2 = SeededGenerator.splitMix(&mixer)
    s3 = SeededGenerator.splitMix(&mixer)
  }

  /// Creates an independent stream for a labelled purpose (e.g. `"dropout"`): the stream of
  /// `seed ^ stableHash(stream)`.
  public init(seed: UInt64, stream: String) {
    self.init(seed: seed ^ SeededGenerator.stableHash(stream))
  }

  /// The next 64 random bits (one word).
  @inlinable
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

  /// A uniform integer in `0..<bound`, unbiased (Lemire's multiply-and-reject).
  ///
  /// When `bound <= 1` the answer can only be 0, so it is returned **without drawing**: the
  /// stream does not advance. Otherwise one word is drawn, and another only in the rare case
  /// (probability below `bound / 2^64`) that the first would bias the result.
  /// - Precondition: `bound >= 0`.
  @inlinable
  public mutating func nextInt(below bound: Int) -> Int {
    precondition(bound >= 0, "nextInt(below:) needs a bound >= 0, got \(bound)")
    if bound <= 1 { return 0 }
    let range = UInt64(bound)
    var product = next().multipliedFullWidth(by: range)
    if product.low < range {
      let threshold = (0 &- range) % range
      while product.low < threshold { product = next().multipliedFullWidth(by: range) }
    }
    return Int(product.high)
  }

  /// A uniform integer in `range`: `range.lowerBound + nextInt(below: range.count)`, so a
  /// one-value range draws nothing.
  @inlinable
  public mutating func nextInt(in range: ClosedRange<Int>) -> Int {
    range.lowerBound + nextInt(below: range.upperBound - range.lowerBound + 1)
  }

  /// A uniform float in `[0, 1)` from the top 24 bits of one word.
  @inlinable
  public mutating func nextUniform() -> Float {
    Float(next() >> 40) * 0x1.0p-24
  }

  /// A uniform double in `[0, 1)` from the top 53 bits of one word.
  @inlinable
  public mutating func nextUniformDouble() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// A uniform double in `range`: `lower + (upper − lower) · nextUniformDouble()` (one word).
  @inlinable
  public mutating func nextUniformDouble(in range: ClosedRange<Double>) -> Double {
    range.lowerBound + (range.upperBound - range.lowerBound) * nextUniformDouble()
  }

  /// `true` with probability `probability`: `nextUniformDouble() < probability`. Always draws
  /// one word, whatever the probability.
  @inlinable
  public mutating func nextBool(probability: Double) -> Bool {
    nextUniformDouble() < probability
  }

  /// A standard normal sample (Marsaglia's polar method, with `portableLog`, so the value is
  /// bit-identical everywhere).
  public mutating func nextNormal() -> Double {
    while true {
      let u = 2 * nextUniformDouble() - 1
      let v = 2 * nextUniformDouble() - 1
      let s = u * u + v * v
      if s > 0 && s < 1 {
        return u * (-2 * portableLog(s) / s).squareRoot()
      }
    }
  }
}

@inlinable @inline(__always)
func rotateLeft(_ x: UInt64, by k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
