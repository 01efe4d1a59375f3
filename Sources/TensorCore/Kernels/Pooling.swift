// LayoutLab — 2-D max pooling (with argmax indices) and adaptive average pooling, NCHW.
//
// Each `[height, width]` plane (one channel of one image) is independent; planes are spread over
// the pool and each is computed serially, so results never depend on the thread count.

/// The sizes of a 2-D max pool over `planes` planes of `inHeight × inWidth` (`planes` is
/// batch × channels). Output planes are `outHeight × outWidth` (floor mode, like PyTorch's
/// default `ceil_mode=False`).
public struct MaxPool2DGeometry: Sendable, Equatable {
  /// Planes (batch × channels), input height and width, square window size, step and padding.
  public let planes, inHeight, inWidth, kernelSize, stride, padding: Int
  /// `(inHeight + 2·padding − kernelSize) / stride + 1`.
  public let outHeight: Int
  /// `(inWidth + 2·padding − kernelSize) / stride + 1`.
  public let outWidth: Int

  /// Validates the sizes (PyTorch's rules: padding at most half the kernel); throws
  /// `KernelGeometryError` naming the bad parameter.
  public init(
    planes: Int, inHeight: Int, inWidth: Int, kernelSize: Int, stride: Int, padding: Int = 0
  ) throws {
    for (name, value) in [
      ("inHeight", inHeight), ("inWidth", inWidth), ("kernelSize", kernelSize),
      ("stride", stride),
    ] where value < 1 || value > 1 << 24 {
      throw KernelGeometryError(description: "maxPool2d: \(name) must be in 1...2^24, got \(value)")
    }
    guard planes >= 0 && planes <= 1 << 30 else {
      throw KernelGeometryError(description: "maxPool2d: planes must be ≥ 0, got \(planes)")
    }
    guard inHeight * inWidth <= Int(Int32.max) else {
      throw KernelGeometryError(
        description: "maxPool2d: a \(inHeight)×\(inWidth) plane is too large for Int32 indices")
    }
    guard padding >= 0 && 2 * padding <= kernelSize else {
      throw KernelGeometryError(
        description: "maxPool2d: padding must be in 0...kernelSize/2, got \(padding)")
    }
    guard kernelSize <= min(inHeight, inWidth) + 2 * padding else {
      throw KernelGeometryError(
        description: "maxPool2d: kernel \(kernelSize) is larger than the padded input "
          + "\(inHeight + 2 * padding)×\(inWidth + 2 * padding)")
    }
    (self.planes, self.inHeight, self.inWidth) = (planes, inHeight, inWidth)
    (self.kernelSize, self.stride, self.padding) = (kernelSize, stride, padding)
    outHeight = (inHeight + 2 * padding - kernelSize) / stride + 1
    outWidth = (inWidth + 2 * padding - kernelSize) / stride + 1
  }
}

/// Max pool forward.
///
/// - Parameters:
///   - input: `[planes, inHeight, inWidth]`.
///   - output: `[planes, outHeight, outWidth]`, the window maxima (NaN wins, as in PyTorch).
///   - indices: `[planes, outHeight, outWidth]`, the position `h · inWidth + w` of each maximum
///     inside its plane (the first one on ties).
public func maxPool2dForward(
  _ g: MaxPool2DGeometry, input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>,
  indices: UnsafeMutablePointer<Int32>, pool: ThreadPool = .shared
) {
  let inPlane = g.inHeight * g.inWidth
  let outPlane = g.outHeight * g.outWidth
  forEachRange(g.planes, work: g.planes * outPlane * g.kernelSize * g.kernelSize, pool: pool) {
    range in
    for p in range {
      let x = input + p * inPlane
      let y = output + p * outPlane
      let index = indices + p * outPlane
      for oh in 0..<g.outHeight {
        let h0 = oh * g.stride - g.padding
        let hStart = max(h0, 0)
        let hEnd = min(h0 + g.kernelSize, g.inHeight)
        for ow in 0..<g.outWidth {
          let w0 = ow * g.stride - g.padding
          let wStart = max(w0, 0)
          let wEnd = min(w0 + g.kernelSize, g.inWidth)
          var best = -Float.infinity
          var bestIndex = hStart * g.inWidth + wStart
          for h in hStart..<hEnd {
            for w in wStart..<wEnd {
              let v = x[h * g.inWidth + w]
              if v > best || v.isNaN {
                best = v
                bestIndex = h * g.inWidth + w
                if v.isNaN { break }
              }
            }
            if best.isNaN { break }
          }
          y[oh * g.outWidth + ow] = best
          index[oh * g.outWidth + ow] = Int32(truncatingIfNeeded: bestIndex)
        }
      }
    }
  }
}

/// Max pool backward: `gradInput` (`[planes, inHeight, inWidth]`) is overwritten with each
/// output gradient added at its argmax position. Indices outside the plane are ignored.
public func maxPool2dBackward(
  _ g: MaxPool2DGeometry, gradOutput: UnsafePointer<Float>, indices: UnsafePointer<Int32>,
  gradInput: UnsafeMutablePointer<Float>, pool: ThreadPool = .shared
) {
  let inPlane = g.inHeight * g.inWidth
  let outPlane = g.outHeight * g.outWidth
  forEachRange(g.planes, work: g.planes * (inPlane + outPlane), pool: pool) { range in
    for p in range {
      let dx = gradInput + p * inPlane
      dx.update(repeating: 0, count: inPlane)
      let dy = gradOutput + p * outPlane
      let index = indices + p * outPlane
      for o in 0..<outPlane {
        let i = Int(index[o])
        if i >= 0 && i < inPlane { dx[i] += dy[o] }
      }
    }
  }
}

/// The input cells `[⌊i·inSize/outSize⌋, ⌈(i+1)·inSize/outSize⌉)` that output cell `i` of an
/// adaptive pool covers (PyTorch's rule).
@inline(__always)
func adaptiveWindow(_ i: Int, inSize: Int, outSize: Int) -> Range<Int> {
  (i * inSize / outSize)..<(((i + 1) * inSize + outSize - 1) / outSize)
}

/// Checks the sizes of an adaptive average pool; throws `KernelGeometryError`.
public func validateAdaptiveAvgPool2d(
  planes: Int, inHeight: Int, inWidth: Int, outHeight: Int, outWidth: Int
) throws {
  for (name, value) in [
    ("inHeight", inHeight), ("inWidth", inWidth), ("outHeight", outHeight), ("outWidth", outWidth),
  ] where value < 1 || value > 1 << 24 {
    throw KernelGeometryError(
      description: "adaptiveAvgPool2d: \(name) must be in 1...2^24, got \(value)")
  }
  guard planes >= 0 else {
    throw KernelGeometryError(description: "adaptiveAvgPool2d: planes must be ≥ 0, got \(planes)")
  }
}

/// Adaptive average pool forward (PyTorch `AdaptiveAvgPool2d`): `input` is
/// `[planes, inHeight, inWidth]`, `output` is `[planes, outHeight, outWidth]`; each output cell
/// is the mean of its `adaptiveWindow` rows × columns. Sizes must be ≥ 1
/// (`validateAdaptiveAvgPool2d`).
public func adaptiveAvgPool2dForward(
  planes: Int, inHeight: Int, inWidth: Int, outHeight: Int, outWidth: Int,
  input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>, pool: ThreadPool = .shared
) {
  if planes <= 0 || inHeight <= 0 || inWidth <= 0 || outHeight <= 0 || outWidth <= 0 { return }
  forEachRange(planes, work: planes * inHeight * inWidth, pool: pool) { range in
    for p in range {
      let x = input + p * inHeight * inWidth
      let y = output + p * outHeight * outWidth
      for oh in 0..<outHeight {
        let rows = adaptiveWindow(oh, inSize: inHeight, outSize: outHeight)
        for ow in 0..<outWidth {
          let cols = adaptiveWindow(ow, inSize: inWidth, outSize: outWidth)
          var total: Float = 0
          for h in rows {
            for w in cols { total += x[h * inWidth + w] }
          }
          y[oh * outWidth + ow] = total / Float(rows.count * cols.count)
        }
      }
    }
  }
}

/// Adaptive average pool backward: `gradInput` (`[planes, inHeight, inWidth]`) is overwritten;
/// each output gradient is spread evenly over its window.
public func adaptiveAvgPool2dBackward(
  planes: Int, inHeight: Int, inWidth: Int, outHeight: Int, outWidth: Int,
  gradOutput: UnsafePointer<Float>, gradInput: UnsafeMutablePointer<Float>,
  pool: ThreadPool = .shared
) {
  if planes <= 0 || inHeight <= 0 || inWidth <= 0 || outHeight <= 0 || outWidth <= 0 { return }
  forEachRange(planes, work: planes * inHeight * inWidth, pool: pool) { range in
    for p in range {
      let dx = gradInput + p * inHeight * inWidth
      let dy = gradOutput + p * outHeight * outWidth
      dx.update(repeating: 0, count: inHeight * inWidth)
      for oh in 0..<outHeight {
        let rows = adaptiveWindow(oh, inSize: inHeight, outSize: outHeight)
        for ow in 0..<outWidth {
          let cols = adaptiveWindow(ow, inSize: inWidth, outSize: outWidth)
          let share = dy[oh * outWidth + ow] / Float(rows.count * cols.count)
          for h in rows {
            for w in cols { dx[h * inWidth + w] += share }
          }
        }
      }
    }
  }
}
