// LayoutLab — softmax over the last axis with an additive mask.

extension Tensor {
  /// Softmax over the last axis, after adding `mask` (0 keep, a large negative value drop).
  ///
  /// Shapes: `self` is `[…, L]`; `mask`, if given, is `[M, L]` where every block of
  /// `count / (M·L)` consecutive rows shares one mask row. For attention scores `[B, A, S, S]`
  /// and a key mask `[B, S]`, block `b` covers the `A·S` rows of batch item `b`.
  public func softmax(mask: Tensor? = nil) -> Tensor {
    let cols = shape[rank - 1]
    let rows = count / max(cols, 1)
    var rowsPerMaskRow = 1
    if let mask {
      checkShapes(
        mask.shape.last == cols && rows % max(mask.count / cols, 1) == 0, "softmax mask", shape,
        mask.shape)
      rowsPerMaskRow = rows / max(mask.count / cols, 1)
    }
    let result = Tensor(shape: shape, storage: TensorStorage(uninitialized: count))
    softmaxRows(
      pointer, result.pointer, rows: rows, cols: cols, mask: mask.map { UnsafePointer($0.pointer) },
      rowsPerMaskRow: rowsPerMaskRow)
    let output = result.storage  // not `result`: the closure must not own its own output
    return Autodiff.record(result, inputs: [self]) { g in
      let dx = Tensor(shape: g.shape, storage: TensorStorage(uninitialized: g.count))
      softmaxBackwardRows(
        output: output.pointer, gradOutput: g.pointer, gradInput: dx.pointer, rows: rows, cols: cols
      )
      return [dx]
    }
  }
}
