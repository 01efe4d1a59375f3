// LayoutLab — inverted dropout.

import Seeding

extension Tensor {
  /// Zeroes each element with probability `rate` and scales the rest by `1 / (1 − rate)`.
  ///
  /// With `rate` 0 this returns `self` unchanged (inference and the parity fixtures).
  public func dropout(rate: Float, generator: inout SeededGenerator) -> Tensor {
    guard rate > 0 else { return self }
    let key = DropoutKey(rate: rate, generator: &generator)
    let keep = TensorStorage(uninitialized: count)
    let result = Tensor(shape: shape, storage: TensorStorage(uninitialized: count))
    let (x, k, y) = (pointer, keep.pointer, result.pointer)
    forEachRange(count, work: count) { range in
      applyDropout(key, range: range, input: x, keep: k, output: y)
    }
    return Autodiff.record(result, inputs: [self]) { g in
      let dx = Tensor(shape: g.shape, storage: TensorStorage(uninitialized: g.count))
      let (dy, k, out) = (g.pointer, keep.pointer, dx.pointer)
      forEachRange(g.count, work: g.count) { range in
        for i in range { out[i] = dy[i] * k[i] }
      }
      return [dx]
    }
  }
}
