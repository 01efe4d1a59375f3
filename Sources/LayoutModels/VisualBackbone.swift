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

/// PyTorch's adaptive average pooling of `[B, C, Hi, Wi]` to `[B, C, Gh, Gw]`, without gradient
/// (used on raw images). Output cell `i` averages input `[⌊i·In/Out⌋, ⌈(i+1)·In/Out⌉)`.
func adaptiveAveragePoolNoGrad(_ x: Tensor, height: Int, width: Int) -> Tensor {
  let (batch, channels, inH, inW) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
  let result = Tensor(zeros: [batch, channels, height, width])
  for bc in 0..<(batch * channels) {
    let source = x.pointer + bc * inH * inW
    for i in 0..<height {
      let h0 = i * inH / height
      let h1 = ((i + 1) * inH + height - 1) / height
      for j in 0..<width {
        let w0 = j * inW / width
        let w1 = ((j + 1) * inW + width - 1) / width
        var sum: Float = 0
        for r in h0..<h1 {
          for c in w0..<w1 { sum += source[r * inW + c] }
        }
        result.pointer[(bc * height + i) * width + j] = sum / Float((h1 - h0) * (w1 - w0))
      }
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
    let pooled = adaptiveAveragePoolNoGrad(
      normalizedPixels(image), height: gridHeight, width: gridWidth)
    let (batch, channels) = (pooled.shape[0], pooled.shape[1])
    return pooled.reshaped([batch, channels, gridHeight * gridWidth]).permuted([0, 2, 1])
  }

  func namedParameters(prefix: String) -> [(String, Tensor)] { [] }
}
