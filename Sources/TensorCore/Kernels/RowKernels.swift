// LayoutLab — row-wise kernels: softmax, LayerNorm, GELU (forward and backward), SIMD16.
//
// Every kernel splits its rows (or elements) into contiguous ranges over the pool; each row is
// computed the same way whatever the split, so results do not depend on the thread count.

/// Softmax over each row of a `[rows, cols]` matrix, with an optional additive mask.
///
/// Row `r` adds mask row `r / rowsPerMaskRow` (each mask row has `cols` entries) before the
/// softmax. `output` may alias `input`.
public func softmaxRows(
  _ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, rows: Int, cols: Int,
  mask: UnsafePointer<Float>? = nil, rowsPerMaskRow: Int = 1, pool: ThreadPool = .shared
) {
  if rows <= 0 || cols <= 0 { return }
  let perMask = max(1, rowsPerMaskRow)
  forEachRange(rows, work: rows * cols, pool: pool) { range in
    for r in range {
      softmaxRow(
        input + r * cols, output + r * cols, cols: cols,
        mask: mask.map { $0 + (r / perMask) * cols })
    }
  }
}

@inline(always)
private func softmaxRow(
  _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, cols: Int,
  mask: UnsafePointer<Float>?
) {
  let full = cols & ~15
  let rest = cols - full
  @inline(always) func logits(_ j: Int) -> Float16x {
    let v = load16(x + j)
    if let mask { return v + load16(mask + j) }
    return v
  }
  @inline(always) func tailLogits() -> Float16x {
    let v = loadPartial(x + full, rest, fill: -.infinity)
    if let mask { return v + loadPartial(mask + full, rest, fill: 0) }
    return v
  }
  var max0 = Float16x(repeating: -.infinity)
  var max1 = max0
  var j = 0
  while j + 32 <= full {
    let a = logits(j)
    let b = logits(j + 16)
    max0 = max0.replacing(with: a, where: a .> max0)
    max1 = max1.replacing(with: b, where: b .> max1)
    j += 32
  }
  if j < full {
    let a = logits(j)
    max0 = max0.replacing(with: a, where: a .> max0)
  }
  if rest > 0 {
    let a = tailLogits()
    max1 = max1.replacing(with: a, where: a .> max1)
  }
  max0 = max0.replacing(with: max1, where: max1 .> max0)
  var rowMax = max0[0]
  for lane in 1..<16 where max0[lane] > rowMax { rowMax = max0[lane] }
  let maxV = Float16x(repeating: rowMax)
  var sum0 = Float16x()
  var sum1 = Float16x()
  j = 0
  while j + 32 <= full {
    let e0 = vectorExp(logits(j) - maxV)
    let e1 = vectorExp(logits(j + 16) - maxV)
    store16(e0, y + j)
    store16(e1, y + j + 16)
    sum0 += e0
    sum1 += e1
    j += 32
  }
  if j < full {
    let e0 = vectorExp(logits(j) - maxV)
    store16(e0, y + j)
    sum0 += e0
  }
  if rest > 0 {
    let e1 = vectorExp(tailLogits() - maxV)
    storePartial(e1, y + full, rest)
    sum1 += e1
  }
  let inv = Float16x(repeating: 1 / (sum0 + sum1).sum())
  j = 0
  while j < full {
    store16(load16(y + j) * inv, y + j)
    j += 16
  }
  for t in full..<cols { y[t] *= inv[0] }
}

/// Gradient of softmax over rows: `dx = y ⊙ (dy − Σ dy⊙y)`, with `y` the softmax output.
/// `dx` may alias `dy`.
public func softmaxBackwardRows(
  output y: UnsafePointer<Float>, gradOutput dy: UnsafePointer<Float>,
  gradInput dx: UnsafeMutablePointer<Float>, rows: Int, cols: Int, pool: ThreadPool = .shared
) {
  if rows <= 0 || cols <= 0 { return }
  let full = cols & ~15
  forEachRange(rows, work: rows * cols, pool: pool) { range in
    for r in range {
      let yr = y + r * cols
      let dyr = dy + r * cols
      let dxr = dx + r * cols
      var dot0 = Float16x()
      var dot1 = Float16x()
      var j = 0
      while j + 32 <= full {
        dot0 = dot0.addingProduct(load16(yr + j), load16(dyr + j))
        dot1 = dot1.addingProduct(load16(yr + j + 16), load16(dyr + j + 16))
        j += 32
      }
      if j < full { dot0 = dot0.addingProduct(load16(yr + j), load16(dyr + j)) }
      var dot = (dot0 + dot1).sum()
      for t in full..<cols { dot = dot.addingProduct(yr[t], dyr[t]) }
      let dotV = Float16x(repeating: dot)
      j = 0
      while j < full {
        store16(load16(yr + j) * (load16(dyr + j) - dotV), dxr + j)
        j += 16
      }
      for t in full..<cols { dxr[t] = yr[t] * (dyr[t] - dot) }
    }
  }
}

/// GELU, exact erf form: `y = x · Φ(x) = 0.5 · x · (1 + erf(x / √2))`. `y` may alias `x`.
public func geluForward(
  _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, count: Int,
  pool: ThreadPool = .shared
) {
  let blocks = (count + 15) / 16
  forEachRange(blocks, work: count, pool: pool) { range in
    for block in range {
      let i = block * 16
      if i + 16 <= count {
        let v = load16(x + i)
        store16(v * vectorNormalCDF(v), y + i)
      } else {
        let v = loadPartial(x + i, count - i, fill: 0)
        storePartial(v * vectorNormalCDF(v), y + i, count - i)
      }
    }
  }
}

/// Backward of exact GELU: `dx = dy · (Φ(x) + x · φ(x))`. `dx` may alias `dy`.
public func geluBackward(
  input x: UnsafePointer<Float>, gradOutput dy: UnsafePointer<Float>,
  gradInput dx: UnsafeMutablePointer<Float>, count: Int, pool: ThreadPool = .shared
) {
  @inline(always) func derivative(_ v: Float16x) -> Float16x {
    let pdf = vectorExp(Float16x(repeating: -0.5) * v * v) * Float16x(repeating: 0.398_942_280_4)
    return vectorNormalCDF(v).addingProduct(v, pdf)
  }
  let blocks = (count + 15) / 16
  forEachRange(blocks, work: count, pool: pool) { range in
    for block in range {
      let i = block * 16
      if i + 16 <= count {
        store16(load16(dy + i) * derivative(load16(x + i)), dx + i)
      } else {
        let n = count - i
        let g = loadPartial(dy + i, n, fill: 0) * derivative(loadPartial(x + i, n, fill: 0))
        storePartial(g, dx + i, n)
      }
    }
  }
}
