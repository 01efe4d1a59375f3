// LayoutLab — LayerNorm over the last axis.

extension Tensor {
  /// LayerNorm over the last axis: `[…, H]` with `gamma` and `beta` of shape `[H]`.
  public func layerNorm(gamma: Tensor, beta: Tensor, eps: Float) -> Tensor {
    let cols = shape[rank - 1]
    checkShapes(gamma.shape == [cols] && beta.shape == [cols], "layerNorm", shape, gamma.shape)
    let rows = count / max(cols, 1)
    let result = Tensor(shape: shape, storage: TensorStorage(uninitialized: count))
    let mean = TensorStorage(uninitialized: rows)
    let rstd = TensorStorage(uninitialized: rows)
    layerNormRows(
      pointer, gamma: gamma.pointer, beta: beta.pointer, result.pointer, mean: mean.pointer,
      rstd: rstd.pointer, rows: rows, cols: cols, eps: eps)
    let input = self
    return Autodiff.record(result, inputs: [self, gamma, beta]) { g in
      let dx = Tensor(shape: g.shape, storage: TensorStorage(uninitialized: g.count))
      let dgamma = Tensor(zeros: [cols])
      let dbeta = Tensor(zeros: [cols])
      layerNormBackwardRows(
        gradOutput: g.pointer, input: input.pointer, mean: mean.pointer, rstd: rstd.pointer,
        gamma: gamma.pointer, gradInput: dx.pointer, gradGamma: dgamma.pointer,
        gradBeta: dbeta.pointer, rows: rows, cols: cols)
      return [dx, dgamma, dbeta]
    }
  }
}
