// LayoutLab — Pillow's `Image.resize(size, Image.BILINEAR)` for 8-bit images, bit for bit.

/// Pillow's separable resampling (`libImaging/Resample.c`) with the triangle filter.
///
/// When shrinking, the filter support widens by the scale factor (so it antialiases). Weights
/// are computed in double precision, normalised, then turned into 22-bit fixed point
/// (`PRECISION_BITS = 32 - 8 - 2`); each pass adds half a unit, shifts and clips to 0...255.
/// The horizontal pass runs first, over only the source rows the vertical pass reads.
public enum BilinearResize {
  static let precisionBits = 32 - 8 - 2

  /// Fixed-point weights for one axis: output `i` reads `count[i]` inputs from `first[i]`
  /// with weights `weights[i * taps ..< i * taps + count[i]]`.
  struct AxisWeights {
    var first: [Int]
    var count: [Int]
    var taps: Int
    var weights: [Int32]
  }

  /// Pillow's `precompute_coeffs` for the box `0 ..< inSize` followed by
  /// `normalize_coeffs_8bpc`.
  static func axisWeights(inSize: Int, outSize: Int) -> AxisWeights {
    let scale = Double(Float(inSize)) / Double(outSize)
    let filterScale = max(scale, 1.0)
    let support = 1.0 * filterScale
    let taps = Int(support.rounded(.up)) * 2 + 1
    var first = [Int](repeating: 0, count: outSize)
    var count = [Int](repeating: 0, count: outSize)
    var weights = [Int32](repeating: 0, count: outSize * taps)
    var k = [Double](repeating: 0, count: taps)
    let inverseFilterScale = 1.0 / filterScale
    let unit = Double(1 << precisionBits)
    for i in 0..<outSize {
      let center = (Double(i) + 0.5) * scale
      let low = max(0, Int(center - support + 0.5))
      let high = min(inSize, Int(center + support + 0.5))
      let n = max(0, min(taps, high - low))
      var total = 0.0
      for x in 0..<n {
        let distance = abs((Double(x + low) - center + 0.5) * inverseFilterScale)
        let w = distance < 1.0 ? 1.0 - distance : 0.0
        k[x] = w
        total += w
      }
      for x in 0..<n {
        let w = total != 0.0 ? k[x] / total : k[x]
        weights[i * taps + x] = Int32(w < 0 ? -0.5 + w * unit : 0.5 + w * unit)
      }
      first[i] = low
      count[i] = n
    }
    return AxisWeights(first: first, count: count, taps: taps, weights: weights)
  }

  @inline(__always)
  static func clip8(_ sum: Int) -> UInt8 {
    let v = sum >> precisionBits
    return v <= 0 ? 0 : (v >= 255 ? 255 : UInt8(truncatingIfNeeded: v))
  }

  /// Resizes interleaved 8-bit pixels.
  ///
  /// - Parameters:
  ///   - pixels: `[height, width, channels]` bytes.
  ///   - channels: 1...4; channels are filtered independently (no alpha premultiplication).
  /// - Returns: `[outHeight, outWidth, channels]` bytes.
  public static func resize(
    _ pixels: [UInt8], width: Int, height: Int, channels: Int, toWidth outWidth: Int,
    toHeight outHeight: Int
  ) -> [UInt8] {
    guard width > 0, height > 0, outWidth > 0, outHeight > 0, channels > 0,
      pixels.count >= width * height * channels
    else { return [UInt8](repeating: 0, count: max(0, outWidth * outHeight * channels)) }
    let vertical = axisWeights(inSize: height, outSize: outHeight)
    let firstRow = vertical.first[0]
    let lastRow = vertical.first[outHeight - 1] + vertical.count[outHeight - 1]
    let half = 1 << (precisionBits - 1)

    // Horizontal pass over rows firstRow..<lastRow (or a plain copy when the width stays).
    let rows = lastRow - firstRow
    var temporary = [UInt8](repeating: 0, count: rows * outWidth * channels)
    if outWidth == width {
      for r in 0..<rows {
        let source = (firstRow + r) * width * channels
        temporary.replaceSubrange(
          (r * width * channels)..<((r + 1) * width * channels),
          with: pixels[source..<(source + width * channels)])
      }
    } else {
      let horizontal = axisWeights(inSize: width, outSize: outWidth)
      pixels.withUnsafeBufferPointer { src in
        temporary.withUnsafeMutableBufferPointer { dst in
          horizontal.weights.withUnsafeBufferPointer { w in
            guard let sourceBase = src.baseAddress, let weightBase = w.baseAddress else { return }
            for r in 0..<rows {
              let sourceRow = (firstRow + r) * width * channels
              let targetRow = r * outWidth * channels
              for x in 0..<outWidth {
                let start = horizontal.first[x]
                let n = horizontal.count[x]
                let kernel = weightBase + x * horizontal.taps
                if channels == 1 {
                  let source = sourceBase + sourceRow + start
                  var sum = half
                  for t in 0..<n { sum &+= Int(source[t]) &* Int(kernel[t]) }
                  dst[targetRow + x] = clip8(sum)
                  continue
                }
                for c in 0..<channels {
                  var sum = half
                  var p = sourceRow + start * channels + c
                  for t in 0..<n {
                    sum &+= Int(src[p]) &* Int(kernel[t])
                    p += channels
                  }
                  dst[targetRow + x * channels + c] = clip8(sum)
                }
              }
            }
          }
        }
      }
    }
    if outHeight == height && firstRow == 0 && rows == height { return temporary }

    // Vertical pass; integer sums are exact, so rows can be accumulated in any order.
    let rowLength = outWidth * channels
    var output = [UInt8](repeating: 0, count: outHeight * rowLength)
    var accumulator = [Int](repeating: 0, count: rowLength)
    temporary.withUnsafeBufferPointer { src in
      output.withUnsafeMutableBufferPointer { dst in
        accumulator.withUnsafeMutableBufferPointer { acc in
          vertical.weights.withUnsafeBufferPointer { w in
            for y in 0..<outHeight {
              for i in 0..<rowLength { acc[i] = half }
              let start = vertical.first[y] - firstRow
              for t in 0..<vertical.count[y] {
                let weight = Int(w[y * vertical.taps + t])
                let row = (start + t) * rowLength
                for i in 0..<rowLength { acc[i] += Int(src[row + i]) * weight }
              }
              for i in 0..<rowLength { dst[y * rowLength + i] = clip8(acc[i]) }
            }
          }
        }
      }
    }
    return output
  }
}

extension GrayImage {
  /// This page resized like Pillow's `resize((width, height), Image.BILINEAR)`.
  public func resizedBilinear(width outWidth: Int, height outHeight: Int) -> GrayImage {
    GrayImage(
      width: outWidth, height: outHeight,
      pixels: BilinearResize.resize(
        pixels, width: width, height: height, channels: 1, toWidth: outWidth,
        toHeight: outHeight))
  }
}
