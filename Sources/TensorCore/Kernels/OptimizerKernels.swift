// LayoutLab — the AdamW parameter update, compiled at the numeric core's width.

/// The constants of one AdamW step (see `adamWUpdate`).
public struct AdamWStep: Sendable {
  /// `1 − lr · weightDecay` (1 for parameters without decay).
  public var decay: Float
  /// `β1` and `β2`.
  public var beta1: Float
  public var beta2: Float
  /// `lr / (1 − β1ᵗ)`.
  public var stepSize: Float
  /// `√(1 − β2ᵗ)`.
  public var correction2Root: Float
  /// `ε`.
  public var epsilon: Float

  /// Creates the constants of a step.
  public init(
    decay: Float, beta1: Float, beta2: Float, stepSize: Float, correction2Root: Float,
    epsilon: Float
  ) {
    self.decay = decay
    self.beta1 = beta1
    self.beta2 = beta2
    self.stepSize = stepSize
    self.correction2Root = correction2Root
    self.epsilon = epsilon
  }
}

/// One AdamW step over `count` parameters, in place, exactly as `torch.optim.AdamW` computes it:
/// `p ← p·decay`, `m ← β1·m + (1−β1)·g`, `v ← β2·v + (1−β2)·g²`,
/// `p ← p − stepSize · m / (√v / correction2Root + ε)`.
///
/// Elementwise, each element with the same IEEE operations in the same order (no fused
/// multiply-add), so neither the split across threads nor the vector width changes the result.
public func adamWUpdate(
  parameters p: UnsafeMutablePointer<Float>, gradients g: UnsafePointer<Float>,
  firstMoments m: UnsafeMutablePointer<Float>, secondMoments v: UnsafeMutablePointer<Float>,
  count: Int, step: AdamWStep, pool: ThreadPool = .shared
) {
  let (decay, b1, b2) = (step.decay, step.beta1, step.beta2)
  let (stepSize, c2, eps) = (step.stepSize, step.correction2Root, step.epsilon)
  let (oneMinusB1, oneMinusB2) = (1 - b1, 1 - b2)
  forEachRange(count, work: count) { range in
    // A plain loop: the compiler vectorizes it (square root included) at the module's width.
    for i in range {
      let gi = g[i]
      let mi = m[i] * b1 + oneMinusB1 * gi
      let vi = v[i] * b2 + oneMinusB2 * gi * gi
      m[i] = mi
      v[i] = vi
      p[i] = p[i] * decay - stepSize * mi / (vi.squareRoot() / c2 + eps)
    }
  }
}
