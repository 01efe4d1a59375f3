// LayoutLab — SIMD16 exp, erf and normal CDF, and partial loads for ragged row tails.
//
// Written with compare+select and magic-number rounding only; the stdlib's `clamped`,
// `pointwiseMax` and SIMD int↔float conversions are not vectorized (`swift-performance.md` §9).

/// Sixteen floats, one AVX-512 register.
typealias Float16x = SIMD16<Float>

/// `e^x` per lane, relative error about 2e-7 on `[-86.5, 88.37]`.
///
/// Arguments below −86.5 give exactly 0 (the true value is below 3e-38); arguments in
/// `(88.37, 88.72]` saturate at `e^88.37` and larger ones give +∞. (The kernels only need
/// arguments ≤ 0.)
@inline(always)
func vectorExp(_ x: SIMD16<Float>) -> SIMD16<Float> {
  let high = Float16x(repeating: 88.37)
  let low = Float16x(repeating: -86.5)
  let overflow = x .> Float16x(repeating: 88.72283)
  let underflow = x .< low
  var clamped = x.replacing(with: high, where: x .> high)
  clamped = clamped.replacing(with: low, where: underflow)
  // n = round(x / ln 2) by adding 1.5 · 2^23, which leaves n in the low mantissa bits.
  let magic = Float16x(repeating: 12_582_912)
  let shifted = magic.addingProduct(clamped, Float16x(repeating: 1.442_695_040_888_963_4))
  let n = shifted - magic
  var r = clamped.addingProduct(n, Float16x(repeating: -0.693_359_375))
  r = r.addingProduct(n, Float16x(repeating: 2.121_944_4e-4))
  // e^r = 1 + r + r² · P(r) on |r| ≤ ln2/2 (Cephes expf coefficients).
  var p = Float16x(repeating: 1.987_569_15e-4)
  p = Float16x(repeating: 1.398_199_950_7e-3).addingProduct(p, r)
  p = Float16x(repeating: 8.333_451_907_3e-3).addingProduct(p, r)
  p = Float16x(repeating: 4.166_579_589_4e-2).addingProduct(p, r)
  p = Float16x(repeating: 1.666_666_545_9e-1).addingProduct(p, r)
  p = Float16x(repeating: 5.000_000_120_1e-1).addingProduct(p, r)
  let e = (r + Float16x(repeating: 1)).addingProduct(p, r * r)
  let nBits =
    unsafeBitCast(shifted, to: SIMD16<Int32>.self)
    &- unsafeBitCast(magic, to: SIMD16<Int32>.self)
  let scaled = unsafeBitCast(
    unsafeBitCast(e, to: SIMD16<Int32>.self) &+ (nBits &<< 23), to: SIMD16<Float>.self)
  return scaled.replacing(with: 0, where: underflow).replacing(
    with: .infinity, where: overflow)
}

/// `erfc(z)` for `z ≥ 0`, relative error about 2e-7 (Numerical Recipes' Chebyshev fit).
@inline(always)
func vectorErfcNonNegative(_ z: SIMD16<Float>) -> SIMD16<Float> {
  let one = Float16x(repeating: 1)
  let t = one / one.addingProduct(z, Float16x(repeating: 0.5))
  var p = Float16x(repeating: 0.170_872_77)
  p = Float16x(repeating: -0.822_152_23).addingProduct(p, t)
  p = Float16x(repeating: 1.488_515_87).addingProduct(p, t)
  p = Float16x(repeating: -1.135_203_98).addingProduct(p, t)
  p = Float16x(repeating: 0.278_868_07).addingProduct(p, t)
  p = Float16x(repeating: -0.186_288_06).addingProduct(p, t)
  p = Float16x(repeating: 0.096_784_18).addingProduct(p, t)
  p = Float16x(repeating: 0.374_091_96).addingProduct(p, t)
  p = Float16x(repeating: 1.000_023_68).addingProduct(p, t)
  p = Float16x(repeating: -1.265_512_23).addingProduct(p, t)
  return t * vectorExp(p - z * z)
}

/// `erf(x)` per lane, relative error below 1e-6: an odd polynomial for `|x| < 1` (Cephes
/// erff) and `1 − erfc(|x|)` with the sign restored above.
@inline(always)
func vectorErf(_ x: SIMD16<Float>) -> SIMD16<Float> {
  let negative = x .< 0
  let magnitude = x.replacing(with: -x, where: negative)
  let z = x * x
  var p = Float16x(repeating: 7.853_861_353_153_693e-5)
  p = Float16x(repeating: -8.010_193_625_184_903e-4).addingProduct(p, z)
  p = Float16x(repeating: 5.188_327_685_732_524e-3).addingProduct(p, z)
  p = Float16x(repeating: -2.685_381_193_529_856e-2).addingProduct(p, z)
  p = Float16x(repeating: 1.128_358_514_861_418e-1).addingProduct(p, z)
  p = Float16x(repeating: -3.761_262_582_423_300e-1).addingProduct(p, z)
  p = Float16x(repeating: 1.128_379_165_726_710).addingProduct(p, z)
  let small = x * p
  let largeMagnitude = Float16x(repeating: 1) - vectorErfcNonNegative(magnitude)
  let large = largeMagnitude.replacing(with: -largeMagnitude, where: negative)
  return large.replacing(with: small, where: magnitude .< Float16x(repeating: 1))
}

/// The standard normal CDF `Φ(x) = ½ · erfc(−x / √2)` per lane, accurate in the far left tail
/// too (no `1 + erf` cancellation).
@inline(always)
func vectorNormalCDF(_ x: SIMD16<Float>) -> SIMD16<Float> {
  let negative = x .< 0
  let magnitude = x.replacing(with: -x, where: negative)
  let half = Float16x(repeating: 0.5)
  let tail = half * vectorErfcNonNegative(magnitude * Float16x(repeating: 0.707_106_781_186_547_5))
  return (Float16x(repeating: 1) - tail).replacing(with: tail, where: negative)
}

/// Loads `count < 16` floats into the low lanes, filling the rest with `fill`.
@inline(always)
func loadPartial(_ p: UnsafePointer<Float>, _ count: Int, fill: Float) -> SIMD16<Float> {
  var v = Float16x(repeating: fill)
  for i in 0..<count { v[i] = p[i] }
  return v
}

/// Stores the low `count < 16` lanes of `v`.
@inline(always)
func storePartial(_ v: SIMD16<Float>, _ p: UnsafeMutablePointer<Float>, _ count: Int) {
  for i in 0..<count { p[i] = v[i] }
}

/// Loads 16 floats from `p` (no alignment needed).
@inline(always)
func load16(_ p: UnsafePointer<Float>) -> SIMD16<Float> {
  UnsafeRawPointer(p).loadUnaligned(as: SIMD16<Float>.self)
}

/// Stores 16 floats at `p` (no alignment needed).
@inline(always)
func store16(_ v: SIMD16<Float>, _ p: UnsafeMutablePointer<Float>) {
  UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD16<Float>.self)
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
