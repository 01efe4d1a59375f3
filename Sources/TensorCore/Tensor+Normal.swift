// LayoutLab — tensors of seeded normal samples.

import Seeding

extension Tensor {
  /// Samples from `N(mean, std²)`, shape `shape`, from `generator` (one `nextNormal()` per
  /// element, in storage order).
  public static func normal(
    shape: [Int], mean: Float = 0, std: Float, generator: inout SeededGenerator,
    requiresGrad: Bool = false
  ) -> Tensor {
    let result = Tensor(zeros: shape, requiresGrad: requiresGrad)
    for i in 0..<result.count {
      result.pointer[i] = mean + std * Float(generator.nextNormal())
    }
    return result
  }
}
