// LayoutLab — AdamW with decoupled weight decay, as `torch.optim.AdamW` computes it.

import Foundation
import TensorCore

/// Hyper-parameters of AdamW.
public struct AdamWOptions: Codable, Hashable, Sendable {
  public var learningRate: Float = 5e-5
  public var beta1: Float = 0.9
  public var beta2: Float = 0.999
  public var epsilon: Float = 1e-8
  public var weightDecay: Float = 0.01

  /// Creates options (defaults: torch's betas and epsilon, weight decay 0.01).
  public init(learningRate: Float = 5e-5, weightDecay: Float = 0.01) {
    self.learningRate = learningRate
    self.weightDecay = weightDecay
  }
}

/// AdamW over a fixed list of named parameters.
///
/// Per step, exactly as torch: `p ← p·(1 − lr·wd)`, `m ← β1·m + (1−β1)·g`,
/// `v ← β2·v + (1−β2)·g²`, `p ← p − (lr / (1−β1ᵗ)) · m / (√v / √(1−β2ᵗ) + ε)`.
/// Parameters without a gradient are skipped (their moments stay as they are).
public final class AdamW {
  public var options: AdamWOptions
  /// The parameters, in a fixed order.
  public let parameters: [(name: String, tensor: Tensor)]
  /// Names that get no weight decay (biases and LayerNorm weights when fine-tuning).
  public let noDecay: Set<String>
  /// Steps taken so far.
  public private(set) var step: Int = 0
  var firstMoments: [TensorStorage]
  var secondMoments: [TensorStorage]

  /// Creates the optimiser; `decayFilter` returns whether a parameter name gets weight decay.
  public init(
    parameters: [(String, Tensor)], options: AdamWOptions,
    decayFilter: (String) -> Bool = { _ in true }
  ) {
    self.parameters = parameters.map { (name: $0.0, tensor: $0.1) }
    self.options = options
    noDecay = Set(parameters.map(\.0).filter { !decayFilter($0) })
    firstMoments = parameters.map { TensorStorage(zeros: $0.1.count) }
    secondMoments = parameters.map { TensorStorage(zeros: $0.1.count) }
  }

  /// The usual fine-tuning rule: no decay on biases and LayerNorm parameters.
  public static func decaysWeight(_ name: String) -> Bool {
    !(name.hasSuffix(".bias") || name.contains("LayerNorm") || name.hasSuffix("_bias"))
  }

  /// Applies one update from the parameters' current gradients, at `learningRate` (or the
  /// configured rate).
  public func update(learningRate: Float? = nil) {
    step += 1
    let lr = learningRate ?? options.learningRate
    let (b1, b2, eps) = (options.beta1, options.beta2, options.epsilon)
    let correction1 = 1 - Float(pow(Double(b1), Double(step)))
    let correction2Root = Float((1 - pow(Double(b2), Double(step))).squareRoot())
    let stepSize = lr / correction1
    for (index, entry) in parameters.enumerated() {
      guard let grad = entry.tensor.grad else { continue }
      let decay = noDecay.contains(entry.name) ? 1 : 1 - lr * options.weightDecay
      adamWUpdate(
        parameters: entry.tensor.pointer, gradients: grad.pointer,
        firstMoments: firstMoments[index].pointer, secondMoments: secondMoments[index].pointer,
        count: entry.tensor.count,
        step: AdamWStep(
          decay: decay, beta1: b1, beta2: b2, stepSize: stepSize,
          correction2Root: correction2Root, epsilon: eps))
    }
  }

  /// Clears every parameter's gradient.
  public func zeroGradients() {
    for entry in parameters { entry.tensor.zeroGrad() }
  }

  /// The optimiser state as named tensors (`adamw.m.<name>`, `adamw.v.<name>`, `adamw.step`),
  /// for resumable checkpoints.
  public func stateTensors() -> [String: Tensor] {
    var result: [String: Tensor] = ["adamw.step": Tensor([Float(step)], shape: [1])]
    for (index, entry) in parameters.enumerated() {
      result["adamw.m." + entry.name] = Tensor(
        shape: entry.tensor.shape, storage: firstMoments[index])
      result["adamw.v." + entry.name] = Tensor(
        shape: entry.tensor.shape, storage: secondMoments[index])
    }
    return result
  }

  /// Restores state written by `stateTensors()`.
  public func restore(from state: [String: Tensor]) throws {
    guard let stepTensor = state["adamw.step"] else {
      throw TrainingStateError.missing("adamw.step")
    }
    for (index, entry) in parameters.enumerated() {
      guard let m = state["adamw.m." + entry.name], let v = state["adamw.v." + entry.name],
        m.count == entry.tensor.count, v.count == entry.tensor.count
      else { throw TrainingStateError.missing("adamw moments of \(entry.name)") }
      firstMoments[index].pointer.update(from: m.pointer, count: m.count)
      secondMoments[index].pointer.update(from: v.pointer, count: v.count)
    }
    step = Int(stepTensor.scalar)
  }
}

/// Saved training state that cannot be resumed from.
public enum TrainingStateError: Error, CustomStringConvertible, Equatable {
  case missing(String)

  public var description: String {
    switch self {
    case .missing(let what): return "training state lacks \(what)"
    }
  }
}
