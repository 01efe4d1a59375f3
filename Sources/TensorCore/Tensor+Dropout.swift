// LayoutLab — inverted dropout.

extension Tensor {
  /// Zeroes each element with probability `rate` and scales the rest by `1 / (1 − rate)`.
  ///
  /// With `rate` 0 this returns `self` unchanged (inference and the parity fixtures).
  public func dropout(rate: Float, generator: inout SeededGenerator) -> Tensor {
    guard rate > 0 else { return self }
    precondition(rate < 1, "dropout rate must be below 1, got \(rate)")
    let keep = TensorStorage(uninitialized: count)
    let scale = 1 / (1 - rate)
    for i in 0..<count { keep.pointer[i] = generator.nextUniform() >= rate ? scale : 0 }
    let result = Tensor(shape: shape, storage: TensorStorage(uninitialized: count))
    for i in 0..<count { result.pointer[i] = pointer[i] * keep.pointer[i] }
    return Autodiff.record(result, inputs: [self]) { g in
      let dx = Tensor(shape: g.shape, storage: TensorStorage(uninitialized: g.count))
      for i in 0..<g.count { dx.pointer[i] = g.pointer[i] * keep.pointer[i] }
      return [dx]
    }
  }
}
