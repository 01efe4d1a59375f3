// LayoutLab — losses: cross-entropy with an ignore index, binary cross-entropy with logits.

import Foundation

extension Tensor {
  /// Mean cross-entropy of `[N, C]` logits against `targets` (N class ids), skipping
  /// `ignoreIndex` (PyTorch's `CrossEntropyLoss(ignore_index=-100)`, mean over kept items).
  ///
  /// When every target is ignored the loss is 0 with a zero gradient (PyTorch gives NaN).
  public func crossEntropy(targets: [Int], ignoreIndex: Int = -100) -> Tensor {
    checkShapes(rank == 2 && targets.count == shape[0], "crossEntropy", shape, [targets.count])
    let n = shape[0]
    let c = shape[1]
    let probabilities = Tensor(shape: shape, storage: TensorStorage(uninitialized: count))
    softmaxRows(pointer, probabilities.pointer, rows: n, cols: c)
    var kept = 0
    for target in targets where target != ignoreIndex {
      precondition(target >= 0 && target < c, "crossEntropy: target \(target) outside 0..<\(c)")
      kept += 1
    }
    // −log p[target] from the (max-subtracted) softmax; rows add up in order.
    var total: Double = 0
    for (i, target) in targets.enumerated() where target != ignoreIndex {
      total -= Foundation.log(max(Double(probabilities.pointer[i * c + target]), 1e-45))
    }
    let scale = kept > 0 ? 1 / Float(kept) : 0
    let result = Tensor(scalar: Float(total) * scale)
    return Autodiff.record(result, inputs: [self]) { g in
      let dx = Tensor(zeros: [n, c])
      let factor = g.scalar * scale
      let (out, p) = (dx.pointer, probabilities.pointer)
      forEachRange(n, work: n * c) { rows in
        for i in rows where targets[i] != ignoreIndex {
          for j in 0..<c { out[i * c + j] = p[i * c + j] * factor }
          out[i * c + targets[i]] -= factor
        }
      }
      return [dx]
    }
  }

  /// Mean binary cross-entropy of logits against 0/1 `targets`, over the items whose `weights`
  /// are non-zero (all items when `weights` is nil), as `BCEWithLogitsLoss` computes it stably.
  public func binaryCrossEntropyWithLogits(targets: [Float], weights: [Float]? = nil) -> Tensor {
    checkShapes(targets.count == count, "binaryCrossEntropyWithLogits", shape, [targets.count])
    if let weights {
      checkShapes(weights.count == count, "binaryCrossEntropyWithLogits", shape, [weights.count])
    }
    var total: Double = 0
    var denominator: Double = 0
    for i in 0..<count {
      let w = Double(weights?[i] ?? 1)
      if w == 0 { continue }
      let x = Double(pointer[i])
      let z = Double(targets[i])
      total += w * (Swift.max(x, 0) - x * z + Foundation.log1p(Foundation.exp(-abs(x))))
      denominator += w
    }
    let scale = denominator > 0 ? Float(1 / denominator) : 0
    let result = Tensor(scalar: Float(total) * scale)
    let input = self
    return Autodiff.record(result, inputs: [self]) { g in
      let dx = Tensor(zeros: input.shape)
      for i in 0..<input.count {
        let w = weights?[i] ?? 1
        if w == 0 { continue }
        let s = 1 / (1 + expf(-input.pointer[i]))
        dx.pointer[i] = (s - targets[i]) * w * scale * g.scalar
      }
      return [dx]
    }
  }
}
