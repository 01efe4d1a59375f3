// LayoutLab — the FMA throughput loop: this CPU's measured peak at the compiled vector width.
//
// Independent `addingProduct` chains, enough to cover the FMA latency on every pipe (4 cycles ×
// 2 pipes on x86, up to 4 × 4 on Apple cores), and few enough to stay in registers: 12 on AVX2
// (16 ymm registers), 24 where there are 32 vector registers (AVX-512, NEON).

#if LAYOUTLAB_SIMD256
  /// Independent accumulator chains in `fmaThroughputLoop`.
  public let fmaThroughputChains = 12
#else
  /// Independent accumulator chains in `fmaThroughputLoop`.
  public let fmaThroughputChains = 24
#endif

/// Floating-point operations one iteration of `fmaThroughputLoop` does (2 per lane per chain).
public var fmaThroughputFlopsPerIteration: Int { 2 * fmaThroughputChains * vectorLanes }

/// Runs `iterations` rounds of `fmaThroughputChains` independent vector FMAs and returns a
/// checksum (so the work cannot be optimised away). `scale` should be tiny (say 1e-9) to keep
/// the sums finite.
@inline(never)
public func fmaThroughputLoop(iterations: Int, scale: Float) -> Float {
  typealias V = FloatVector
  let x = V(repeating: scale)
  let y = V(repeating: 1.000_1)
  var c0 = V(repeating: 0), c1 = V(repeating: 1), c2 = V(repeating: 2), c3 = V(repeating: 3)
  var c4 = V(repeating: 4), c5 = V(repeating: 5), c6 = V(repeating: 6), c7 = V(repeating: 7)
  var c8 = V(repeating: 8), c9 = V(repeating: 9), c10 = V(repeating: 10), c11 = V(repeating: 11)
  #if !LAYOUTLAB_SIMD256
    var d0 = V(repeating: 0), d1 = V(repeating: 1), d2 = V(repeating: 2), d3 = V(repeating: 3)
    var d4 = V(repeating: 4), d5 = V(repeating: 5), d6 = V(repeating: 6), d7 = V(repeating: 7)
    var d8 = V(repeating: 8), d9 = V(repeating: 9), d10 = V(repeating: 10)
    var d11 = V(repeating: 11)
  #endif
  for _ in 0..<iterations {
    c0 = c0.addingProduct(x, y); c1 = c1.addingProduct(x, y); c2 = c2.addingProduct(x, y)
    c3 = c3.addingProduct(x, y); c4 = c4.addingProduct(x, y); c5 = c5.addingProduct(x, y)
    c6 = c6.addingProduct(x, y); c7 = c7.addingProduct(x, y); c8 = c8.addingProduct(x, y)
    c9 = c9.addingProduct(x, y); c10 = c10.addingProduct(x, y); c11 = c11.addingProduct(x, y)
    #if !LAYOUTLAB_SIMD256
      d0 = d0.addingProduct(x, y); d1 = d1.addingProduct(x, y); d2 = d2.addingProduct(x, y)
      d3 = d3.addingProduct(x, y); d4 = d4.addingProduct(x, y); d5 = d5.addingProduct(x, y)
      d6 = d6.addingProduct(x, y); d7 = d7.addingProduct(x, y); d8 = d8.addingProduct(x, y)
      d9 = d9.addingProduct(x, y); d10 = d10.addingProduct(x, y); d11 = d11.addingProduct(x, y)
    #endif
  }
  var total = (c0 + c1 + c2 + c3) + (c4 + c5 + c6 + c7) + (c8 + c9 + c10 + c11)
  #if !LAYOUTLAB_SIMD256
    total += (d0 + d1 + d2 + d3) + (d4 + d5 + d6 + d7) + (d8 + d9 + d10 + d11)
  #endif
  return total.sum()
}
