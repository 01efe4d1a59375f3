// LayoutLab — the from-scratch ResNet-style visual backbone (placeholder until conv ops land).

import TensorCore

/// A small ResNet-style CNN trained from scratch.
final class ResNetBackbone: VisualBackbone {
  init(_ config: LayoutLMConfiguration, initializer: inout Initializer) {}

  func callAsFunction(_ image: Tensor, context: ForwardContext) -> Tensor {
    preconditionFailure("the resnet backbone needs the conv2d ops (in progress)")
  }

  func namedParameters(prefix: String) -> [(String, Tensor)] { [] }
}
