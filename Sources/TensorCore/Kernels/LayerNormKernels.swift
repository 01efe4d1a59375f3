// LayoutLab — LayerNorm over rows, forward and backward, SIMD16.

/// Rows per partial sum of `dgamma`/`dbeta`: partials are combined in row order, so the result
/// does not depend on the thread count.
let layerNormChunkRows = 32

/// LayerNorm over each row of `[rows, cols]`: `y = (x − μ) / sqrt(σ² + eps) · gamma + beta`.
///
/// Writes the per-row mean and reciprocal standard deviation to `mean` and `rstd` (`rows`
/// entries each) for the backward pass. `σ²` is the biased variance, as in PyTorch.
public func layerNormRows(
  _ x: UnsafePointer<Float>, gamma: UnsafePointer<Float>, beta: UnsafePointer<Float>,
  _ y: UnsafeMutablePointer<Float>, mean: UnsafeMutablePointer<Float>,
  rstd: UnsafeMutablePointer<Float>, rows: Int, cols: Int, eps: Float, pool: ThreadPool = .shared
) {
  if rows <= 0 || cols <= 0 { return }
  let full = cols & ~15
  let n = Float(cols)
  forEachRange(rows, work: rows * cols, pool: pool) { range in
    for r in range {
      let xr = x + r * cols
      let yr = y + r * cols
      var s0 = Float16x()
      var s1 = Float16x()
      var j = 0
      while j + 32 <= full {
        s0 += load16(xr + j)
        s1 += load16(xr + j + 16)
        j += 32
      }
      if j < full { s0 += load16(xr + j) }
      var sum = (s0 + s1).sum()
      for t in full..<cols { sum += xr[t] }
      let mu = sum / n
      let muV = Float16x(repeating: mu)
      s0 = Float16x()
      s1 = Float16x()
      j = 0
      while j + 32 <= full {
        let d0 = load16(xr + j) - muV
        let d1 = load16(xr + j + 16) - muV
        s0 = s0.addingProduct(d0, d0)
        s1 = s1.addingProduct(d1, d1)
        j += 32
      }
      if j < full {
        let d0 = load16(xr + j) - muV
        s0 = s0.addingProduct(d0, d0)
      }
      var squares = (s0 + s1).sum()
      for t in full..<cols { squares = squares.addingProduct(xr[t] - mu, xr[t] - mu) }
      let rs = 1 / (squares / n + eps).squareRoot()
      mean[r] = mu
      rstd[r] = rs
      let rsV = Float16x(repeating: rs)
      j = 0
      while j < full {
        let xhat = (load16(xr + j) - muV) * rsV
        store16(load16(beta + j).addingProduct(xhat, load16(gamma + j)), yr + j)
        j += 16
      }
      for t in full..<cols { yr[t] = beta[t].addingProduct((xr[t] - mu) * rs, gamma[t]) }
    }
  }
}

/// Backward of `layerNormRows`. Writes `dx` and ADDS into `dgamma` and `dbeta` (`cols` each).
///
/// `dgamma`/`dbeta` are summed per chunk of `layerNormChunkRows` rows, then the chunks are added
/// in order, so the result is the same at every thread count.
public func layerNormBackwardRows(
  gradOutput dy: UnsafePointer<Float>, input x: UnsafePointer<Float>,
  mean: UnsafePointer<Float>, rstd: UnsafePointer<Float>, gamma: UnsafePointer<Float>,
  gradInput dx: UnsafeMutablePointer<Float>, gradGamma dgamma: UnsafeMutablePointer<Float>,
  gradBeta dbeta: UnsafeMutablePointer<Float>, rows: Int, cols: Int, pool: ThreadPool = .shared
) {
  if rows <= 0 || cols <= 0 { return }
  let chunks = (rows + layerNormChunkRows - 1) / layerNormChunkRows
  withScratch(chunks * 2 * cols) { partials in
    forEachRange(chunks, work: rows * cols, pool: pool) { range in
      for chunk in range {
        let pGamma = partials + chunk * 2 * cols
        let pBeta = pGamma + cols
        pGamma.update(repeating: 0, count: 2 * cols)
        let first = chunk * layerNormChunkRows
        for r in first..<min(rows, first + layerNormChunkRows) {
          layerNormBackwardRow(
            dy: dy + r * cols, x: x + r * cols, mean: mean[r], rstd: rstd[r], gamma: gamma,
            dx: dx + r * cols, partialGamma: pGamma, partialBeta: pBeta, cols: cols)
        }
      }
    }
    // Fixed-order reduction of the chunk partials, split over columns.
    let full = cols & ~15
    for chunk in 0..<chunks {
      let pGamma = partials + chunk * 2 * cols
      let pBeta = pGamma + cols
      var j = 0
      while j < full {
        store16(load16(dgamma + j) + load16(pGamma + j), dgamma + j)
        store16(load16(dbeta + j) + load16(pBeta + j), dbeta + j)
        j += 16
      }
      for t in full..<cols {
        dgamma[t] += pGamma[t]
        dbeta[t] += pBeta[t]
      }
    }
  }
}

@inline(always)
private func layerNormBackwardRow(
  dy: UnsafePointer<Float>, x: UnsafePointer<Float>, mean: Float, rstd: Float,
  gamma: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>,
  partialGamma: UnsafeMutablePointer<Float>, partialBeta: UnsafeMutablePointer<Float>, cols: Int
) {
  let full = cols & ~15
  let muV = Float16x(repeating: mean)
  let rsV = Float16x(repeating: rstd)
  var sumG = Float16x()
  var sumGX = Float16x()
  var j = 0
  while j < full {
    let d = load16(dy + j)
    let xhat = (load16(x + j) - muV) * rsV
    let g = d * load16(gamma + j)
    sumG += g
    sumGX = sumGX.addingProduct(g, xhat)
    store16(load16(partialGamma + j).addingProduct(d, xhat), partialGamma + j)
    store16(load16(partialBeta + j) + d, partialBeta + j)
    j += 16
  }
  var totalG = sumG.sum()
  var totalGX = sumGX.sum()
  for t in full..<cols {
    let xhat = (x[t] - mean) * rstd
    let g = dy[t] * gamma[t]
    totalG += g
    totalGX = totalGX.addingProduct(g, xhat)
    partialGamma[t] = partialGamma[t].addingProduct(dy[t], xhat)
    partialBeta[t] += dy[t]
  }
  let n = Float(cols)
  let meanG = Float16x(repeating: totalG / n)
  let meanGX = Float16x(repeating: totalGX / n)
  j = 0
  while j < full {
    let xhat = (load16(x + j) - muV) * rsV
    let g = load16(dy + j) * load16(gamma + j)
    store16(rsV * (g - meanG - xhat * meanGX), dx + j)
    j += 16
  }
  for t in full..<cols {
    let xhat = (x[t] - mean) * rstd
    let g = dy[t] * gamma[t]
    dx[t] = rstd * (g - totalG / n - xhat * totalGX / n)
  }
}
