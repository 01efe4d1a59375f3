// LayoutLab — a seeded random stream that is the same on every platform.

/// xoshiro256** seeded through SplitMix64.
///
/// Only integer arithmetic and IEEE-exact float operations are used (the normal sampler uses
/// our own logarithm), so a seed gives the same stream on every platform and compiler.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: (UInt64, UInt64, UInt64, UInt64)

  /// Creates a stream from a seed.
  public init(seed: UInt64) {
    var x = seed
    func splitMix() -> UInt64 {
      x &+= 0x9E37_79B9_7F4A_7C15
      var z = x
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    state = (splitMix(), splitMix(), splitMix(), splitMix())
  }

  /// Creates an independent stream for a labelled purpose (e.g. `"dropout"`), derived from a seed.
  public init(seed: UInt64, stream: String) {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in stream.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01B3
    }
    self.init(seed: seed ^ hash)
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    let result = rotateLeft(state.1 &* 5, 7) &* 9
    let t = state.1 << 17
    state.2 ^= state.0
    state.3 ^= state.1
    state.1 ^= state.2
    state.0 ^= state.3
    state.2 ^= t
    state.3 = rotateLeft(state.3, 45)
    return result
  }

  /// A uniform float in [0, 1) with 24 random bits.
  public mutating func nextUniform() -> Float {
    Float(next() >> 40) * (1.0 / 16_777_216.0)
  }

  /// A uniform double in [0, 1) with 53 random bits.
  public mutating func nextUniformDouble() -> Double {
    Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
  }

  /// A uniform integer in `0..<bound` (Lemire's method with rejection, platform-independent).
  public mutating func nextInt(below bound: Int) -> Int {
    precondition(bound > 0, "bound must be positive")
    let b = UInt64(bound)
    while true {
      let product = next().multipliedFullWidth(by: b)
      if product.low >= (0 &- b) % b { return Int(product.high) }
    }
  }

  /// A standard normal sample (Marsaglia's polar method).
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

  /// Shuffles `array` in place (Fisher–Yates).
  public mutating func shuffle<T>(_ array: inout [T]) {
    guard array.count > 1 else { return }
    for i in stride(from: array.count - 1, to: 0, by: -1) {
      array.swapAt(i, nextInt(below: i + 1))
    }
  }
}

@inline(__always)
private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

/// The natural logarithm of a positive finite `x`, from `+ − × ÷` only, so it is bit-identical
/// on every IEEE-754 platform (unlike libm's `log`).
public func portableLog(_ x: Double) -> Double {
  precondition(x > 0 && x.isFinite, "portableLog needs a positive finite argument")
  var m = x.significand  // in [1, 2)
  var e = Double(x.exponent)
  if m > 1.4142135623730951 {
    m /= 2
    e += 1
  }
  // ln(m) = 2·atanh(z), z = (m − 1)/(m + 1), |z| ≤ 0.1716.
  let z = (m - 1) / (m + 1)
  let z2 = z * z
  var term = z
  var sum = 0.0
  var k = 1.0
  for _ in 0..<14 {
    sum += term / k
    term *= z2
    k += 2
  }
  return 2 * sum + e * 0.6931471805599453
}

extension Tensor {
  /// Samples from `N(mean, std²)`, shape `shape`, from `generator`.
  public static func normal(
    shape: [Int], mean: Float = 0, std: Float, generator: inout SeededGenerator,
    requiresGrad: Bool = false
  ) -> Tensor {
    let result = Tensor(zeros: shape, requiresGrad: requiresGrad)
    for i in 0..<result.count {
      result.pointer[i] = mean + std * Float(generator.nextNormal())
    }
    return result
  }
}
