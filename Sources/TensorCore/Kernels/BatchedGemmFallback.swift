// LayoutLab — TEMPORARY batched GEMM until the kernels branch lands.

/// Runs `batchCount` products `C_i = alpha · op(A_i) · op(B_i) + beta · C_i`, where item `i`
/// starts at `a + i·strideA`, `b + i·strideB` and `c + i·strideC` (a stride of 0 shares one
/// operand across the batch).
public func batchedGemm(
  batchCount: Int, transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float = 1,
  a: UnsafePointer<Float>, strideA: Int, lda: Int, b: UnsafePointer<Float>, strideB: Int,
  ldb: Int, beta: Float = 0, c: UnsafeMutablePointer<Float>, strideC: Int, ldc: Int
) {
  for i in 0..<batchCount {
    gemm(
      transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha,
      a: a + i * strideA, lda: lda, b: b + i * strideB, ldb: ldb, beta: beta, c: c + i * strideC,
      ldc: ldc)
  }
}
