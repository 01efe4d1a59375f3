// LayoutLab — packing GEMM operands into the panels the 6×64 micro-kernel reads.

/// Packs a `kc × nc` block of `op(B)` (rows `p0..<p0+kc`, columns `j0..<j0+nc`) into panels of
/// `gemmNR` columns: panel `q` is `[kc, gemmNR]` at `packed + q * kc * gemmNR`, zero-padded past
/// `nc`. With `transposed`, `B` is stored `[N, K]`.
func packGemmB(
  _ b: UnsafePointer<Float>, ldb: Int, transposed: Bool, p0: Int, j0: Int, kc: Int, nc: Int,
  into packed: UnsafeMutablePointer<Float>
) {
  typealias V = SIMD16<Float>
  let nr = gemmNR
  var jStart = 0
  while jStart < nc {
    let width = min(nr, nc - jStart)
    let panel = packed + (jStart / nr) * kc * nr
    if !transposed && width == nr {
      for p in 0..<kc {
        let src = UnsafeRawPointer(b + (p0 + p) * ldb + j0 + jStart)
        let dst = UnsafeMutableRawPointer(panel + p * nr)
        for v in 0..<4 {
          dst.storeBytes(
            of: src.loadUnaligned(fromByteOffset: 64 * v, as: V.self), toByteOffset: 64 * v,
            as: V.self)
        }
      }
    } else if !transposed {
      for p in 0..<kc {
        let src = b + (p0 + p) * ldb + j0 + jStart
        let dst = panel + p * nr
        for j in 0..<width { dst[j] = src[j] }
        for j in width..<nr { dst[j] = 0 }
      }
    } else {
      // B is [N, K]. Read 16 consecutive k of one row with a vector load, scatter the lanes
      // down a 16 × 64 slab of the panel (which stays in L1); gathering one k at a time from
      // rows `ldb` apart would thrash an L1 set when `ldb` is a multiple of 1024.
      var p = 0
      while p < kc {
        let depth = min(16, kc - p)
        let slab = panel + p * nr
        for j in 0..<width {
          let src = b + (j0 + jStart + j) * ldb + p0 + p
          if depth == 16 {
            let v = load16(src)
            for i in 0..<16 { slab[i * nr + j] = v[i] }
          } else {
            for i in 0..<depth { slab[i * nr + j] = src[i] }
          }
        }
        if width < nr {
          for i in 0..<depth {
            for j in width..<nr { slab[i * nr + j] = 0 }
          }
        }
        p += 16
      }
    }
    jStart += nr
  }
}

/// Packs an `mc × kc` block of `op(A)` stored transposed (`A` is `[K, M]`, rows `i0..<i0+mc` of
/// `op(A)`, columns `p0..<p0+kc`) into panels of `gemmMR` rows: panel `q` is `[kc, gemmMR]` at
/// `packed + q * kc * gemmMR`, zero-padded past `mc`.
func packGemmTransposedA(
  _ a: UnsafePointer<Float>, lda: Int, i0: Int, p0: Int, mc: Int, kc: Int,
  into packed: UnsafeMutablePointer<Float>
) {
  let mr = gemmMR
  let panels = (mc + mr - 1) / mr
  for q in 0..<panels {
    let panel = packed + q * kc * mr
    let rows = min(mr, mc - q * mr)
    for p in 0..<kc {
      let src = a + (p0 + p) * lda + i0 + q * mr
      let dst = panel + p * mr
      for r in 0..<rows { dst[r] = src[r] }
      for r in rows..<mr { dst[r] = 0 }
    }
  }
}
