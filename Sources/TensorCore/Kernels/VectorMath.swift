// LayoutLab — vector exp, erf and normal CDF at the compiled width (`VectorWidth.swift`).
//
// Written with compare+select and magic-number rounding only; the stdlib's `clamped`,
// `pointwiseMax` and SIMD int↔float conversions are not vectorized (`swift-performance.md` §9).

/// `e^x` per lane, relative error about 2e-7 on `[-86.5, 88.37]`.
///
/// Arguments below −86.5 give exactly 0 (the true value is below 3e-38); arguments in
/// `(88.37, 88.72]` saturate at `e^88.37` and larger ones give +∞.
@inline(always)
func vectorExp(_ x: FloatVector) -> FloatVector {
  let high = FloatVector(repeating: 88.37)
  let overflow = x .> FloatVector(repeating: 88.72283)
  return vectorExpNonPositive(x.replacing(with: high, where: x .> high)).replacing(
    with: .infinity, where: overflow)
}

/// `e^x` per lane for arguments up to 88.37 (softmax's `x − max` is always ≤ 0), relative
/// error about 2e-7; arguments below −86.5 (and −∞) give exactly 0. Cheaper than `vectorExp`:
/// no overflow handling.
@inline(always)
func vectorExpNonPositive(_ x: FloatVector) -> FloatVector {
  let low = FloatVector(repeating: -86.5)
  let underflow = x .< low
  let clamped = x.replacing(with: low, where: underflow)
  // n = round(x / ln 2) by adding 1.5 · 2^23, which leaves n in the low mantissa bits.
  let magic = FloatVector(repeating: 12_582_912)
  let shifted = magic.addingProduct(clamped, FloatVector(repeating: 1.442_695_040_888_963_4))
  let n = shifted - magic
  var r = clamped.addingProduct(n, FloatVector(repeating: -0.693_359_375))
  r = r.addingProduct(n, FloatVector(repeating: 2.121_944_4e-4))
  // e^r = 1 + r + r² · P(r) on |r| ≤ ln2/2 (Cephes expf coefficients).
  var p = FloatVector(repeating: 1.987_569_15e-4)
  p = FloatVector(repeating: 1.398_199_950_7e-3).addingProduct(p, r)
  p = FloatVector(repeating: 8.333_451_907_3e-3).addingProduct(p, r)
  p = FloatVector(repeating: 4.166_579_589_4e-2).addingProduct(p, r)
  p = FloatVector(repeating: 1.666_666_545_9e-1).addingProduct(p, r)
  p = FloatVector(repeating: 5.000_000_120_1e-1).addingProduct(p, r)
  let e = (r + FloatVector(repeating: 1)).addingProduct(p, r * r)
  let nBits =
    unsafeBitCast(shifted, to: Int32Vector.self)
    &- unsafeBitCast(magic, to: Int32Vector.self)
  let scaled = unsafeBitCast(
    unsafeBitCast(e, to: Int32Vector.self) &+ (nBits &<< 23), to: FloatVector.self)
  return scaled.replacing(with: 0, where: underflow)
}

/// `erf(x)` per lane, absolute error below 5e-7: the rational fit `x · P(x²) / Q(x²)` on
/// `[−4, 4]` (the one XLA and Eigen use for float), ±1 outside. One division, no exp.
@inline(always)
func vectorErf(_ x: FloatVector) -> FloatVector {
  let limit = FloatVector(repeating: 4)
  var c = x.replacing(with: limit, where: x .> limit)
  c = c.replacing(with: -limit, where: c .< -limit)
  let z = c * c
  var p = FloatVector(repeating: -2.726_142_258_013_06e-10)
  p = FloatVector(repeating: 2.770_681_424_959_02e-08).addingProduct(p, z)
  p = FloatVector(repeating: -2.101_024_020_825_08e-06).addingProduct(p, z)
  p = FloatVector(repeating: -5.692_506_394_623_46e-05).addingProduct(p, z)
  p = FloatVector(repeating: -7.349_906_303_268_55e-04).addingProduct(p, z)
  p = FloatVector(repeating: -2.954_599_808_540_25e-03).addingProduct(p, z)
  p = FloatVector(repeating: -1.609_603_332_624_15e-02).addingProduct(p, z)
  var q = FloatVector(repeating: -1.456_607_184_649_96e-05)
  q = FloatVector(repeating: -2.133_740_552_789_05e-04).addingProduct(q, z)
  q = FloatVector(repeating: -1.682_826_974_382_03e-03).addingProduct(q, z)
  q = FloatVector(repeating: -7.373_329_167_204_68e-03).addingProduct(q, z)
  q = FloatVector(repeating: -1.426_473_905_141_89e-02).addingProduct(q, z)
  return c * p / q
}

/// The standard normal CDF `Φ(x) = ½ · (1 + erf(x / √2))` per lane, computed as PyTorch's
/// exact GELU computes it (so the far left tail has the same absolute, not relative, accuracy).
@inline(always)
func vectorNormalCDF(_ x: FloatVector) -> FloatVector {
  let half = FloatVector(repeating: 0.5)
  return half.addingProduct(half, vectorErf(x * FloatVector(repeating: 0.707_106_781_186_547_5)))
}

/// `Σ term(j)` over the vector blocks `j = 0, vectorLanes, …` below `wholeVectors(count)` plus
/// `Σ tail(t)` over the rest, with four vector accumulators (enough to hide the add latency at
/// every width) combined in a fixed order.
@inline(always)
func reduceRow(
  _ count: Int, _ term: (Int) -> FloatVector, tail: (Int) -> Float
) -> Float {
  let full = wholeVectors(count)
  var s0 = FloatVector()
  var s1 = FloatVector()
  var s2 = FloatVector()
  var s3 = FloatVector()
  var j = 0
  while j + 4 * vectorLanes <= full {
    s0 += term(j)
    s1 += term(j + vectorLanes)
    s2 += term(j + 2 * vectorLanes)
    s3 += term(j + 3 * vectorLanes)
    j += 4 * vectorLanes
  }
  while j < full {
    s0 += term(j)
    j += vectorLanes
  }
  var total = ((s0 + s1) + (s2 + s3)).sum()
  for t in full..<count { total += tail(t) }
  return total
}

/// The sum of `count` floats (`reduceRow`'s fixed order).
@inline(always)
func rowSum(_ p: UnsafePointer<Float>, _ count: Int) -> Float {
  reduceRow(count, { loadVector(p + $0) }, tail: { p[$0] })
}

/// Splits `0..<count` into at most `pool.threadCount` contiguous ranges (one when the work is
/// below `minimumWork` items) and runs `body` on each; the split depends only on the sizes.
public func forEachRange(
  _ count: Int, work: Int, minimumWork: Int = 1 << 15, pool: ThreadPool = .shared,
  _ body: (Range<Int>) -> Void
) {
  if count <= 0 { return }
  let parts = work < minimumWork ? 1 : min(pool.threadCount, count)
  if parts == 1 {
    body(0..<count)
    return
  }
  pool.parallelFor(parts) { part in
    body((count * part / parts)..<(count * (part + 1) / parts))
  }
}
