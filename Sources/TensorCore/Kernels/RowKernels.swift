// LayoutLab — row-wise kernels: softmax, LayerNorm, GELU (forward and backward).

import Foundation

/// Softmax over each row of a `[rows, cols]` matrix, with an optional additive mask.
///
/// Row `r` adds mask row `r / rowsPerMaskRow` (each mask row has `cols` entries) before the
/// softmax. `output` may alias `input`.
public func softmaxRows(
  _ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, rows: Int, cols: Int,
  mask: UnsafePointer<Float>? = nil, rowsPerMaskRow: Int = 1
) {
  for r in 0..<rows {
    let x = input + r * cols
    let y = output + r * cols
    let m = mask.map { $0 + (r / rowsPerMaskRow) * cols }
    var maxValue = -Float.infinity
    for j in 0..<cols { maxValue = max(maxValue, x[j] + (m?[j] ?? 0)) }
    var sum: Float = 0
    for j in 0..<cols {
      let e = expf(x[j] + (m?[j] ?? 0) - maxValue)
      y[j] = e
      sum += e
    }
    let inv = 1 / sum
    for j in 0..<cols { y[j] *= inv }
  }
}

/// Gradient of softmax over rows: `dx = y ⊙ (dy − Σ dy⊙y)`, with `y` the softmax output.
/// `dx` may alias `dy`.
public func softmaxBackwardRows(
  output y: UnsafePointer<Float>, gradOutput dy: UnsafePointer<Float>,
  gradInput dx: UnsafeMutablePointer<Float>, rows: Int, cols: Int
) {
  for r in 0..<rows {
    let yr = y + r * cols
    let dyr = dy + r * cols
    let dxr = dx + r * cols
    var dot: Float = 0
    for j in 0..<cols { dot += yr[j] * dyr[j] }
    for j in 0..<cols { dxr[j] = yr[j] * (dyr[j] - dot) }
  }
}

/// LayerNorm over each row of `[rows, cols]`: `y = (x − μ) / sqrt(σ² + eps) · gamma + beta`.
///
/// Writes the per-row mean and reciprocal standard deviation to `mean` and `rstd` (`rows`
/// entries each) for the backward pass.
public func layerNormRows(
  _ x: UnsafePointer<Float>, gamma: UnsafePointer<Float>, beta: UnsafePointer<Float>,
  _ y: UnsafeMutablePointer<Float>, mean: UnsafeMutablePointer<Float>,
  rstd: UnsafeMutablePointer<Float>, rows: Int, cols: Int, eps: Float
) {
  for r in 0..<rows {
    let xr = x + r * cols
    var sum: Float = 0
    for j in 0..<cols { sum += xr[j] }
    let mu = sum / Float(cols)
    var sq: Float = 0
    for j in 0..<cols { sq += (xr[j] - mu) * (xr[j] - mu) }
    let rs = 1 / (sq / Float(cols) + eps).squareRoot()
    mean[r] = mu
    rstd[r] = rs
    for j in 0..<cols { y[r * cols + j] = (xr[j] - mu) * rs * gamma[j] + beta[j] }
  }
}

/// Backward of `layerNormRows`. Writes `dx` and ADDS into `dgamma` and `dbeta` (`cols` each).
public func layerNormBackwardRows(
  gradOutput dy: UnsafePointer<Float>, input x: UnsafePointer<Float>,
  mean: UnsafePointer<Float>, rstd: UnsafePointer<Float>, gamma: UnsafePointer<Float>,
  gradInput dx: UnsafeMutablePointer<Float>, gradGamma dgamma: UnsafeMutablePointer<Float>,
  gradBeta dbeta: UnsafeMutablePointer<Float>, rows: Int, cols: Int
) {
  for r in 0..<rows {
    let xr = x + r * cols
    let dyr = dy + r * cols
    let mu = mean[r]
    let rs = rstd[r]
    var sumG: Float = 0
    var sumGX: Float = 0
    for j in 0..<cols {
      let xhat = (xr[j] - mu) * rs
      let g = dyr[j] * gamma[j]
      sumG += g
      sumGX += g * xhat
      dgamma[j] += dyr[j] * xhat
      dbeta[j] += dyr[j]
    }
    let n = Float(cols)
    for j in 0..<cols {
      let xhat = (xr[j] - mu) * rs
      let g = dyr[j] * gamma[j]
      dx[r * cols + j] = rs * (g - sumG / n - xhat * sumGX / n)
    }
  }
}

/// GELU, exact erf form: `y = x · Φ(x) = 0.5 · x · (1 + erf(x / √2))`.
public func geluForward(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, count: Int) {
  for i in 0..<count { y[i] = 0.5 * x[i] * (1 + erff(x[i] * 0.70710678118654752)) }
}

/// Backward of exact GELU: `dx = dy · (Φ(x) + x · φ(x))`. `dx` may alias `dy`.
public func geluBackward(
  input x: UnsafePointer<Float>, gradOutput dy: UnsafePointer<Float>,
  gradInput dx: UnsafeMutablePointer<Float>, count: Int
) {
  for i in 0..<count {
    let v = x[i]
    let cdf = 0.5 * (1 + erff(v * 0.70710678118654752))
    let pdf = expf(-0.5 * v * v) * 0.3989422804014327
    dx[i] = dy[i] * (cdf + v * pdf)
  }
}
