// LayoutLab — the from-scratch ResNet-style visual backbone.

import Foundation
import TensorCore

/// A 2-D convolution layer with He-normal weights `[Cout, Cin, k, k]` and a zero bias.
final class Conv2D: ParameterOwner {
  let weight: Tensor
  let bias: Tensor
  let stride: Int
  let padding: Int

  init(_ input: Int, _ output: Int, kernel: Int, stride: Int, initializer: inout Initializer) {
    // He initialisation (fan-in, ReLU gain): std = sqrt(2 / (Cin·k·k)).
    let std = Float((2.0 / Double(input * kernel * kernel)).squareRoot())
    weight = initializer.normal([output, input, kernel, kernel], std: std)
    bias = initializer.zeros([output])
    self.stride = stride
    padding = kernel / 2
  }

  /// `[B, Cin, H, W]` → `[B, Cout, H/stride, W/stride]`.
  func callAsFunction(_ x: Tensor) -> Tensor {
    x.conv2d(weight: weight, bias: bias, stride: stride, padding: padding)
  }

  func namedParameters(prefix: String) -> [(String, Tensor)] {
    [(joined(prefix, "weight"), weight), (joined(prefix, "bias"), bias)]
  }
}

/// A basic residual block: conv3×3(stride) → ReLU → conv3×3, plus a 1×1 projection shortcut
/// when the shape changes, then ReLU.
final class BasicBlock: ParameterOwner {
  let first: Conv2D
  let second: Conv2D
  let shortcut: Conv2D?

  init(_ input: Int, _ output: Int, stride: Int, initializer: inout Initializer) {
    first = Conv2D(input, output, kernel: 3, stride: stride, initializer: &initializer)
    second = Conv2D(output, output, kernel: 3, stride: 1, initializer: &initializer)
    shortcut =
      stride != 1 || input != output
      ? Conv2D(input, output, kernel: 1, stride: stride, initializer: &initializer) : nil
  }

  func callAsFunction(_ x: Tensor) -> Tensor {
    let y = second(first(x).relu())
    return (y + (shortcut.map { $0(x) } ?? x)).relu()
  }

  func namedParameters(prefix: String) -> [(String, Tensor)] {
    first.namedParameters(prefix: joined(prefix, "conv1"))
      + second.namedParameters(prefix: joined(prefix, "conv2"))
      + (shortcut?.namedParameters(prefix: joined(prefix, "shortcut")) ?? [])
  }
}

/// A small ResNet-style CNN trained from scratch (LayoutLab's default v2 backbone).
///
/// Normalise pixels (BGR mean/std) → stem conv 7×7 (stride `stemStride`) → ReLU → max-pool 3/2
/// → `stages` stages of `blocksPerStage` basic blocks, each stage halving the resolution and
/// doubling the channels, the last one ending at `visualChannels` → adaptive
/// average pool to the grid. With the defaults a 224×224 page gives 14×14×C features.
final class ResNetBackbone: VisualBackbone {
  let config: LayoutLMConfiguration
  let stem: Conv2D
  let blocks: [[BasicBlock]]

  init(_ config: LayoutLMConfiguration, initializer: inout Initializer) {
    self.config = config
    let options = config.resnet
    stem = Conv2D(
      3, options.width, kernel: 7, stride: options.stemStride, initializer: &initializer)
    var channels = options.width
    var stages: [[BasicBlock]] = []
    for stage in 0..<options.stages {
      let output = stage == options.stages - 1 ? config.visualChannels : channels * 2
      var blocks: [BasicBlock] = []
      for block in 0..<max(options.blocksPerStage, 1) {
        blocks.append(
          BasicBlock(
            block == 0 ? channels : output, output, stride: block == 0 ? 2 : 1,
            initializer: &initializer))
      }
      stages.append(blocks)
      channels = output
    }
    blocks = stages
  }

  /// `[B, 3, Hi, Wi]` raw BGR pixels → the feature map `[B, C, h, w]` before pooling.
  func featureMap(_ image: Tensor) -> Tensor {
    var x = stem(normalizedPixels(image)).relu().maxPool2d(kernelSize: 3, stride: 2, padding: 1)
    for stage in blocks {
      for block in stage { x = block(x) }
    }
    return x
  }

  func callAsFunction(_ image: Tensor, context: ForwardContext) -> Tensor {
    let pooled = featureMap(image).adaptiveAveragePool2d(
      height: config.grid.height, width: config.grid.width)
    let (batch, channels) = (pooled.shape[0], pooled.shape[1])
    return pooled.reshaped([batch, channels, config.grid.height * config.grid.width]).permuted([
      0, 2, 1,
    ])
  }

  func namedParameters(prefix: String) -> [(String, Tensor)] {
    var result = stem.namedParameters(prefix: joined(prefix, "backbone.stem"))
    for (s, stage) in blocks.enumerated() {
      for (b, block) in stage.enumerated() {
        result += block.namedParameters(prefix: joined(prefix, "backbone.stage\(s + 1).\(b)"))
      }
    }
    return result
  }
}
