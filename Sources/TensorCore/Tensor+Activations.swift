// LayoutLab — activations: GELU (exact erf form), tanh, ReLU, sigmoid.

import Foundation

extension Tensor {
  /// Exact GELU, `x · Φ(x)`, as BERT and LayoutLM use it (`hidden_act = "gelu"`).
  public func gelu() -> Tensor {
    let result = Tensor(shape: shape, storage: TensorStorage(uninitialized: count))
    geluForward(pointer, result.pointer, count: count)
    let input = self
    return Autodiff.record(result, inputs: [self]) { g in
      let dx = Tensor(shape: g.shape, storage: TensorStorage(uninitialized: g.count))
      geluBackward(
        input: input.pointer, gradOutput: g.pointer, gradInput: dx.pointer, count: g.count)
      return [dx]
    }
  }

  /// Hyperbolic tangent (the pooler's activation).
  public func tanh() -> Tensor {
    let result = mapped { Foundation.tanh($0) }
    let output = result.storage  // not `result`: the closure must not own its own output
    return Autodiff.record(result, inputs: [self]) { g in
      let dx = Tensor(shape: g.shape, storage: TensorStorage(uninitialized: g.count))
      let y = output.pointer
      for i in 0..<g.count { dx.pointer[i] = g.pointer[i] * (1 - y[i] * y[i]) }
      return [dx]
    }
  }

  /// `max(x, 0)`.
  public func relu() -> Tensor {
    let result = mapped { $0 > 0 ? $0 : 0 }
    let input = self
    return Autodiff.record(result, inputs: [self]) { g in
      let dx = Tensor(shape: g.shape, storage: TensorStorage(uninitialized: g.count))
      let (x, dy, out) = (input.pointer, g.pointer, dx.pointer)
      forEachRange(g.count, work: g.count) { range in
        for i in range { out[i] = x[i] > 0 ? dy[i] : 0 }
      }
      return [dx]
    }
  }

  /// The logistic function `1 / (1 + e^−x)`.
  public func sigmoid() -> Tensor {
    let result = mapped { 1 / (1 + expf(-$0)) }
    let output = result.storage
    return Autodiff.record(result, inputs: [self]) { g in
      let dx = Tensor(shape: g.shape, storage: TensorStorage(uninitialized: g.count))
      let y = output.pointer
      for i in 0..<g.count { dx.pointer[i] = g.pointer[i] * y[i] * (1 - y[i]) }
      return [dx]
    }
  }
}
