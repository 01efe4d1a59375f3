// LayoutLab — the page image as the LayoutLMv2 visual backbone takes it.

/// Pixel input for the visual backbone (`layoutlm-reference.md` §A.5, HF
/// `LayoutLMv2ImageProcessor`): the page converted to RGB, resized to `size × size` with
/// Pillow's bilinear filter, flipped to BGR and laid out channel-first as raw 0...255 floats.
/// The model subtracts the mean and divides by the standard deviation itself.
public enum ModelPixels {
  /// The side of the square the model expects.
  public static let defaultSize = 224

  /// `[3, size, size]` Float32 values in B, G, R plane order, 0...255.
  ///
  /// Gray pages are resized once and replicated, which gives the same bytes as Pillow's
  /// `convert("RGB").resize(...)` because every channel is filtered alike.
  public static func values(from image: RasterImage, size: Int = defaultSize) -> [Float] {
    let plane = size * size
    var values = [Float](repeating: 0, count: 3 * plane)
    switch image.mode {
    case .rgb, .rgba, .palette:
      let rgb = image.convertedToRGB()
      let resized = BilinearResize.resize(
        rgb.pixels, width: rgb.width, height: rgb.height, channels: 3, toWidth: size,
        toHeight: size)
      resized.withUnsafeBufferPointer { src in
        values.withUnsafeMutableBufferPointer { dst in
          for i in 0..<plane {
            dst[i] = Float(src[3 * i + 2])
            dst[plane + i] = Float(src[3 * i + 1])
            dst[2 * plane + i] = Float(src[3 * i])
          }
        }
      }
    case .gray, .bilevel, .gray16, .grayAlpha:
      let gray = image.convertedToGray().resizedBilinear(width: size, height: size)
      fillReplicated(gray.pixels, plane: plane, into: &values)
    }
    return values
  }

  /// `[3, size, size]` BGR values for an 8-bit gray page (the three planes are equal).
  public static func values(from page: GrayImage, size: Int = defaultSize) -> [Float] {
    let plane = size * size
    var values = [Float](repeating: 0, count: 3 * plane)
    fillReplicated(
      page.resizedBilinear(width: size, height: size).pixels, plane: plane, into: &values)
    return values
  }

  static func fillReplicated(_ gray: [UInt8], plane: Int, into values: inout [Float]) {
    gray.withUnsafeBufferPointer { src in
      values.withUnsafeMutableBufferPointer { dst in
        for i in 0..<min(plane, src.count) {
          let v = Float(src[i])
          dst[i] = v
          dst[plane + i] = v
          dst[2 * plane + i] = v
        }
      }
    }
  }
}
