// LayoutLab — single-precision GEMM on row-major matrices: blocking, edges and threading.
//
// Loop order jc → pc → pack B → ic → (jr → ir, or ir → jr) around the micro-kernel of this
// build's width (`GemmMicroKernel.swift`; `swift-performance.md` §4, §11). A is read in place (or
// packed when transposed, to avoid cache-set conflicts from a large stride); B is packed into
// kc × gemmNR panels.

/// How `gemmSerial` blocks the product for this build's register tile.
struct GemmBlocking {
  /// Columns of B per packed block.
  var nc: Int
  /// Depth (columns of A, rows of B) per pass.
  var kc: Int
  /// Rows of A per block.
  var mc: Int
  /// With true, one A micro-panel (gemmMR rows × kc) stays in L1 while every B panel of the
  /// block streams past it (ir → jr), so C is written row by row. With false, one B panel stays
  /// in L1 while the block's A rows stream past it (jr → ir).
  var aPanelOuter: Bool
}

#if LAYOUTLAB_SIMD512
  /// The 6×64 tile's blocking, measured on Zen 5 (`swift-performance.md` §4): a 64 KiB B panel
  /// in L1, A rows from L2; 92–97 % of peak.
  let gemmBlocking = GemmBlocking(nc: 4096, kc: 256, mc: 96, aPanelOuter: false)
#else
  /// The 6×16 tiles' blocking (AVX2, and NEON likewise): each broadcast A element feeds only 2
  /// (AVX2) vector FMAs, so the A micro-panel stays in L1 and B streams from L2/L3 in long
  /// sequential runs. Measured on Zen 3, 1 thread, 1024³, alternating in one process: 84
  /// GFLOP/s against 66 with the AVX-512 blocking; kc 512 against 256 added about 8 %.
  let gemmBlocking = GemmBlocking(nc: 4096, kc: 512, mc: 96, aPanelOuter: true)
#endif

/// Below this many multiply-adds a GEMM runs on the calling thread.
let gemmParallelThreshold = 1 << 17

/// Computes `C = alpha · op(A) · op(B) + beta · C` for row-major matrices.
///
/// `op(A)` is `[M, K]` and `op(B)` is `[K, N]`. With `transposeA`, `A` is stored `[K, M]` with
/// leading dimension `lda`; with `transposeB`, `B` is stored `[N, K]`. `C` is `[M, N]`. When `beta`
/// is 0, `C` is overwritten without being read (NaNs in it do not propagate).
/// The split of work across threads depends only on the shape and the thread count, so results
/// are bit-identical between runs at a fixed thread count (in fact every element is computed the
/// same way at any thread count).
public func gemm(
  transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float = 1,
  a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int, beta: Float = 0,
  c: UnsafeMutablePointer<Float>, ldc: Int, pool: ThreadPool = .shared
) {
  if m <= 0 || n <= 0 { return }
  let work = m.multipliedReportingOverflow(by: n).partialValue.multipliedReportingOverflow(
    by: max(k, 1)
  ).partialValue
  let threads = work < gemmParallelThreshold ? 1 : pool.threadCount
  let mBlocks = (m + gemmMR - 1) / gemmMR
  let nBlocks = (n + gemmNR - 1) / gemmNR
  let splitM = mBlocks >= 2 * threads || mBlocks >= nBlocks
  let parts = min(threads, splitM ? mBlocks : nBlocks)
  if parts <= 1 {
    gemmSerial(
      transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha, a: a,
      lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
    return
  }
  let blocks = splitM ? mBlocks : nBlocks
  let step = splitM ? gemmMR : gemmNR
  let total = splitM ? m : n
  pool.parallelFor(parts) { part in
    let start = min(total, (blocks * part / parts) * step)
    let end = min(total, (blocks * (part + 1) / parts) * step)
    if start >= end { return }
    if splitM {
      let aStart = transposeA ? a + start : a + start * lda
      gemmSerial(
        transposeA: transposeA, transposeB: transposeB, m: end - start, n: n, k: k,
        alpha: alpha, a: aStart, lda: lda, b: b, ldb: ldb, beta: beta, c: c + start * ldc,
        ldc: ldc)
    } else {
      let bStart = transposeB ? b + start * ldb : b + start
      gemmSerial(
        transposeA: transposeA, transposeB: transposeB, m: m, n: end - start, k: k,
        alpha: alpha, a: a, lda: lda, b: bStart, ldb: ldb, beta: beta, c: c + start, ldc: ldc)
    }
  }
}

/// Many independent GEMMs with the same shape: matrix `i` uses `a + i * strideA`,
/// `b + i * strideB` and `c + i * strideC` (strides in floats), otherwise as `gemm`.
///
/// Small matrices (such as attention's 32 × `[305, 64] · [64, 305]`), or many matrices, are
/// spread across the batch, one serial GEMM per matrix; a few large ones run one after another,
/// each on all threads. Every matrix is computed the same way either way.
public func batchedGemm(
  batchCount: Int, transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
  alpha: Float = 1, a: UnsafePointer<Float>, strideA: Int, lda: Int, b: UnsafePointer<Float>,
  strideB: Int, ldb: Int, beta: Float = 0, c: UnsafeMutablePointer<Float>, strideC: Int,
  ldc: Int, pool: ThreadPool = .shared
) {
  if batchCount <= 0 || m <= 0 || n <= 0 { return }
  let work = m.multipliedReportingOverflow(by: n).partialValue.multipliedReportingOverflow(
    by: max(k, 1)
  ).partialValue
  let acrossBatch =
    batchCount >= pool.threadCount && (work < (1 << 24) || batchCount >= 4 * pool.threadCount)
  if acrossBatch {
    pool.parallelFor(batchCount) { i in
      gemmSerial(
        transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha,
        a: a + i * strideA, lda: lda, b: b + i * strideB, ldb: ldb, beta: beta,
        c: c + i * strideC, ldc: ldc)
    }
  } else {
    for i in 0..<batchCount {
      gemm(
        transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha,
        a: a + i * strideA, lda: lda, b: b + i * strideB, ldb: ldb, beta: beta,
        c: c + i * strideC, ldc: ldc, pool: pool)
    }
  }
}

/// `C = beta · C` for an `[m, n]` block (zero when `beta == 0`, without reading `C`).
private func scaleMatrix(
  _ c: UnsafeMutablePointer<Float>, m: Int, n: Int, ldc: Int, beta: Float
) {
  if beta == 1 { return }
  for i in 0..<m {
    let row = c + i * ldc
    if beta == 0 {
      row.update(repeating: 0, count: n)
    } else {
      for j in 0..<n { row[j] *= beta }
    }
  }
}

/// The single-threaded blocked GEMM; same contract as `gemm`. `blocking` is this build's unless
/// a test asks for another.
func gemmSerial(
  transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float,
  a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int, beta: Float,
  c: UnsafeMutablePointer<Float>, ldc: Int, blocking: GemmBlocking = gemmBlocking
) {
  if m <= 0 || n <= 0 { return }
  if k <= 0 || alpha == 0 {
    scaleMatrix(c, m: m, n: n, ldc: ldc, beta: beta)
    return
  }
  let mr = gemmMR
  let nr = gemmNR
  let kcMax = min(blocking.kc, k)
  let ncMax = min(blocking.nc, n)
  let bPackCount = kcMax * ((ncMax + nr - 1) / nr) * nr
  // With the A micro-panel outer, only that panel must stay in cache, so a transposed A is
  // packed in one block of all `m` rows: each stored row of A is then read in one long run
  // (short runs a page apart defeat the prefetchers, and packing then costs a third of dW).
  let blockRows = blocking.aPanelOuter && transposeA ? m : blocking.mc
  let mcMax = min(blockRows, (m + mr - 1) / mr * mr)
  let aPackCount = transposeA ? kcMax * ((mcMax + mr - 1) / mr) * mr : 0
  let tileCount = mr * nr
  withScratch(bPackCount + aPackCount + tileCount) { scratch in
    let bPack = scratch
    let aPack = scratch + bPackCount
    let tile = aPack + aPackCount
    var jc = 0
    while jc < n {
      let nc = min(blocking.nc, n - jc)
      var pc = 0
      while pc < k {
        let kc = min(blocking.kc, k - pc)
        let betaNow = pc == 0 ? beta : 1
        packGemmB(b, ldb: ldb, transposed: transposeB, p0: pc, j0: jc, kc: kc, nc: nc, into: bPack)
        var ic = 0
        while ic < m {
          let mc = min(blockRows, m - ic)
          if transposeA {
            packGemmTransposedA(a, lda: lda, i0: ic, p0: pc, mc: mc, kc: kc, into: aPack)
          }
          /// One `mr × nr` tile of C at rows `ic + ir`, columns `jc + jr`.
          @inline(__always) func computeTile(ir: Int, jr: Int) {
            let mrNow = min(mr, mc - ir)
            let nrNow = min(nr, nc - jr)
            let bPanel = UnsafePointer(bPack + (jr / nr) * kc * nr)
            // Row pointers of A for this tile; rows past the edge repeat the last valid row
            // (their results land in the discarded part of the tile).
            let rows: GemmRows
            let kStride: Int
            if transposeA {
              let panel = UnsafePointer(aPack + (ir / mr) * kc * mr)
              rows = (panel, panel + 1, panel + 2, panel + 3, panel + 4, panel + 5)
              kStride = mr
            } else {
              let first = a + (ic + ir) * lda + pc
              let last = mrNow - 1
              rows = (
                first, first + min(1, last) * lda, first + min(2, last) * lda,
                first + min(3, last) * lda, first + min(4, last) * lda, first + last * lda
              )
              kStride = 1
            }
            let cTile = c + (ic + ir) * ldc + jc + jr
            if mrNow == mr && nrNow == nr {
              gemmMicroKernel(
                kc: kc, rows: rows, kStride: kStride, bPanel: bPanel, c: cTile, ldc: ldc,
                alpha: alpha, beta: betaNow)
            } else {
              gemmMicroKernel(
                kc: kc, rows: rows, kStride: kStride, bPanel: bPanel, c: tile, ldc: nr,
                alpha: 1, beta: 0)
              mergeGemmTile(
                tile, rows: mrNow, cols: nrNow, into: cTile, ldc: ldc, alpha: alpha,
                beta: betaNow)
            }
          }
          if blocking.aPanelOuter {
            for ir in stride(from: 0, to: mc, by: mr) {
              for jr in stride(from: 0, to: nc, by: nr) { computeTile(ir: ir, jr: jr) }
            }
          } else {
            for jr in stride(from: 0, to: nc, by: nr) {
              for ir in stride(from: 0, to: mc, by: mr) { computeTile(ir: ir, jr: jr) }
            }
          }
          ic += mc
        }
        pc += kc
      }
      jc += nc
    }
  }
}

/// Writes the valid `rows × cols` corner of a `[gemmMR, gemmNR]` tile into `C` as
/// `alpha · tile + beta · C`, with the same rounding as the micro-kernel's own store.
private func mergeGemmTile(
  _ tile: UnsafeMutablePointer<Float>, rows: Int, cols: Int, into c: UnsafeMutablePointer<Float>,
  ldc: Int, alpha: Float, beta: Float
) {
  for r in 0..<rows {
    let src = tile + r * gemmNR
    let dst = c + r * ldc
    if beta == 0 {
      for j in 0..<cols { dst[j] = src[j] * alpha }
    } else {
      for j in 0..<cols { dst[j] = (src[j] * alpha).addingProduct(dst[j], beta) }
    }
  }
}
