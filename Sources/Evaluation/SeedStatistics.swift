// LayoutLab — across-seed summaries: mean, standard deviation and a Student-t interval.

import Foundation

/// The spread of one metric over training seeds.
public struct SeedSummary: Equatable, Sendable {
  /// Number of seeds `n`.
  public var count: Int
  /// Arithmetic mean.
  public var mean: Double
  /// Sample standard deviation (divisor `n − 1`); `nil` for one seed.
  public var standardDeviation: Double?
  /// `t_{(1+c)/2, n−1} · sd / √n`; `nil` for one seed.
  public var halfWidth: Double?
  /// Two-sided coverage of the interval.
  public var confidence: Double

  /// `mean − halfWidth`, or `nil` for one seed.
  public var lower: Double? { halfWidth.map { mean - $0 } }
  /// `mean + halfWidth`, or `nil` for one seed.
  public var upper: Double? { halfWidth.map { mean + $0 } }
}

/// Mean, sample standard deviation and t-based interval of `values` (one per seed).
/// - Throws: `EvaluationError` for no values, a non-finite value, or a confidence outside (0, 1).
public func summarizeSeeds(_ values: [Double], confidence: Double = 0.95) throws -> SeedSummary {
  guard !values.isEmpty else {
    throw EvaluationError(source: "seeds", problem: "no values to summarise")
  }
  if let bad = values.firstIndex(where: { !$0.isFinite }) {
    throw EvaluationError(source: "seeds", location: "value \(bad)", problem: "not finite")
  }
  guard confidence > 0, confidence < 1 else {
    throw EvaluationError(
      source: "seeds", problem: "confidence must be in (0, 1), got \(confidence)")
  }
  let n = Double(values.count)
  let mean = values.reduce(0, +) / n
  guard values.count > 1 else {
    return SeedSummary(
      count: 1, mean: mean, standardDeviation: nil, halfWidth: nil, confidence: confidence)
  }
  let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
  let sd = (squares / (n - 1)).squareRoot()
  let t = studentTQuantile((1 + confidence) / 2, degreesOfFreedom: n - 1)
  return SeedSummary(
    count: values.count, mean: mean, standardDeviation: sd, halfWidth: t * sd / n.squareRoot(),
    confidence: confidence)
}

/// The Student-t CDF `P(T ≤ t)` with `ν` degrees of freedom, from the regularised incomplete
/// beta function: `P(|T| > |t|) = I_{ν/(ν+t²)}(ν/2, 1/2)`.
public func studentTCDF(_ t: Double, degreesOfFreedom nu: Double) -> Double {
  guard nu > 0, !t.isNaN else { return .nan }
  if t.isInfinite { return t > 0 ? 1 : 0 }
  let tail = 0.5 * regularizedIncompleteBeta(nu / (nu + t * t), a: nu / 2, b: 0.5)
  return t > 0 ? 1 - tail : tail
}

/// The Student-t quantile: the `t` with `studentTCDF(t, ν) = p`, for `p` in (0, 1).
///
/// Found by bisection on the CDF to about 1e-13 relative precision (`t_{0.975, 1} = 12.7062…`,
/// `t_{0.975, 9} = 2.26216…`); `nan` outside the domain.
public func studentTQuantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
  guard p > 0, p < 1, nu > 0 else { return .nan }
  if p == 0.5 { return 0 }
  if p < 0.5 { return -studentTQuantile(1 - p, degreesOfFreedom: nu) }
  var low = 0.0
  var high = 1.0
  while studentTCDF(high, degreesOfFreedom: nu) < p, high < 1e300 { high *= 2 }
  for _ in 0..<200 {
    let middle = 0.5 * (low + high)
    if middle == low || middle == high { break }
    if studentTCDF(middle, degreesOfFreedom: nu) < p { low = middle } else { high = middle }
  }
  return 0.5 * (low + high)
}

/// `I_x(a, b)`, the regularised incomplete beta function, by Lentz's continued fraction.
func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
  if x <= 0 { return 0 }
  if x >= 1 { return 1 }
  let logBeta: Double = lgamma(a) + lgamma(b) - lgamma(a + b)
  let logPowers: Double = a * log(x) + b * log(1 - x)
  let logFront = logPowers - logBeta
  let front = exp(logFront)
  if x < (a + 1) / (a + b + 2) {
    return front * betaContinuedFraction(x, a: a, b: b) / a
  }
  return 1 - front * betaContinuedFraction(1 - x, a: b, b: a) / b
}

private func betaContinuedFraction(_ x: Double, a: Double, b: Double) -> Double {
  let tiny = 1e-300
  var c = 1.0
  var d = 1 - (a + b) * x / (a + 1)
  if abs(d) < tiny { d = tiny }
  d = 1 / d
  var result = d
  for m in 1...500 {
    let m = Double(m)
    let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
    d = 1 + even * d
    if abs(d) < tiny { d = tiny }
    c = 1 + even / c
    if abs(c) < tiny { c = tiny }
    d = 1 / d
    result *= d * c
    let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
    d = 1 + odd * d
    if abs(d) < tiny { d = tiny }
    c = 1 + odd / c
    if abs(c) < tiny { c = tiny }
    d = 1 / d
    let step = d * c
    result *= step
    if abs(step - 1) < 1e-16 { break }
  }
  return result
}
