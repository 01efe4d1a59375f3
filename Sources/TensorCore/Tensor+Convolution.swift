// LayoutLab — differentiable conv2d, max pool and adaptive average pool on NCHW tensors.

extension Tensor {
  /// 2-D convolution: `[B, Cin, Hi, Wi]` with weight `[Cout, Cin, k, k]` and optional bias
  /// `[Cout]` gives `[B, Cout, Ho, Wo]`, `Ho = (Hi + 2·padding − k) / stride + 1`.
  public func conv2d(weight: Tensor, bias: Tensor?, stride: Int = 1, padding: Int = 0) -> Tensor {
    checkShapes(
      rank == 4 && weight.rank == 4 && weight.shape[1] == shape[1], "conv2d", shape, weight.shape,
      "input [B, Cin, H, W] and weight [Cout, Cin, kh, kw]")
    let geometry: Conv2DGeometry
    do {
      geometry = try Conv2DGeometry(
        batch: shape[0], inChannels: shape[1], inHeight: shape[2], inWidth: shape[3],
        outChannels: weight.shape[0], kernelHeight: weight.shape[2], kernelWidth: weight.shape[3],
        strideHeight: stride, strideWidth: stride, paddingHeight: padding, paddingWidth: padding)
    } catch {
      preconditionFailure("conv2d: \(error)")
    }
    let result = Tensor(
      shape: [shape[0], weight.shape[0], geometry.outHeight, geometry.outWidth],
      storage: TensorStorage(uninitialized: shape[0] * geometry.outputImageCount))
    conv2dForward(
      geometry, input: pointer, weight: weight.pointer,
      bias: bias.map { UnsafePointer($0.pointer) },
      output: result.pointer)
    let input = self
    let inputs = bias.map { [self, weight, $0] } ?? [self, weight]
    return Autodiff.record(result, inputs: inputs) { g in
      let needInput = Autodiff.isTracked(input)
      let gradInput = needInput ? Tensor(zeros: input.shape) : nil
      let gradWeight = Tensor(zeros: weight.shape)
      let gradBias = bias.map { Tensor(zeros: $0.shape) }
      conv2dBackward(
        geometry, input: input.pointer, weight: weight.pointer, gradOutput: g.pointer,
        gradInput: gradInput?.pointer, gradWeight: gradWeight.pointer, gradBias: gradBias?.pointer)
      return [gradInput, gradWeight] + (gradBias.map { [$0] } ?? [])
    }
  }

  /// Max pooling over `[B, C, Hi, Wi]` with a square window (PyTorch's `max_pool2d`).
  public func maxPool2d(kernelSize: Int, stride: Int, padding: Int = 0) -> Tensor {
    checkShapes(rank == 4, "maxPool2d", shape, [kernelSize, stride], "input must be [B, C, H, W]")
    let geometry: MaxPool2DGeometry
    do {
      geometry = try MaxPool2DGeometry(
        planes: shape[0] * shape[1], inHeight: shape[2], inWidth: shape[3], kernelSize: kernelSize,
        stride: stride, padding: padding)
    } catch {
      preconditionFailure("maxPool2d: \(error)")
    }
    let outCount = geometry.planes * geometry.outHeight * geometry.outWidth
    let result = Tensor(
      shape: [shape[0], shape[1], geometry.outHeight, geometry.outWidth],
      storage: TensorStorage(uninitialized: outCount))
    let indices = UnsafeMutablePointer<Int32>.allocate(capacity: max(outCount, 1))
    let owner = IndexBuffer(indices)
    maxPool2dForward(geometry, input: pointer, output: result.pointer, indices: indices)
    let inputShape = shape
    return Autodiff.record(result, inputs: [self]) { g in
      let dx = Tensor(zeros: inputShape)
      maxPool2dBackward(
        geometry, gradOutput: g.pointer, indices: owner.pointer, gradInput: dx.pointer)
      return [dx]
    }
  }

  /// Adaptive average pooling of `[B, C, Hi, Wi]` to `[B, C, height, width]` (PyTorch rules).
  public func adaptiveAveragePool2d(height: Int, width: Int) -> Tensor {
    checkShapes(
      rank == 4, "adaptiveAveragePool2d", shape, [height, width], "input must be [B, C, H, W]")
    let (planes, inH, inW) = (shape[0] * shape[1], shape[2], shape[3])
    let result = Tensor(
      shape: [shape[0], shape[1], height, width],
      storage: TensorStorage(uninitialized: planes * height * width))
    adaptiveAvgPool2dForward(
      planes: planes, inHeight: inH, inWidth: inW, outHeight: height, outWidth: width,
      input: pointer,
      output: result.pointer)
    let inputShape = shape
    return Autodiff.record(result, inputs: [self]) { g in
      let dx = Tensor(shape: inputShape, storage: TensorStorage(uninitialized: planes * inH * inW))
      adaptiveAvgPool2dBackward(
        planes: planes, inHeight: inH, inWidth: inW, outHeight: height, outWidth: width,
        gradOutput: g.pointer, gradInput: dx.pointer)
      return [dx]
    }
  }
}

/// Owns argmax indices kept alive by a max-pool's backward closure.
final class IndexBuffer {
  let pointer: UnsafeMutablePointer<Int32>
  init(_ pointer: UnsafeMutablePointer<Int32>) { self.pointer = pointer }
  deinit { pointer.deallocate() }
}
