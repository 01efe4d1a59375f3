// LayoutLab — the vector type every kernel is written in, at the width this build compiles for.
//
// `Package.swift` picks the width from the build machine (512 bits with AVX-512, 256 with AVX2 +
// FMA, 128 on arm64 NEON and elsewhere; `LAYOUTLAB_SIMD` overrides it). Kernels are written once
// against `FloatVector` and `vectorLanes`; only the GEMM micro-kernel's register tile is chosen
// per width (`GemmMicroKernel.swift`).

import HostCPU

#if LAYOUTLAB_SIMD512
  /// Sixteen floats: one AVX-512 register.
  typealias FloatVector = SIMD16<Float>
  /// The integer vector with `FloatVector`'s lanes (for bit manipulation in `vectorExp`).
  typealias Int32Vector = SIMD16<Int32>
  /// The unsigned integer vector with `FloatVector`'s lanes (for the dropout hash).
  typealias UInt32Vector = SIMD16<UInt32>
#elseif LAYOUTLAB_SIMD256
  /// Eight floats: one AVX2 register.
  typealias FloatVector = SIMD8<Float>
  /// The integer vector with `FloatVector`'s lanes (for bit manipulation in `vectorExp`).
  typealias Int32Vector = SIMD8<Int32>
  /// The unsigned integer vector with `FloatVector`'s lanes (for the dropout hash).
  typealias UInt32Vector = SIMD8<UInt32>
#else
  /// Four floats: one NEON (or SSE) register.
  typealias FloatVector = SIMD4<Float>
  /// The integer vector with `FloatVector`'s lanes (for bit manipulation in `vectorExp`).
  typealias Int32Vector = SIMD4<Int32>
  /// The unsigned integer vector with `FloatVector`'s lanes (for the dropout hash).
  typealias UInt32Vector = SIMD4<UInt32>
#endif

/// Floats per `FloatVector` (a computed constant, not a stored global: no lazy initialisation in
/// hot loops, in any build configuration).
var vectorLanes: Int {
  @inline(__always) get { FloatVector.scalarCount }
}

/// Bytes per `FloatVector`.
var vectorBytes: Int {
  @inline(__always) get { MemoryLayout<FloatVector>.stride }
}

/// `count` rounded down to a whole number of vectors.
@inline(always)
func wholeVectors(_ count: Int) -> Int { count & ~(vectorLanes - 1) }

/// Loads one vector from `p` (no alignment needed).
@inline(always)
func loadVector(_ p: UnsafePointer<Float>) -> FloatVector {
  UnsafeRawPointer(p).loadUnaligned(as: FloatVector.self)
}

/// Stores one vector at `p` (no alignment needed).
@inline(always)
func storeVector(_ v: FloatVector, _ p: UnsafeMutablePointer<Float>) {
  UnsafeMutableRawPointer(p).storeBytes(of: v, as: FloatVector.self)
}

/// Loads `count < vectorLanes` floats into the low lanes, filling the rest with `fill`.
@inline(always)
func loadPartial(_ p: UnsafePointer<Float>, _ count: Int, fill: Float) -> FloatVector {
  var v = FloatVector(repeating: fill)
  for i in 0..<count { v[i] = p[i] }
  return v
}

/// Stores the low `count < vectorLanes` lanes of `v`.
@inline(always)
func storePartial(_ v: FloatVector, _ p: UnsafeMutablePointer<Float>, _ count: Int) {
  for i in 0..<count { p[i] = v[i] }
}

/// The largest lane of `v` (a scalar loop: the stdlib's `.max()` is not vectorized).
@inline(always)
func laneMaximum(_ v: FloatVector) -> Float {
  var m = v[0]
  for lane in 1..<vectorLanes where v[lane] > m { m = v[lane] }
  return m
}

/// The numeric core's compiled variant (the same as `HostCPU.NumericBuild`, checked at build
/// time against the vector type above).
public enum KernelVariant {
  /// Bits per vector in the kernels.
  public static var vectorBits: Int { vectorLanes * 32 }
  /// The GEMM micro-kernel's register tile, e.g. `6×16 (12 accumulators)`.
  public static var gemmTile: String {
    "\(gemmMR)×\(gemmNR) (\(gemmMR * gemmNR / vectorLanes) accumulators of \(vectorLanes) floats)"
  }
  /// True when `HostCPU` and `TensorCore` were given the same width.
  public static var agreesWithHostCPU: Bool { vectorBits == NumericBuild.vectorBits }
}
