// LayoutLab — packing GEMM operands into the panels the micro-kernel reads.

/// Packs a `kc × nc` block of `op(B)` (rows `p0..<p0+kc`, columns `j0..<j0+nc`) into panels of
/// `gemmNR` columns: panel `q` is `[kc, gemmNR]` at `packed + q * kc * gemmNR`, zero-padded past
/// `nc`. With `transposed`, `B` is stored `[N, K]`.
func packGemmB(
  _ b: UnsafePointer<Float>, ldb: Int, transposed: Bool, p0: Int, j0: Int, kc: Int, nc: Int,
  into packed: UnsafeMutablePointer<Float>
) {
  let nr = gemmNR
  if !transposed {
    // Row by row: each row of B is read once, front to back, and written to one line of every
    // panel (the panels' write streams advance together). Walking one panel down the rows
    // instead reads B with a stride of `ldb`, a new page every row.
    let fullPanels = nc / nr
    for p in 0..<kc {
      let src = b + (p0 + p) * ldb + j0
      let dst = packed + p * nr
      for q in 0..<fullPanels {
        for v in stride(from: 0, to: nr, by: vectorLanes) {
          storeVector(loadVector(src + q * nr + v), dst + q * kc * nr + v)
        }
      }
      let width = nc - fullPanels * nr
      if width > 0 {
        let srcTail = b + (p0 + p) * ldb + j0 + fullPanels * nr
        let dstTail = packed + fullPanels * kc * nr + p * nr
        for j in 0..<width { dstTail[j] = srcTail[j] }
        for j in width..<nr { dstTail[j] = 0 }
      }
    }
    return
  }
  var jStart = 0
  while jStart < nc {
    let width = min(nr, nc - jStart)
    let panel = packed + (jStart / nr) * kc * nr
    // B is [N, K]. Read one vector of consecutive k of one row, scatter the lanes down a
    // `vectorLanes × gemmNR` slab of the panel (which stays in L1); gathering one k at a time from
    // rows `ldb` apart would thrash an L1 set when `ldb` is a multiple of 1024.
    var p = 0
    while p < kc {
      let depth = min(vectorLanes, kc - p)
      let slab = panel + p * nr
      for j in 0..<width {
        let src = b + (j0 + jStart + j) * ldb + p0 + p
        if depth == vectorLanes {
          let v = loadVector(src)
          for i in 0..<vectorLanes { slab[i * nr + j] = v[i] }
        } else {
          for i in 0..<depth { slab[i * nr + j] = src[i] }
        }
      }
      if width < nr {
        for i in 0..<depth {
          for j in width..<nr { slab[i * nr + j] = 0 }
        }
      }
      p += vectorLanes
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
  // Row by row of the stored `[K, M]` matrix: each row is read front to back once.
  for p in 0..<kc {
    let src = a + (p0 + p) * lda + i0
    for q in 0..<panels {
      let dst = packed + q * kc * mr + p * mr
      let rows = min(mr, mc - q * mr)
      for r in 0..<rows { dst[r] = src[q * mr + r] }
      for r in rows..<mr { dst[r] = 0 }
    }
  }
}
