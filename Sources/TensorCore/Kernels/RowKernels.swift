// LayoutLab — row-wise kernels: softmax, LayerNorm, GELU (forward and backward), at the compiled vector width.
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
      if let mask {
        maskedSoftmaxRow(
          input + r * cols, output + r * cols, cols: cols, mask: mask + (r / perMask) * cols)
      } else {
        unmaskedSoftmaxRow(input + r * cols, output + r * cols, cols: cols)
      }
    }
  }
}

/// `softmaxRow` with a mask, as its own function: the compiler specialises the row body for it
/// (and keeps its vector loads inline, which it does not in one function with both cases).
@inline(never)
private func maskedSoftmaxRow(
  _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, cols: Int,
  mask: UnsafePointer<Float>
) {
  softmaxRow(x, y, cols: cols, mask: mask)
}

/// `softmaxRow` without a mask (see `maskedSoftmaxRow`).
@inline(never)
private func unmaskedSoftmaxRow(
  _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, cols: Int
) {
  softmaxRow(x, y, cols: cols, mask: nil)
}

@inline(always)
private func softmaxRow(
  _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, cols: Int,
  mask: UnsafePointer<Float>?
) {
  let full = wholeVectors(cols)
  let rest = cols - full
  @inline(always) func logits(_ j: Int) -> FloatVector {
    let v = loadVector(x + j)
    if let mask { return v + loadVector(mask + j) }
    return v
  }
  @inline(always) func tailLogits() -> FloatVector {
    let v = loadPartial(x + full, rest, fill: -.infinity)
    if let mask { return v + loadPartial(mask + full, rest, fill: 0) }
    return v
  }
  var max0 = FloatVector(repeating: -.infinity)
  var max1 = max0
  var j = 0
  while j + 2 * vectorLanes <= full {
    let a = logits(j)
    let b = logits(j + vectorLanes)
    max0 = max0.replacing(with: a, where: a .> max0)
    max1 = max1.replacing(with: b, where: b .> max1)
    j += 2 * vectorLanes
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
  let rowMax = laneMaximum(max0)
  let maxV = FloatVector(repeating: rowMax)
  var sum0 = FloatVector()
  var sum1 = FloatVector()
  j = 0
  // Two independent exponentials per step (more spill registers on AVX2's 16).
  while j &+ 2 &* vectorLanes <= full {
    let j1 = j &+ vectorLanes
    let e0 = vectorExpNonPositive(logits(j) - maxV)
    let e1 = vectorExpNonPositive(logits(j1) - maxV)
    storeVector(e0, y + j)
    storeVector(e1, y + j1)
    sum0 += e0
    sum1 += e1
    j &+= 2 &* vectorLanes
  }
  if j < full {
    let e0 = vectorExpNonPositive(logits(j) - maxV)
    storeVector(e0, y + j)
    sum0 += e0
  }
  if rest > 0 {
    let e1 = vectorExpNonPositive(tailLogits() - maxV)
    storePartial(e1, y + full, rest)
    sum1 += e1
  }
  let inv = FloatVector(repeating: 1 / (sum0 + sum1).sum())
  j = 0
  while j < full {
    storeVector(loadVector(y + j) * inv, y + j)
    j += vectorLanes
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
  let full = wholeVectors(cols)
  forEachRange(rows, work: rows * cols, pool: pool) { range in
    for r in range {
      let yr = y + r * cols
      let dyr = dy + r * cols
      let dxr = dx + r * cols
      var dot0 = FloatVector()
      var dot1 = FloatVector()
      var j = 0
      while j + 2 * vectorLanes <= full {
        dot0 = dot0.addingProduct(loadVector(yr + j), loadVector(dyr + j))
        dot1 = dot1.addingProduct(
          loadVector(yr + j + vectorLanes), loadVector(dyr + j + vectorLanes))
        j += 2 * vectorLanes
      }
      if j < full { dot0 = dot0.addingProduct(loadVector(yr + j), loadVector(dyr + j)) }
      var dot = (dot0 + dot1).sum()
      for t in full..<cols { dot = dot.addingProduct(yr[t], dyr[t]) }
      let dotV = FloatVector(repeating: dot)
      j = 0
      while j < full {
        storeVector(loadVector(yr + j) * (loadVector(dyr + j) - dotV), dxr + j)
        j += vectorLanes
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
  @inline(always) func gelu(_ v: FloatVector) -> FloatVector { v * vectorNormalCDF(v) }
  let blocks = (count + vectorLanes - 1) / vectorLanes
  forEachRange(blocks, work: count, pool: pool) { range in
    var i = range.lowerBound &* vectorLanes
    let end = min(count, range.upperBound &* vectorLanes)
    // Four independent vectors per step: one erf is a long dependency chain.
    while i &+ 4 &* vectorLanes <= end {
      let (p0, p1, p2, p3) = (i, i &+ vectorLanes, i &+ 2 &* vectorLanes, i &+ 3 &* vectorLanes)
      let (v0, v1, v2, v3) = (
        loadVector(x + p0), loadVector(x + p1), loadVector(x + p2), loadVector(x + p3)
      )
      storeVector(gelu(v0), y + p0)
      storeVector(gelu(v1), y + p1)
      storeVector(gelu(v2), y + p2)
      storeVector(gelu(v3), y + p3)
      i &+= 4 &* vectorLanes
    }
    while i &+ vectorLanes <= end {
      storeVector(gelu(loadVector(x + i)), y + i)
      i &+= vectorLanes
    }
    if i < end { storePartial(gelu(loadPartial(x + i, end - i, fill: 0)), y + i, end - i) }
  }
}

/// Backward of exact GELU: `dx = dy · (Φ(x) + x · φ(x))`. `dx` may alias `dy`.
public func geluBackward(
  input x: UnsafePointer<Float>, gradOutput dy: UnsafePointer<Float>,
  gradInput dx: UnsafeMutablePointer<Float>, count: Int, pool: ThreadPool = .shared
) {
  @inline(always) func derivative(_ v: FloatVector) -> FloatVector {
    let pdf =
      vectorExpNonPositive(FloatVector(repeating: -0.5) * v * v)
      * FloatVector(repeating: 0.398_942_280_4)
    return vectorNormalCDF(v).addingProduct(v, pdf)
  }
  let blocks = (count + vectorLanes - 1) / vectorLanes
  forEachRange(blocks, work: count, pool: pool) { range in
    var i = range.lowerBound &* vectorLanes
    let end = min(count, range.upperBound &* vectorLanes)
    while i &+ 2 &* vectorLanes <= end {
      let (p0, p1) = (i, i &+ vectorLanes)
      let d0 = derivative(loadVector(x + p0))
      let d1 = derivative(loadVector(x + p1))
      storeVector(loadVector(dy + p0) * d0, dx + p0)
      storeVector(loadVector(dy + p1) * d1, dx + p1)
      i &+= 2 &* vectorLanes
    }
    while i &+ vectorLanes <= end {
      storeVector(loadVector(dy + i) * derivative(loadVector(x + i)), dx + i)
      i &+= vectorLanes
    }
    if i < end {
      let n = end - i
      let g = loadPartial(dy + i, n, fill: 0) * derivative(loadPartial(x + i, n, fill: 0))
      storePartial(g, dx + i, n)
    }
  }
}
