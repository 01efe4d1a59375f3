// LayoutLab — 2-D convolution (NCHW, groups = 1) forward and backward via im2col + GEMM.
//
// Every image is computed the same way whether images run in parallel (batch ≥ threads) or one
// after another with parallel GEMMs, and dWeight sums per-image partials in image order, so
// results are bit-identical at every thread count.

/// A kernel argument that does not describe a valid operation (thrown, never trapped).
public struct KernelGeometryError: Error, CustomStringConvertible, Equatable {
  /// What was wrong, naming the parameter.
  public var description: String
}

/// The sizes of a 2-D convolution: input `[batch, inChannels, inHeight, inWidth]`, weight
/// `[outChannels, inChannels, kernelHeight, kernelWidth]`, output
/// `[batch, outChannels, outHeight, outWidth]`.
public struct Conv2DGeometry: Sendable, Equatable {
  /// Input sizes: images, channels, height, width.
  public let batch, inChannels, inHeight, inWidth: Int
  /// Output channels and the kernel's height and width.
  public let outChannels, kernelHeight, kernelWidth: Int
  /// Steps between windows and zero padding on each side, per axis.
  public let strideHeight, strideWidth, paddingHeight, paddingWidth: Int
  /// `(inHeight + 2·paddingHeight − kernelHeight) / strideHeight + 1`.
  public let outHeight: Int
  /// `(inWidth + 2·paddingWidth − kernelWidth) / strideWidth + 1`.
  public let outWidth: Int

  /// Validates the sizes; throws `KernelGeometryError` naming the bad parameter.
  public init(
    batch: Int, inChannels: Int, inHeight: Int, inWidth: Int, outChannels: Int,
    kernelHeight: Int, kernelWidth: Int, strideHeight: Int = 1, strideWidth: Int = 1,
    paddingHeight: Int = 0, paddingWidth: Int = 0
  ) throws {
    let positive = [
      ("inChannels", inChannels), ("inHeight", inHeight), ("inWidth", inWidth),
      ("outChannels", outChannels), ("kernelHeight", kernelHeight),
      ("kernelWidth", kernelWidth), ("strideHeight", strideHeight), ("strideWidth", strideWidth),
    ]
    for (name, value) in positive where value < 1 || value > 1 << 24 {
      throw KernelGeometryError(description: "conv2d: \(name) must be in 1...2^24, got \(value)")
    }
    for (name, value) in [
      ("batch", batch), ("paddingHeight", paddingHeight), ("paddingWidth", paddingWidth),
    ] where value < 0 || value > 1 << 24 {
      throw KernelGeometryError(description: "conv2d: \(name) must be in 0...2^24, got \(value)")
    }
    let paddedHeight = inHeight + 2 * paddingHeight
    let paddedWidth = inWidth + 2 * paddingWidth
    guard kernelHeight <= paddedHeight, kernelWidth <= paddedWidth else {
      throw KernelGeometryError(
        description: "conv2d: kernel \(kernelHeight)×\(kernelWidth) is larger than the padded "
          + "input \(paddedHeight)×\(paddedWidth)")
    }
    (self.batch, self.inChannels, self.inHeight, self.inWidth) =
      (batch, inChannels, inHeight, inWidth)
    (self.outChannels, self.kernelHeight, self.kernelWidth) =
      (outChannels, kernelHeight, kernelWidth)
    (self.strideHeight, self.strideWidth, self.paddingHeight, self.paddingWidth) =
      (strideHeight, strideWidth, paddingHeight, paddingWidth)
    outHeight = (paddedHeight - kernelHeight) / strideHeight + 1
    outWidth = (paddedWidth - kernelWidth) / strideWidth + 1
  }

  /// Rows of the im2col matrix: `inChannels · kernelHeight · kernelWidth`.
  public var columnRows: Int { inChannels * kernelHeight * kernelWidth }
  /// Output positions per image: `outHeight · outWidth`.
  public var outputPositions: Int { outHeight * outWidth }
  /// Floats per input image, per output image.
  var inputImageCount: Int { inChannels * inHeight * inWidth }
  var outputImageCount: Int { outChannels * outputPositions }
}

/// Forward convolution: `output = conv(input, weight) + bias`.
///
/// - Parameters:
///   - input: `[batch, inChannels, inHeight, inWidth]`.
///   - weight: `[outChannels, inChannels, kernelHeight, kernelWidth]`.
///   - bias: `[outChannels]`, or nil.
///   - output: `[batch, outChannels, outHeight, outWidth]`, overwritten.
public func conv2dForward(
  _ g: Conv2DGeometry, input: UnsafePointer<Float>, weight: UnsafePointer<Float>,
  bias: UnsafePointer<Float>?, output: UnsafeMutablePointer<Float>, pool: ThreadPool = .shared
) {
  if g.batch == 0 { return }
  let columnCount = g.columnRows * g.outputPositions
  let perImage = { (b: Int, innerPool: ThreadPool?) in
    withScratch(columnCount) { columns in
      im2col(g, image: input + b * g.inputImageCount, columns: columns, pool: innerPool)
      let y = output + b * g.outputImageCount
      for co in 0..<g.outChannels {
        (y + co * g.outputPositions).update(repeating: bias?[co] ?? 0, count: g.outputPositions)
      }
      let m = g.outChannels
      let n = g.outputPositions
      let k = g.columnRows
      if let innerPool {
        gemm(
          transposeA: false, transposeB: false, m: m, n: n, k: k, a: weight, lda: k, b: columns,
          ldb: n, beta: 1, c: y, ldc: n, pool: innerPool)
      } else {
        gemmSerial(
          transposeA: false, transposeB: false, m: m, n: n, k: k, alpha: 1, a: weight, lda: k,
          b: columns, ldb: n, beta: 1, c: y, ldc: n)
      }
    }
  }
  if g.batch >= pool.threadCount && pool.threadCount > 1 {
    pool.parallelFor(g.batch) { b in perImage(b, nil) }
  } else {
    for b in 0..<g.batch { perImage(b, pool) }
  }
}

/// Backward convolution.
///
/// - Parameters:
///   - input: `[batch, inChannels, inHeight, inWidth]`, as in the forward pass.
///   - weight: `[outChannels, inChannels, kernelHeight, kernelWidth]`.
///   - gradOutput: `[batch, outChannels, outHeight, outWidth]`.
///   - gradInput: `[batch, inChannels, inHeight, inWidth]`, overwritten (nil: not computed).
///   - gradWeight: `[outChannels, inChannels, kernelHeight, kernelWidth]`, ADDED to.
///   - gradBias: `[outChannels]`, ADDED to (nil: not computed).
public func conv2dBackward(
  _ g: Conv2DGeometry, input: UnsafePointer<Float>, weight: UnsafePointer<Float>,
  gradOutput: UnsafePointer<Float>, gradInput: UnsafeMutablePointer<Float>?,
  gradWeight: UnsafeMutablePointer<Float>?, gradBias: UnsafeMutablePointer<Float>?,
  pool: ThreadPool = .shared
) {
  if g.batch == 0 { return }
  let columnCount = g.columnRows * g.outputPositions
  let weightCount = g.outChannels * g.columnRows
  let partialCount = gradWeight == nil ? 0 : g.batch * weightCount
  withScratch(max(partialCount, 1)) { partials in
    let perImage = { (b: Int, innerPool: ThreadPool?) in
      withScratch(columnCount) { columns in
        let dy = gradOutput + b * g.outputImageCount
        let (m, n, k) = (g.outChannels, g.columnRows, g.outputPositions)
        if gradWeight != nil {
          im2col(g, image: input + b * g.inputImageCount, columns: columns, pool: innerPool)
          runGemm(
            innerPool, transposeA: false, transposeB: true, m: m, n: n, k: k, a: dy, lda: k,
            b: columns, ldb: k, c: partials + b * weightCount, ldc: n)
        }
        if let gradInput {
          runGemm(
            innerPool, transposeA: true, transposeB: false, m: n, n: k, k: m, a: weight, lda: n,
            b: dy, ldb: k, c: columns, ldc: k)
          col2im(g, columns: columns, image: gradInput + b * g.inputImageCount, pool: innerPool)
        }
      }
    }
    if g.batch >= pool.threadCount && pool.threadCount > 1 {
      pool.parallelFor(g.batch) { b in perImage(b, nil) }
    } else {
      for b in 0..<g.batch { perImage(b, pool) }
    }
    if let gradWeight {
      for b in 0..<g.batch {
        let partial = partials + b * weightCount
        for i in 0..<weightCount { gradWeight[i] += partial[i] }
      }
    }
  }
  if let gradBias {
    forEachRange(g.outChannels, work: g.batch * g.outputImageCount, pool: pool) { range in
      for co in range {
        var total: Float = 0
        for b in 0..<g.batch {
          total += rowSum(
            gradOutput + b * g.outputImageCount + co * g.outputPositions, g.outputPositions)
        }
        gradBias[co] += total
      }
    }
  }
}

/// `gemm` on `pool`, or the serial GEMM when `pool` is nil (already inside a parallel region).
private func runGemm(
  _ pool: ThreadPool?, transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
  a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
  c: UnsafeMutablePointer<Float>, ldc: Int
) {
  if let pool {
    gemm(
      transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, a: a, lda: lda, b: b,
      ldb: ldb, c: c, ldc: ldc, pool: pool)
  } else {
    gemmSerial(
      transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: 1, a: a, lda: lda,
      b: b, ldb: ldb, beta: 0, c: c, ldc: ldc)
  }
}

/// Unfolds one image `[inChannels, inHeight, inWidth]` into `columns`
/// `[inChannels · kernelHeight · kernelWidth, outHeight · outWidth]` (zeros where the window
/// covers padding). Parallel over column rows when `pool` is given.
func im2col(
  _ g: Conv2DGeometry, image: UnsafePointer<Float>, columns: UnsafeMutablePointer<Float>,
  pool: ThreadPool?
) {
  let kernelArea = g.kernelHeight * g.kernelWidth
  let body = { (range: Range<Int>) in
    for row in range {
      let c = row / kernelArea
      let ki = (row % kernelArea) / g.kernelWidth
      let kj = row % g.kernelWidth
      let plane = image + c * g.inHeight * g.inWidth
      let valid = validOutputColumns(g, kernelColumn: kj)
      var out = columns + row * g.outputPositions
      for ho in 0..<g.outHeight {
        let hi = ho * g.strideHeight - g.paddingHeight + ki
        if hi < 0 || hi >= g.inHeight {
          out.update(repeating: 0, count: g.outWidth)
        } else {
          let source = plane + hi * g.inWidth - g.paddingWidth + kj
          (out).update(repeating: 0, count: valid.lowerBound)
          if g.strideWidth == 1 {
            (out + valid.lowerBound).update(from: source + valid.lowerBound, count: valid.count)
          } else {
            for wo in valid { out[wo] = source[wo * g.strideWidth] }
          }
          (out + valid.upperBound).update(repeating: 0, count: g.outWidth - valid.upperBound)
        }
        out += g.outWidth
      }
    }
  }
  if let pool {
    forEachRange(g.columnRows, work: g.columnRows * g.outputPositions, pool: pool, body)
  } else {
    body(0..<g.columnRows)
  }
}

/// Folds `columns` back into one image, summing overlapping windows; `image` is overwritten.
/// Parallel over input channels when `pool` is given (each channel owns its plane).
func col2im(
  _ g: Conv2DGeometry, columns: UnsafePointer<Float>, image: UnsafeMutablePointer<Float>,
  pool: ThreadPool?
) {
  let kernelArea = g.kernelHeight * g.kernelWidth
  let body = { (range: Range<Int>) in
    for c in range {
      let plane = image + c * g.inHeight * g.inWidth
      plane.update(repeating: 0, count: g.inHeight * g.inWidth)
      for kernelIndex in 0..<kernelArea {
        let ki = kernelIndex / g.kernelWidth
        let kj = kernelIndex % g.kernelWidth
        let valid = validOutputColumns(g, kernelColumn: kj)
        var source = columns + (c * kernelArea + kernelIndex) * g.outputPositions
        for ho in 0..<g.outHeight {
          let hi = ho * g.strideHeight - g.paddingHeight + ki
          if hi >= 0 && hi < g.inHeight {
            let target = plane + hi * g.inWidth - g.paddingWidth + kj
            for wo in valid { target[wo * g.strideWidth] += source[wo] }
          }
          source += g.outWidth
        }
      }
    }
  }
  if let pool {
    forEachRange(g.inChannels, work: g.columnRows * g.outputPositions, pool: pool, body)
  } else {
    body(0..<g.inChannels)
  }
}

/// The output columns `wo` whose input column `wo · strideWidth − paddingWidth + kernelColumn`
/// lies inside the image.
func validOutputColumns(_ g: Conv2DGeometry, kernelColumn kj: Int) -> Range<Int> {
  let offset = kj - g.paddingWidth
  let first = offset >= 0 ? 0 : (-offset + g.strideWidth - 1) / g.strideWidth
  let lastInput = g.inWidth - 1 - offset
  let end = lastInput < 0 ? 0 : min(g.outWidth, lastInput / g.strideWidth + 1)
  return min(first, end)..<end
}
