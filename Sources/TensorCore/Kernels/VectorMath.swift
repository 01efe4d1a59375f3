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
  // e^r = 1 + r + r² · P(r) on |r| ≤ ln2/2 (Cephes expf coefficients), P evaluated in
  // Estrin's form: three independent pairs, then two steps in r², so the dependency chain is
  // half as long as Horner's (the row kernels are bound by its latency).
  let r2 = r * r
  let t0 = FloatVector(repeating: 5.000_000_120_1e-1).addingProduct(
    r, FloatVector(repeating: 1.666_666_545_9e-1))
  let t1 = FloatVector(repeating: 4.166_579_589_4e-2).addingProduct(
    r, FloatVector(repeating: 8.333_451_907_3e-3))
  let t2 = FloatVector(repeating: 1.398_199_950_7e-3).addingProduct(
    r, FloatVector(repeating: 1.987_569_15e-4))
  let p = t0.addingProduct(t1.addingProduct(t2, r2), r2)
  let e = (r + FloatVector(repeating: 1)).addingProduct(p, r2)
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
  // P (degree 6 in z = x²) and Q (degree 4) in Estrin's form: short dependency chains.
  let z = c * c
  let z2 = z * z
  let z4 = z2 * z2
  let p0 = FloatVector(repeating: -1.609_603_332_624_15e-02).addingProduct(
    z, FloatVector(repeating: -2.954_599_808_540_25e-03))
  let p1 = FloatVector(repeating: -7.349_906_303_268_55e-04).addingProduct(
    z, FloatVector(repeating: -5.692_506_394_623_46e-05))
  let p2 = FloatVector(repeating: -2.101_024_020_825_08e-06).addingProduct(
    z, FloatVector(repeating: 2.770_681_424_959_02e-08))
  let p3 = FloatVector(repeating: -2.726_142_258_013_06e-10)
  let p = p0.addingProduct(p1, z2).addingProduct(p2.addingProduct(p3, z2), z4)
  let q0 = FloatVector(repeating: -1.426_473_905_141_89e-02).addingProduct(
    z, FloatVector(repeating: -7.373_329_167_204_68e-03))
  let q1 = FloatVector(repeating: -1.682_826_974_382_03e-03).addingProduct(
    z, FloatVector(repeating: -2.133_740_552_789_05e-04))
  let q = q0.addingProduct(
    q1.addingProduct(FloatVector(repeating: -1.456_607_184_649_96e-05), z2), z2)
  return c * p / q
}

/// The standard normal CDF `Φ(x) = ½ · (1 + erf(x / √2))` per lane, computed as PyTorch's
/// exact GELU computes it (so the far left tail has the same absolute, not relative, accuracy).
@inline(always)
func vectorNormalCDF(_ x: FloatVector) -> FloatVector {
  let half = FloatVector(repeating: 0.5)
  return half.addingProduct(half, vectorErf(x * FloatVector(repeating: 0.707_106_781_186_547_5)))
}

/// The sum of `count` floats, with four vector accumulators (enough to hide the add latency at
/// every width) combined in a fixed order. (Written out, not as a closure-taking helper: the
/// compiler does not inline such closures into the loop.)
@inline(always)
func rowSum(_ p: UnsafePointer<Float>, _ count: Int) -> Float {
  let full = wholeVectors(count)
  var s0 = FloatVector()
  var s1 = FloatVector()
  var s2 = FloatVector()
  var s3 = FloatVector()
  var j = 0
  while j &+ 4 &* vectorLanes <= full {
    s0 += loadVector(p + j)
    s1 += loadVector(p + (j &+ vectorLanes))
    s2 += loadVector(p + (j &+ 2 &* vectorLanes))
    s3 += loadVector(p + (j &+ 3 &* vectorLanes))
    j &+= 4 &* vectorLanes
  }
  while j < full {
    s0 += loadVector(p + j)
    j &+= vectorLanes
  }
  var total = ((s0 + s1) + (s2 + s3)).sum()
  for t in full..<count { total += p[t] }
  return total
}

/// `Σ (p[j] − mean)²` over `count` floats, accumulated as `rowSum` does.
@inline(always)
func rowSumOfSquaredDeviations(_ p: UnsafePointer<Float>, _ count: Int, mean: Float) -> Float {
  let full = wholeVectors(count)
  let m = FloatVector(repeating: mean)
  var s0 = FloatVector()
  var s1 = FloatVector()
  var s2 = FloatVector()
  var s3 = FloatVector()
  var j = 0
  while j &+ 4 &* vectorLanes <= full {
    let d0 = loadVector(p + j) - m
    let d1 = loadVector(p + (j &+ vectorLanes)) - m
    let d2 = loadVector(p + (j &+ 2 &* vectorLanes)) - m
    let d3 = loadVector(p + (j &+ 3 &* vectorLanes)) - m
    s0 = s0.addingProduct(d0, d0)
    s1 = s1.addingProduct(d1, d1)
    s2 = s2.addingProduct(d2, d2)
    s3 = s3.addingProduct(d3, d3)
    j &+= 4 &* vectorLanes
  }
  while j < full {
    let d = loadVector(p + j) - m
    s0 = s0.addingProduct(d, d)
    j &+= vectorLanes
  }
  var total = ((s0 + s1) + (s2 + s3)).sum()
  for t in full..<count { total = total.addingProduct(p[t] - mean, p[t] - mean) }
  return total
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
