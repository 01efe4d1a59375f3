// LayoutLab — the basic trainable layers: Linear, LayerNorm, Embedding.

import Seeding
import TensorCore

/// Anything that owns named parameters (HF names relative to the owner).
public protocol ParameterOwner: AnyObject {
  /// Every trainable tensor with its name, in a fixed order, prefixed by `prefix`.
  func namedParameters(prefix: String) -> [(String, Tensor)]
}

/// Joins name components the way PyTorch state dicts do.
func joined(_ prefix: String, _ name: String) -> String {
  prefix.isEmpty ? name : prefix + "." + name
}

/// Weight initialisation as BERT does it: normal(0, range) weights, zero biases.
struct Initializer {
  var generator: SeededGenerator
  var range: Float

  mutating func normal(_ shape: [Int], std: Float? = nil) -> Tensor {
    Tensor.normal(shape: shape, std: std ?? range, generator: &generator, requiresGrad: true)
  }

  func zeros(_ shape: [Int]) -> Tensor { Tensor(zeros: shape, requiresGrad: true) }

  func ones(_ shape: [Int]) -> Tensor {
    let t = Tensor(repeating: 1, shape: shape)
    t.requiresGrad = true
    return t
  }
}

/// `y = x · Wᵀ + b`, weight `[O, I]` as PyTorch stores it.
public final class Linear: ParameterOwner {
  public let weight: Tensor
  public let bias: Tensor?

  init(_ inputSize: Int, _ outputSize: Int, bias: Bool = true, initializer: inout Initializer) {
    weight = initializer.normal([outputSize, inputSize])
    self.bias = bias ? initializer.zeros([outputSize]) : nil
  }

  /// `[…, I]` → `[…, O]`.
  public func callAsFunction(_ x: Tensor) -> Tensor { x.linear(weight: weight, bias: bias) }

  public func namedParameters(prefix: String) -> [(String, Tensor)] {
    [(joined(prefix, "weight"), weight)] + (bias.map { [(joined(prefix, "bias"), $0)] } ?? [])
  }
}

/// LayerNorm over the last axis with learned scale and shift.
public final class LayerNorm: ParameterOwner {
  public let weight: Tensor
  public let bias: Tensor
  let eps: Float

  init(_ size: Int, eps: Float, initializer: Initializer) {
    weight = initializer.ones([size])
    bias = initializer.zeros([size])
    self.eps = eps
  }

  /// `[…, H]` → `[…, H]`.
  public func callAsFunction(_ x: Tensor) -> Tensor {
    x.layerNorm(gamma: weight, beta: bias, eps: eps)
  }

  public func namedParameters(prefix: String) -> [(String, Tensor)] {
    [(joined(prefix, "weight"), weight), (joined(prefix, "bias"), bias)]
  }
}

/// A lookup table `[V, E]`.
public final class Embedding: ParameterOwner {
  public let weight: Tensor
  /// A row that gets no gradient (PyTorch's `padding_idx`).
  let paddingIndex: Int32?

  init(count: Int, dimensions: Int, paddingIndex: Int32? = nil, initializer: inout Initializer) {
    weight = initializer.normal([count, dimensions])
    if let paddingIndex, Int(paddingIndex) < count {
      (weight.pointer + Int(paddingIndex) * dimensions).update(repeating: 0, count: dimensions)
    }
    self.paddingIndex = paddingIndex
  }

  /// Looks up `ids` of shape `shape`, giving `shape + [E]`.
  public func callAsFunction(_ ids: [Int32], shape: [Int]) -> Tensor {
    weight.gatherRows(ids, indexShape: shape, paddingIndex: paddingIndex)
  }

  public func namedParameters(prefix: String) -> [(String, Tensor)] {
    [(joined(prefix, "weight"), weight)]
  }
}
