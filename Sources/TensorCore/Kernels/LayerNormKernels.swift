// LayoutLab — LayerNorm over rows, forward and backward, at the compiled vector width.

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
  let full = wholeVectors(cols)
  let n = Float(cols)
  forEachRange(rows, work: rows * cols, pool: pool) { range in
    for r in range {
      let xr = x + r * cols
      let yr = y + r * cols
      let mu = rowSum(xr, cols) / n
      let muV = FloatVector(repeating: mu)
      let squares = rowSumOfSquaredDeviations(xr, cols, mean: mu)
      let rs = 1 / (squares / n + eps).squareRoot()
      mean[r] = mu
      rstd[r] = rs
      let rsV = FloatVector(repeating: rs)
      var j = 0
      while j < full {
        let xhat = (loadVector(xr + j) - muV) * rsV
        storeVector(loadVector(beta + j).addingProduct(xhat, loadVector(gamma + j)), yr + j)
        j += vectorLanes
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
    let full = wholeVectors(cols)
    for chunk in 0..<chunks {
      let pGamma = partials + chunk * 2 * cols
      let pBeta = pGamma + cols
      var j = 0
      while j < full {
        storeVector(loadVector(dgamma + j) + loadVector(pGamma + j), dgamma + j)
        storeVector(loadVector(dbeta + j) + loadVector(pBeta + j), dbeta + j)
        j += vectorLanes
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
  let full = wholeVectors(cols)
  let muV = FloatVector(repeating: mean)
  let rsV = FloatVector(repeating: rstd)
  var sumG = FloatVector()
  var sumGX = FloatVector()
  var j = 0
  while j < full {
    let d = loadVector(dy + j)
    let xhat = (loadVector(x + j) - muV) * rsV
    let g = d * loadVector(gamma + j)
    sumG += g
    sumGX = sumGX.addingProduct(g, xhat)
    storeVector(loadVector(partialGamma + j).addingProduct(d, xhat), partialGamma + j)
    storeVector(loadVector(partialBeta + j) + d, partialBeta + j)
    j += vectorLanes
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
  let meanG = FloatVector(repeating: totalG / n)
  let meanGX = FloatVector(repeating: totalGX / n)
  j = 0
  while j < full {
    let xhat = (loadVector(x + j) - muV) * rsV
    let g = loadVector(dy + j) * loadVector(gamma + j)
    storeVector(rsV * (g - meanG - xhat * meanGX), dx + j)
    j += vectorLanes
  }
  for t in full..<cols {
    let xhat = (x[t] - mean) * rstd
    let g = dy[t] * gamma[t]
    dx[t] = rstd * (g - totalG / n - xhat * totalGX / n)
  }
}
