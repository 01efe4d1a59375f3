// LayoutLab — visual backbones: page image `[B, 3, 224, 224]` → grid features `[B, V, C]`.

import TensorCore

/// Per-channel pixel statistics in BGR order (detectron2's `PIXEL_MEAN`, LayoutLMv2's
/// `PIXEL_STD`).
let pixelMean: [Float] = [103.53, 116.28, 123.675]
let pixelStd: [Float] = [57.375, 57.12, 58.395]

/// Normalises `[B, 3, Hi, Wi]` raw BGR pixels: `(x − mean) / std` per channel.
func normalizedPixels(_ image: Tensor) -> Tensor {
  let (batch, channels) = (image.shape[0], image.shape[1])
  let plane = image.shape[2] * image.shape[3]
  let result = Tensor(shape: image.shape, storage: TensorStorage(uninitialized: image.count))
  for b in 0..<batch {
    for c in 0..<channels {
      let offset = (b * channels + c) * plane
      let mean = pixelMean[c % 3]
      let scale = 1 / pixelStd[c % 3]
      let source = image.pointer + offset
      let target = result.pointer + offset
      for i in 0..<plane { target[i] = (source[i] - mean) * scale }
    }
  }
  return result
}

/// Turns page images into one feature vector per grid cell.
protocol VisualBackbone: ParameterOwner {
  /// `[B, 3, Hi, Wi]` raw BGR pixels → `[B, V, C]`, tokens in row-major grid order.
  func callAsFunction(_ image: Tensor, context: ForwardContext) -> Tensor
}

/// Normalisation plus adaptive average pooling: no parameters, C = 3 (the fixtures' stand-in).
final class PoolingBackbone: VisualBackbone {
  let gridHeight: Int
  let gridWidth: Int

  init(gridHeight: Int, gridWidth: Int) {
    self.gridHeight = gridHeight
    self.gridWidth = gridWidth
  }

  func callAsFunction(_ image: Tensor, context: ForwardContext) -> Tensor {
    // The pixels are inputs, not parameters: nothing here needs a gradient.
    let pooled = Autodiff.withoutRecording {
      normalizedPixels(image).adaptiveAveragePool2d(height: gridHeight, width: gridWidth)
    }
    let (batch, channels) = (pooled.shape[0], pooled.shape[1])
    return pooled.reshaped([batch, channels, gridHeight * gridWidth]).permuted([0, 2, 1])
  }

  func namedParameters(prefix: String) -> [(String, Tensor)] { [] }
}
