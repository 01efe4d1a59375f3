import XCTest

@testable import TensorCore

final class GemmTests: XCTestCase {
  /// `alpha · op(A) · op(B) + beta · C` in float64, from the same storage conventions as `gemm`.
  private func reference(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float, a: [Float],
    lda: Int, b: [Float], ldb: Int, beta: Float, c: [Float], ldc: Int
  ) -> [Float] {
    var out = c
    for i in 0..<m {
      for j in 0..<n {
        var sum = 0.0
        for p in 0..<k {
          let av = transposeA ? a[p * lda + i] : a[i * lda + p]
          let bv = transposeB ? b[j * ldb + p] : b[p * ldb + j]
          sum += Double(av) * Double(bv)
        }
        let old = beta == 0 ? 0 : Double(beta) * Double(c[i * ldc + j])
        out[i * ldc + j] = Float(Double(alpha) * sum + old)
      }
    }
    return out
  }

  private func run(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float, beta: Float,
    pad: Int, pool: ThreadPool = .shared, seed: UInt64 = 1, withReference: Bool = true
  ) -> (got: [Float], expected: [Float]) {
    var rng = TestRandom(seed: seed)
    let lda = (transposeA ? m : k) + pad
    let ldb = (transposeB ? k : n) + pad
    let ldc = n + pad
    let a = rng.floats((transposeA ? k : m) * lda + 1)
    let b = rng.floats((transposeB ? n : k) * ldb + 1)
    var c = rng.floats(m * ldc + 1)
    if beta == 0 && n > 0 {
      // NaNs must not propagate when beta is 0.
      for i in 0..<m { c[i * ldc] = .nan }
    }
    let expected =
      !withReference
      ? []
      : reference(
        transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha, a: a,
        lda: lda, b: b, ldb: ldb, beta: beta,
        c: c.map { $0.isNaN ? 0 : $0 }, ldc: ldc)
    a.withUnsafeBufferPointer { ap in
      b.withUnsafeBufferPointer { bp in
        c.withUnsafeMutableBufferPointer { cp in
          gemm(
            transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha,
            a: ap.baseAddress!, lda: lda, b: bp.baseAddress!, ldb: ldb, beta: beta,
            c: cp.baseAddress!, ldc: ldc, pool: pool)
        }
      }
    }
    return (c, expected)
  }

  func testAllTransposesOnOddShapesAgainstFloat64() {
    let shapes = [
      (1, 1, 1), (0, 5, 3), (5, 0, 3), (7, 5, 0), (1, 70, 3), (13, 1, 9), (6, 64, 256),
      (7, 65, 257), (97, 131, 300), (37, 200, 19), (200, 37, 513),
    ]
    for (m, n, k) in shapes {
      for transposeA in [false, true] {
        for transposeB in [false, true] {
          for (alpha, beta) in [(Float(1), Float(0)), (1, 1), (0.5, -2)] {
            let (got, expected) = run(
              transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha,
              beta: beta, pad: 3)
            let what = "m\(m) n\(n) k\(k) tA \(transposeA) tB \(transposeB) α\(alpha) β\(beta)"
            XCTAssertFalse(got.contains { $0.isNaN }, "\(what): NaN leaked from C")
            assertClose(got, expected, what)
          }
        }
      }
    }
  }

  func testPaddingOutsideTheMatrixIsUntouched() {
    let m = 9
    let n = 70
    let ldc = n + 5
    let a = [Float](repeating: 1, count: m * 4)
    let b = [Float](repeating: 2, count: 4 * n)
    var c = [Float](repeating: 7, count: m * ldc)
    gemm(
      transposeA: false, transposeB: false, m: m, n: n, k: 4, a: a, lda: 4, b: b, ldb: n, c: &c,
      ldc: ldc)
    for i in 0..<m {
      for j in 0..<ldc {
        XCTAssertEqual(c[i * ldc + j], j < n ? 8 : 7, "C[\(i), \(j)]")
      }
    }
  }

  func testBitIdenticalAcrossRunsAndThreadCounts() {
    let single = ThreadPool(threadCount: 1)
    let triple = ThreadPool(threadCount: 3)
    for (transposeA, transposeB) in [(false, false), (true, false), (false, true)] {
      let first = run(
        transposeA: transposeA, transposeB: transposeB, m: 301, n: 203, k: 517, alpha: 1,
        beta: 1, pad: 1)
      let again = run(
        transposeA: transposeA, transposeB: transposeB, m: 301, n: 203, k: 517, alpha: 1,
        beta: 1, pad: 1, withReference: false)
      let one = run(
        transposeA: transposeA, transposeB: transposeB, m: 301, n: 203, k: 517, alpha: 1,
        beta: 1, pad: 1, pool: single, withReference: false)
      let three = run(
        transposeA: transposeA, transposeB: transposeB, m: 301, n: 203, k: 517, alpha: 1,
        beta: 1, pad: 1, pool: triple, withReference: false)
      XCTAssertEqual(bits(first.got), bits(again.got))
      XCTAssertEqual(bits(first.got), bits(one.got))
      XCTAssertEqual(bits(first.got), bits(three.got))
      assertClose(first.got, first.expected, "301×203×517")
    }
  }

  func testBatchedGemmMatchesPerMatrixGemm() {
    var rng = TestRandom(seed: 9)
    // Five small matrices (spread across the batch) and one larger one (parallel GEMM).
    for (batch, m, n, k) in [(5, 33, 41, 16), (1, 70, 130, 40)] {
      let a = rng.floats(batch * m * k)
      let b = rng.floats(batch * n * k)
      var c = [Float](repeating: 0, count: batch * m * n)
      batchedGemm(
        batchCount: batch, transposeA: false, transposeB: true, m: m, n: n, k: k, alpha: 0.25,
        a: a, strideA: m * k, lda: k, b: b, strideB: n * k, ldb: k, c: &c, strideC: m * n,
        ldc: n)
      for i in 0..<batch {
        let expected = reference(
          transposeA: false, transposeB: true, m: m, n: n, k: k, alpha: 0.25,
          a: Array(a[(i * m * k)..<((i + 1) * m * k)]), lda: k,
          b: Array(b[(i * n * k)..<((i + 1) * n * k)]), ldb: k, beta: 0,
          c: [Float](repeating: 0, count: m * n), ldc: n)
        assertClose(Array(c[(i * m * n)..<((i + 1) * m * n)]), expected, "batch \(i) of \(batch)")
      }
    }
  }

  func testEveryBlockingAndBothMicroKernelsAgainstFloat64() {
    // Both loop orders (this build uses one) with small blocks, so that every shape crosses
    // several kc, mc and nc boundaries.
    var rng = TestRandom(seed: 21)
    for aPanelOuter in [false, true] {
      let blocking = GemmBlocking(nc: 2 * gemmNR, kc: 16, mc: 2 * gemmMR, aPanelOuter: aPanelOuter)
      for (m, n, k) in [(13, 3 * gemmNR + 5, 37), (25, 17, 50)] {
        for transposeA in [false, true] {
          for transposeB in [false, true] {
            let lda = transposeA ? m : k
            let ldb = transposeB ? k : n
            let a = rng.floats(m * k)
            let b = rng.floats(k * n)
            var c = rng.floats(m * n)
            let expected = reference(
              transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: 0.5,
              a: a, lda: lda, b: b, ldb: ldb, beta: 2, c: c, ldc: n)
            gemmSerial(
              transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: 0.5,
              a: a, lda: lda, b: b, ldb: ldb, beta: 2, c: &c, ldc: n, blocking: blocking)
            assertClose(
              c, expected,
              "blocking \(blocking) m\(m) n\(n) k\(k) tA \(transposeA) tB \(transposeB)")
          }
        }
      }
    }
    // Each generated micro-kernel, whichever one this build's width uses, on one full tile.
    for (name, vectors) in [("6×2 vectors", 2), ("6×4 vectors", 4)] {
      let nr = vectors * vectorLanes
      let kc = 29
      let a = rng.floats(gemmMR * kc)
      let panel = rng.floats(kc * nr)
      var c = rng.floats(gemmMR * nr)
      let expected = reference(
        transposeA: false, transposeB: false, m: gemmMR, n: nr, k: kc, alpha: 1.5, a: a, lda: kc,
        b: panel, ldb: nr, beta: -1, c: c, ldc: nr)
      a.withUnsafeBufferPointer { ap in
        let p = ap.baseAddress!
        let rows: GemmRows = (p, p + kc, p + 2 * kc, p + 3 * kc, p + 4 * kc, p + 5 * kc)
        c.withUnsafeMutableBufferPointer { cp in
          if vectors == 2 {
            gemmMicroKernel6x2v(
              kc: kc, aR0: rows.0, aR1: rows.1, aR2: rows.2, aR3: rows.3, aR4: rows.4,
              aR5: rows.5, kStride: 1, bPanel: panel, c: cp.baseAddress!, ldc: nr, alpha: 1.5,
              beta: -1)
          } else {
            gemmMicroKernel6x4v(
              kc: kc, aR0: rows.0, aR1: rows.1, aR2: rows.2, aR3: rows.3, aR4: rows.4,
              aR5: rows.5, kStride: 1, bPanel: panel, c: cp.baseAddress!, ldc: nr, alpha: 1.5,
              beta: -1)
          }
        }
      }
      assertClose(c, expected, name)
    }
  }
}
