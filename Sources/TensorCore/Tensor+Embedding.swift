// LayoutLab — embedding lookup with a scatter-add gradient.

extension Tensor {
  /// Gathers rows of this `[V, E]` table: `indices` of shape `indexShape` give `indexShape + [E]`.
  ///
  /// The gradient scatter-adds each output row into its table row. Indices must lie in `0..<V`;
  /// callers validate user data (token ids, box coordinates) before it gets here.
  /// - Parameter paddingIndex: a row that never receives gradient (PyTorch's `padding_idx`).
  public func gatherRows(_ indices: [Int32], indexShape: [Int], paddingIndex: Int32? = nil)
    -> Tensor
  {
    checkShapes(rank == 2, "gatherRows", shape, indexShape, "the table must be [V, E]")
    checkShapes(indices.count == indexShape.reduce(1, *), "gatherRows", [indices.count], indexShape)
    let rows = shape[0]
    let width = shape[1]
    for index in indices {
      precondition(
        index >= 0 && Int(index) < rows, "gatherRows: index \(index) outside 0..<\(rows)")
    }
    let result = Tensor(
      shape: indexShape + [width], storage: TensorStorage(uninitialized: indices.count * width))
    let table = pointer
    let out = result.pointer
    for (i, index) in indices.enumerated() {
      (out + i * width).update(from: table + Int(index) * width, count: width)
    }
    let tableShape = shape
    return Autodiff.record(result, inputs: [self]) { g in
      let grad = Tensor(zeros: tableShape)
      let gp = g.pointer
      for (i, index) in indices.enumerated() where index != paddingIndex {
        let row = grad.pointer + Int(index) * width
        let source = gp + i * width
        for j in 0..<width { row[j] += source[j] }
      }
      return [grad]
    }
  }
}
