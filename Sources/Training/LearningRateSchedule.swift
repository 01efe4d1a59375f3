// LayoutLab — learning-rate schedules and gradient clipping.

import TensorCore

/// Linear warm-up from 0 to the peak rate, then linear decay to 0 (HF
/// `get_linear_schedule_with_warmup`).
public struct LinearWarmupDecay: Codable, Hashable, Sendable {
  public var peak: Float
  public var warmupSteps: Int
  public var totalSteps: Int

  /// Creates a schedule.
  public init(peak: Float, warmupSteps: Int, totalSteps: Int) {
    self.peak = peak
    self.warmupSteps = warmupSteps
    self.totalSteps = totalSteps
  }

  /// The rate for the update made at 0-based step `step`.
  public func rate(atStep step: Int) -> Float {
    if step < warmupSteps { return peak * Float(step + 1) / Float(max(warmupSteps, 1)) }
    let remaining = totalSteps - step
    let span = max(totalSteps - warmupSteps, 1)
    return peak * max(0, Float(remaining) / Float(span))
  }
}

/// Scales every gradient so their global L2 norm is at most `maxNorm`
/// (`torch.nn.utils.clip_grad_norm_`); returns the norm before clipping.
@discardableResult
public func clipGradientNorm(_ parameters: [Tensor], maxNorm: Float) -> Float {
  var total: Double = 0
  for parameter in parameters {
    guard let grad = parameter.grad else { continue }
    let g = grad.pointer
    for i in 0..<grad.count { total += Double(g[i]) * Double(g[i]) }
  }
  let norm = Float(total.squareRoot())
  let coefficient = maxNorm / (norm + 1e-6)
  if coefficient < 1 {
    for parameter in parameters {
      guard let grad = parameter.grad else { continue }
      let g = grad.pointer
      for i in 0..<grad.count { g[i] *= coefficient }
    }
  }
  return norm
}
